#include "senders/UdpSocket.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jaegertracing {
namespace detail {

UdpSocket::UdpSocket(std::string host, uint16_t port) : host_(std::move(host)), port_(port) {}

UdpSocket::~UdpSocket() { disconnect(); }

bool UdpSocket::connect() {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* results = nullptr;
  const std::string service = std::to_string(port_);
  const int status = getaddrinfo(host_.c_str(), service.c_str(), &hints, &results);
  if (status != 0) {
    lastError_ = "cannot resolve " + host_ + ": " + gai_strerror(status);
    return false;
  }
  for (const addrinfo* entry = results; entry != nullptr; entry = entry->ai_next) {
    const int fd =
        ::socket(entry->ai_family, entry->ai_socktype | SOCK_CLOEXEC, entry->ai_protocol);
    if (fd < 0) {
      lastError_ = std::string("socket: ") + std::strerror(errno);
      continue;
    }
    if (::connect(fd, entry->ai_addr, entry->ai_addrlen) == 0) {
      fd_ = fd;
      break;
    }
    lastError_ = "connect to " + host_ + ":" + service + ": " + std::strerror(errno);
    ::close(fd);
  }
  freeaddrinfo(results);
  return fd_ >= 0;
}

void UdpSocket::disconnect() {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

bool UdpSocket::send(const uint8_t* data, size_t size) {
  if (fd_ < 0 && !connect()) return false;
  ssize_t sent;
  do {
    sent = ::send(fd_, data, size, MSG_NOSIGNAL);
  } while (sent < 0 && errno == EINTR);
  if (sent == static_cast<ssize_t>(size)) return true;
  lastError_ = sent < 0 ? std::string("send to ") + host_ + ": " + std::strerror(errno)
                        : std::string("short send to ") + host_;
  disconnect();
  return false;
}

}  // namespace detail
}  // namespace jaegertracing
