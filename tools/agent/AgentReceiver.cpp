#include "AgentReceiver.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>

namespace jaegertracing {
namespace testing {
namespace {

[[noreturn]] void throwErrno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

void closeIfOpen(int& fd) {
  if (fd >= 0) {
    ::close(fd);
    fd = -1;
  }
}

}  // namespace

AgentReceiver::AgentReceiver(uint16_t port)
    : AgentReceiver(Endpoint{"127.0.0.1", port, ThriftProtocol::kCompact}) {}

AgentReceiver::AgentReceiver(const Endpoint& endpoint, BatchHandler onBatch)
    : protocol_(endpoint.protocol), onBatch_(std::move(onBatch)) {
  const std::string where = endpoint.host + ":" + std::to_string(endpoint.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const int resolved =
      ::getaddrinfo(endpoint.host.c_str(), std::to_string(endpoint.port).c_str(), &hints, &found);
  if (resolved != 0) {
    throw std::system_error(EINVAL, std::generic_category(),
                            "AgentReceiver: " + where + ": " + ::gai_strerror(resolved));
  }
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, ::freeaddrinfo);

  socket_ = ::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, found->ai_protocol);
  if (socket_ < 0) {
    throwErrno("AgentReceiver: socket");
  }
  // A burst of batches (a tracer closing, a stress test) must not overflow the default buffer.
  // SO_RCVBUFFORCE passes net.core.rmem_max but needs CAP_NET_ADMIN; else take what we get.
  int bufferBytes = 8 << 20;
  if (::setsockopt(socket_, SOL_SOCKET, SO_RCVBUFFORCE, &bufferBytes, sizeof(bufferBytes)) != 0) {
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVBUF, &bufferBytes, sizeof(bufferBytes));
  }

  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  if (::bind(socket_, found->ai_addr, found->ai_addrlen) != 0 ||
      ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const int error = errno;
    closeIfOpen(socket_);
    throw std::system_error(error, std::generic_category(), "AgentReceiver: bind " + where);
  }
  char host[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET6) {
    const auto& ipv6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &ipv6.sin6_addr, host, sizeof(host));
    boundAddress_ = std::string("[") + host + "]";
    port_ = ntohs(ipv6.sin6_port);
  } else {
    const auto& ipv4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &ipv4.sin_addr, host, sizeof(host));
    boundAddress_ = host;
    port_ = ntohs(ipv4.sin_port);
  }

  if (::pipe2(wake_, O_CLOEXEC) != 0) {
    const int error = errno;
    closeIfOpen(socket_);
    throw std::system_error(error, std::generic_category(), "AgentReceiver: pipe");
  }
  thread_ = std::thread([this] { run(); });
}

AgentReceiver::~AgentReceiver() { stop(); }

void AgentReceiver::stop() {
  if (!thread_.joinable()) {
    return;
  }
  const char stop = 's';
  // The pipe is empty and cannot be full, so this write does not block or fail short.
  [[maybe_unused]] const ssize_t written = ::write(wake_[1], &stop, 1);
  thread_.join();
  closeIfOpen(wake_[0]);
  closeIfOpen(wake_[1]);
  closeIfOpen(socket_);
}

std::string AgentReceiver::hostPort() const { return boundAddress_ + ":" + std::to_string(port_); }

std::vector<jaegertracing::thrift::Batch> AgentReceiver::batches() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return batches_;
}

std::vector<jaegertracing::thrift::Span> AgentReceiver::spans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<jaegertracing::thrift::Span> spans;
  spans.reserve(spanCount_);
  for (const auto& batch : batches_) {
    spans.insert(spans.end(), batch.spans.begin(), batch.spans.end());
  }
  return spans;
}

std::vector<size_t> AgentReceiver::datagramSizes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return datagramSizes_;
}

size_t AgentReceiver::receivedSpans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spanCount_;
}

size_t AgentReceiver::malformedDatagrams() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return malformedCount_;
}

std::vector<std::string> AgentReceiver::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

bool AgentReceiver::waitForSpans(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  arrived_.wait_for(lock, timeout, [&] { return spanCount_ >= n || cancelled_; });
  return spanCount_ >= n;
}

size_t AgentReceiver::kernelDrops() const {
  struct stat status {};
  if (::fstat(socket_, &status) != 0) return 0;
  const std::string inode = std::to_string(status.st_ino);
  for (const char* table : {"/proc/net/udp", "/proc/net/udp6"}) {
    std::ifstream lines(table);
    std::string line;
    std::getline(lines, line);  // the header
    while (std::getline(lines, line)) {
      // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
      std::istringstream fields(line);
      std::string field[13];
      for (std::string& value : field) fields >> value;
      if (fields && field[9] == inode) return std::stoul(field[12]);
    }
  }
  return 0;
}

void AgentReceiver::cancelWaits() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
  }
  arrived_.notify_all();
}

void AgentReceiver::run() {
  std::vector<uint8_t> buffer(kReceiveBufferBytes);
  pollfd fds[2] = {{socket_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
  for (;;) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      return;  // Not expected with valid descriptors; nothing sensible is left to do.
    }
    if (fds[1].revents != 0) {
      return;
    }
    if (fds[0].revents == 0) {
      continue;
    }
    const ssize_t size = ::recv(socket_, buffer.data(), buffer.size(), MSG_DONTWAIT);
    if (size >= 0) {
      decode(buffer.data(), static_cast<size_t>(size));
    }
    // EAGAIN/EINTR: poll again. Errors reported for earlier datagrams (ICMP) do not matter here.
  }
}

void AgentReceiver::decode(const uint8_t* data, size_t size) {
  jaegertracing::thrift::Batch batch;
  const std::string error = decodeEmitBatch(data, size, protocol_, batch);
  const size_t spans = batch.spans.size();
  if (error.empty() && onBatch_) {
    // Outside the lock: the handler may take its time and its own locks.
    onBatch_(std::move(batch));
  }

  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!error.empty()) {
      ++malformedCount_;
      if (errors_.size() < kKeptErrors) {
        errors_.push_back("datagram of " + std::to_string(size) + " bytes: " + error);
      }
      if (!onBatch_) {
        datagramSizes_.push_back(size);
      }
      return;
    }
    spanCount_ += spans;
    if (!onBatch_) {
      datagramSizes_.push_back(size);
      batches_.push_back(std::move(batch));
    }
  }
  // Notify outside the lock so a woken waiter does not block on it at once.
  arrived_.notify_all();
}

}  // namespace testing
}  // namespace jaegertracing
