// Sockets on 127.0.0.1 at a port the OS picks, for tests that need a port: to hold (nobody
// else gets it), to hand to a process that cannot report the port it bound, or to know refused.
#ifndef JAEGERTRACING_TESTS_SUPPORT_LOOPBACKSOCKET_H
#define JAEGERTRACING_TESTS_SUPPORT_LOOPBACKSOCKET_H

#include <netinet/in.h>

#include <cstdint>

namespace jaegertracing {
namespace testing {

// 127.0.0.1:port
sockaddr_in loopbackAddress(uint16_t port);

// A socket of `type` (SOCK_STREAM or SOCK_DGRAM, closed on exec) bound to 127.0.0.1 on a port
// the OS picks, not listening, its port in `port`; -1 when there is none. The caller closes it.
int bindLoopback(int type, uint16_t& port);

// A port of `type` that nothing listened on a moment ago: bound, then closed. 0 when none.
uint16_t closedLoopbackPort(int type);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_LOOPBACKSOCKET_H
