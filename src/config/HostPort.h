// A host and a port as the configuration gives them (reporter.localAgentHostPort,
// JAEGER_AGENT_HOST and JAEGER_AGENT_PORT, JAEGER_SAMPLING_MANAGER_HOST_PORT,
// baggage_restrictions.hostPort), checked when it is read, so that a typo fails Tracer::make
// rather than a DNS lookup on the reporter's thread later.
#ifndef JAEGERTRACING_CONFIG_HOSTPORT_H
#define JAEGERTRACING_CONFIG_HOSTPORT_H

#include <cstdint>
#include <string>

#include "config/Checked.h"

namespace jaegertracing {
namespace detail {

struct HostPort {
  std::string host;  // a name, an IPv4 address, or an IPv6 address without its brackets
  uint16_t port;
};

// Reads "host:port", "1.2.3.4:port" or "[::1]:port" with a port in 1..65535. Throws
// ConfigError naming `key` and quoting `text`.
HostPort parseHostPort(const std::string& key, const std::string& text);

namespace config {

Checked<HostPort> checkHostPort(const std::string& key, const std::string& text);
// A port alone, as JAEGER_AGENT_PORT gives it.
Checked<uint16_t> checkPort(const std::string& key, const std::string& text);
// A host alone, as JAEGER_AGENT_HOST gives it; returns it bracketed when it is IPv6, ready to
// be joined with ":port".
Checked<std::string> checkHost(const std::string& key, const std::string& text);

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_HOSTPORT_H
