#include "senders/UdpSocket.h"

#include <netdb.h>
#include <poll.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace jaegertracing {
namespace detail {

std::vector<ResolvedAddress> resolveWithGetaddrinfo(const std::string& host, uint16_t port,
                                                    std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* results = nullptr;
  const std::string service = std::to_string(port);
  const int status = getaddrinfo(host.c_str(), service.c_str(), &hints, &results);
  std::vector<ResolvedAddress> addresses;
  if (status != 0) {
    error = "cannot resolve " + host + ": " + gai_strerror(status);
    return addresses;
  }
  for (const addrinfo* entry = results; entry != nullptr; entry = entry->ai_next) {
    if (entry->ai_addrlen > sizeof(sockaddr_storage)) continue;
    ResolvedAddress address;
    std::memcpy(&address.address, entry->ai_addr, entry->ai_addrlen);
    address.length = entry->ai_addrlen;
    addresses.push_back(address);
  }
  freeaddrinfo(results);
  return addresses;
}

UdpSocket::UdpSocket(std::string host, uint16_t port,
                     std::chrono::steady_clock::duration resolveInterval, Resolver resolver)
    : host_(std::move(host)),
      port_(port),
      resolveInterval_(resolveInterval),
      resolver_(std::move(resolver)) {}

UdpSocket::~UdpSocket() { disconnect(); }

bool UdpSocket::connect() {
  const std::vector<ResolvedAddress> addresses = resolver_(host_, port_, lastError_);
  for (const ResolvedAddress& address : addresses) {
    const int family = address.address.ss_family;
    const int fd = ::socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      lastError_ = std::string("socket: ") + std::strerror(errno);
      continue;
    }
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address.address), address.length) == 0) {
      fd_ = fd;
      connectedAt_ = std::chrono::steady_clock::now();
      return true;
    }
    lastError_ = "connect to " + host_ + ":" + std::to_string(port_) + ": " + std::strerror(errno);
    ::close(fd);
  }
  return false;
}

void UdpSocket::disconnect() {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

bool UdpSocket::send(const uint8_t* data, size_t size,
                     std::chrono::steady_clock::time_point deadline) {
  if (fd_ >= 0 && std::chrono::steady_clock::now() - connectedAt_ >= resolveInterval_) {
    disconnect();
  }
  if (fd_ < 0 && !connect()) return false;
  ssize_t sent;
  for (;;) {
    // Never blocks past the deadline: a full socket buffer is waited for, up to it, and is
    // then a failed datagram.
    sent = ::send(fd_, data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent >= 0 || errno == EINTR) {
      if (sent >= 0) break;
      continue;
    }
    if (errno != EAGAIN && errno != EWOULDBLOCK) break;
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) break;
    pollfd writable{fd_, POLLOUT, 0};
    const auto wait =
        std::min<int64_t>(1000, std::chrono::ceil<std::chrono::milliseconds>(left).count());
    ::poll(&writable, 1, static_cast<int>(wait));
  }
  if (sent == static_cast<ssize_t>(size)) return true;
  lastError_ = sent < 0 ? std::string("send to ") + host_ + ": " + std::strerror(errno)
                        : std::string("short send to ") + host_;
  disconnect();
  return false;
}

}  // namespace detail
}  // namespace jaegertracing
