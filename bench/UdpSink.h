// A UDP port on 127.0.0.1 (chosen by the OS) for tracers to send to when what they send does not
// matter, only what sending costs them.
#ifndef JAEGERTRACING_BENCH_UDPSINK_H
#define JAEGERTRACING_BENCH_UDPSINK_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace jaegertracing {
namespace bench {

// A UDP socket on 127.0.0.1 that nobody reads: the reporter's datagrams fill its receive buffer
// and the kernel drops the rest. Sending costs the same as to a real agent, and no third thread
// competes with the benchmark and the reporter for the cores.
class UdpSink {
 public:
  UdpSink() : fd_(::socket(AF_INET, SOCK_DGRAM, 0)) {
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      const std::string error = std::strerror(errno);
      ::close(fd_);
      throw std::runtime_error("bind 127.0.0.1:0: " + error);
    }
    port_ = ntohs(address.sin_port);
  }
  ~UdpSink() { ::close(fd_); }
  UdpSink(const UdpSink&) = delete;
  UdpSink& operator=(const UdpSink&) = delete;

  uint16_t port() const { return port_; }
  std::string hostPort() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_;
  uint16_t port_ = 0;
};

}  // namespace bench
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_UDPSINK_H
