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
#include <string>

#include "config/Checked.h"
// Host and port values are part of what is valid; the readers of the configuration see their
// checks here with the rest.
#include "config/HostPort.h"

namespace jaegertracing {
namespace detail {

// Checks the whole configuration as Tracer::make receives it: a programmatic Config never went
// through parse. Throws ConfigError for an empty service name (key "service_name") or any
// value that parse would have refused, naming the same YAML key.
void validate(const Config& config, const std::string& serviceName);

namespace config {

using Duration = std::chrono::steady_clock::duration;

// The quoted value of a duration set in code: its seconds, as the YAML would write them.
std::string formatSeconds(const Duration& duration);

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
