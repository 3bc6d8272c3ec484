#ifndef JAEGERTRACING_SRC_SENDERS_UDPSOCKET_H
#define JAEGERTRACING_SRC_SENDERS_UDPSOCKET_H

#include <sys/socket.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace jaegertracing {
namespace detail {

struct ResolvedAddress {
  sockaddr_storage address{};
  socklen_t length = 0;
};

// Turns host:port into addresses (getaddrinfo by default); on failure returns none and says why.
using Resolver = std::function<std::vector<ResolvedAddress>(const std::string& host, uint16_t port,
                                                            std::string& error)>;

std::vector<ResolvedAddress> resolveWithGetaddrinfo(const std::string& host, uint16_t port,
                                                    std::string& error);

// A UDP socket connected to host:port (a name, IPv4 or IPv6 address). The host is resolved
// again after any send error and every resolveInterval, so an agent that restarts elsewhere,
// or whose name comes to mean another address, is found again.
class UdpSocket {
 public:
  static constexpr std::chrono::seconds kDefaultResolveInterval{30};

  UdpSocket(std::string host, uint16_t port,
            std::chrono::steady_clock::duration resolveInterval = kDefaultResolveInterval,
            Resolver resolver = resolveWithGetaddrinfo);
  ~UdpSocket();
  UdpSocket(const UdpSocket&) = delete;
  UdpSocket& operator=(const UdpSocket&) = delete;

  // Sends one datagram, connecting first if needed. On failure returns false with the reason
  // in lastError(), and closes the socket so the next send resolves and connects again.
  // Waits for room in the socket's buffer until `deadline` at the latest.
  bool send(const uint8_t* data, size_t size, std::chrono::steady_clock::time_point deadline);
  const std::string& lastError() const { return lastError_; }

 private:
  bool connect();
  void disconnect();

  const std::string host_;
  const uint16_t port_;
  const std::chrono::steady_clock::duration resolveInterval_;
  const Resolver resolver_;
  int fd_ = -1;
  std::chrono::steady_clock::time_point connectedAt_;
  std::string lastError_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_UDPSOCKET_H
