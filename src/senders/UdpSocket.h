#ifndef JAEGERTRACING_SRC_SENDERS_UDPSOCKET_H
#define JAEGERTRACING_SRC_SENDERS_UDPSOCKET_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace jaegertracing {
namespace detail {

// A UDP socket connected to host:port (a name, IPv4 or IPv6 address). The host is resolved
// when the socket (re)connects, so an agent that moved is found again after a failure.
class UdpSocket {
 public:
  UdpSocket(std::string host, uint16_t port);
  ~UdpSocket();
  UdpSocket(const UdpSocket&) = delete;
  UdpSocket& operator=(const UdpSocket&) = delete;

  // Sends one datagram, connecting first if needed. On failure returns false with the reason
  // in lastError(), and closes the socket so the next send resolves and connects again.
  bool send(const uint8_t* data, size_t size);
  const std::string& lastError() const { return lastError_; }

 private:
  bool connect();
  void disconnect();

  std::string host_;
  uint16_t port_;
  int fd_ = -1;
  std::string lastError_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_UDPSOCKET_H
