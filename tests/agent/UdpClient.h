// Sends datagrams to a port on 127.0.0.1, as a Jaeger client sends to its agent: for the tests
// of the test agent (tools/agent) and of jaeger-tail.
#ifndef JAEGERTRACING_TESTS_AGENT_UDPCLIENT_H
#define JAEGERTRACING_TESTS_AGENT_UDPCLIENT_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <string>

namespace jaegertracing {
namespace testing {

class UdpClient {
 public:
  UdpClient() : socket_(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {}
  ~UdpClient() { ::close(socket_); }

  UdpClient(const UdpClient&) = delete;
  UdpClient& operator=(const UdpClient&) = delete;

  // True when the whole datagram was sent.
  bool send(uint16_t port, const std::string& datagram) const {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return ::sendto(socket_, datagram.data(), datagram.size(), 0,
                    reinterpret_cast<const sockaddr*>(&address),
                    sizeof(address)) == static_cast<ssize_t>(datagram.size());
  }

 private:
  int socket_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_AGENT_UDPCLIENT_H
