#ifndef JAEGERTRACING_SRC_PLATFORM_HOSTINFO_H
#define JAEGERTRACING_SRC_PLATFORM_HOSTINFO_H

#include <string>

namespace jaegertracing {
namespace detail {

// This host's name; empty when it cannot be read.
std::string hostname();
// The first non-loopback IPv4 address of an interface that is up, dotted; empty if none.
std::string localIPv4();

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PLATFORM_HOSTINFO_H
