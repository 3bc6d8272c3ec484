// What a valid configuration value is. Config::parse, fromEnv and Tracer::make apply the same
// rules, so a value set in YAML, in the environment or in code fails with the same message;
// only the key differs (a YAML path such as "reporter.queueSize", or a JAEGER_* variable).
#ifndef JAEGERTRACING_CONFIG_CONFIGVALIDATION_H
#define JAEGERTRACING_CONFIG_CONFIGVALIDATION_H

#include <jaegertracing/Config.h>
#include <jaegertracing/ConfigError.h>
#include <jaegertracing/propagation/HeadersConfig.h>

#include <chrono>
#include <cstdint>
#include <opentracing/expected/expected.hpp>
#include <string>
#include <utility>

namespace jaegertracing {
namespace detail {

// Checks the whole configuration as Tracer::make receives it: a programmatic Config never went
// through parse. Throws ConfigError for an empty service name (key "service_name") or any
// value that parse would have refused, naming the same YAML key.
void validate(const Config& config, const std::string& serviceName);

struct HostPort {
  std::string host;  // a name, an IPv4 address, or an IPv6 address without its brackets
  uint16_t port;
};

// Reads "host:port", "1.2.3.4:port" or "[::1]:port" with a port in 1..65535. Throws
// ConfigError naming `key` and quoting `text`.
HostPort parseHostPort(const std::string& key, const std::string& text);

namespace config {

template <typename T>
using Checked = opentracing::expected<T, ConfigError>;

inline opentracing::unexpected_type<ConfigError> fail(std::string key, std::string value,
                                                      const std::string& why) {
  return opentracing::make_unexpected(ConfigError(std::move(key), std::move(value), why));
}

// The entry points (parse, fromEnv, validate) throw; everything below them returns Checked.
template <typename T>
T orThrow(Checked<T>&& checked) {
  if (!checked) {
    throw checked.error();
  }
  return std::move(*checked);
}
inline void orThrow(Checked<void>&& checked) {
  if (!checked) {
    throw checked.error();
  }
}

using Duration = std::chrono::steady_clock::duration;

// The quoted value of a duration set in code: its seconds, as the YAML would write them.
std::string formatSeconds(const Duration& duration);

Checked<HostPort> checkHostPort(const std::string& key, const std::string& text);
// A port alone, as JAEGER_AGENT_PORT gives it.
Checked<uint16_t> checkPort(const std::string& key, const std::string& text);
// A host alone, as JAEGER_AGENT_HOST gives it; returns it bracketed when it is IPv6, ready to
// be joined with ":port".
Checked<std::string> checkHost(const std::string& key, const std::string& text);

// const, probabilistic, ratelimiting or remote in any case; returns it in lower case.
Checked<std::string> checkSamplerType(const std::string& key, const std::string& text);
// The param's range for the (lower-case, known) type; `text` is the value as written.
Checked<void> checkSamplerParam(const std::string& key, const std::string& type, double param,
                                const std::string& text);

Checked<void> checkPositive(const std::string& key, int64_t value, const std::string& text);
Checked<void> checkMaxPacketSize(const std::string& key, int64_t value, const std::string& text);
// Bytes in one request to the collector: at least 1024, room for the Batch around the spans.
Checked<void> checkMaxBatchBytes(const std::string& key, int64_t value, const std::string& text);
Checked<void> checkPositive(const std::string& key, const Duration& value, const std::string& text);
Checked<void> checkNonNegative(const std::string& key, const Duration& value,
                               const std::string& text);
// An http:// or https:// URL (scheme in any case) with something after the scheme.
Checked<void> checkUrl(const std::string& key, const std::string& text);
// An HTTP header name (RFC 7230 token), since the propagators write it as is.
Checked<void> checkHeaderName(const std::string& key, const std::string& text);
// The trace context, debug and baggage headers must not start with the baggage prefix, or
// extract would read each as a baggage item and the other way round.
Checked<void> checkHeaderNamesApart(const propagation::HeadersConfig& headers);

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_CONFIGVALIDATION_H
