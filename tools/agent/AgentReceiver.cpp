#include "AgentReceiver.h"

#include <Agent.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thrift/protocol/TCompactProtocol.h>
#include <thrift/transport/TBufferTransports.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <memory>
#include <system_error>
#include <utility>

namespace jaegertracing {
namespace testing {
namespace {

using apache::thrift::protocol::TCompactProtocol;
using apache::thrift::protocol::TMessageType;
using apache::thrift::transport::TMemoryBuffer;

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

AgentReceiver::AgentReceiver(uint16_t port) {
  socket_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (socket_ < 0) {
    throwErrno("AgentReceiver: socket");
  }
  // A burst of batches (a tracer closing, a stress test) must not overflow the default buffer.
  // SO_RCVBUFFORCE passes net.core.rmem_max but needs CAP_NET_ADMIN; else take what we get.
  int bufferBytes = 8 << 20;
  if (::setsockopt(socket_, SOL_SOCKET, SO_RCVBUFFORCE, &bufferBytes, sizeof(bufferBytes)) != 0) {
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVBUF, &bufferBytes, sizeof(bufferBytes));
  }

  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (::bind(socket_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const int error = errno;
    closeIfOpen(socket_);
    throw std::system_error(error, std::generic_category(),
                            "AgentReceiver: bind 127.0.0.1:" + std::to_string(port));
  }
  port_ = ntohs(address.sin_port);

  if (::pipe2(wake_, O_CLOEXEC) != 0) {
    const int error = errno;
    closeIfOpen(socket_);
    throw std::system_error(error, std::generic_category(), "AgentReceiver: pipe");
  }
  thread_ = std::thread([this] { run(); });
}

AgentReceiver::~AgentReceiver() {
  const char stop = 's';
  // The pipe is empty and cannot be full, so this write does not block or fail short.
  [[maybe_unused]] const ssize_t written = ::write(wake_[1], &stop, 1);
  thread_.join();
  closeIfOpen(wake_[0]);
  closeIfOpen(wake_[1]);
  closeIfOpen(socket_);
}

std::string AgentReceiver::hostPort() const { return "127.0.0.1:" + std::to_string(port_); }

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

size_t AgentReceiver::malformedDatagrams() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_.size();
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

void AgentReceiver::decode(uint8_t* data, size_t size) {
  jaegertracing::agent::thrift::Agent_emitBatch_args args;
  std::string error;
  try {
    auto transport =
        std::make_shared<TMemoryBuffer>(data, static_cast<uint32_t>(size), TMemoryBuffer::OBSERVE);
    TCompactProtocol protocol(transport);
    std::string name;
    TMessageType type;
    int32_t sequenceId = 0;
    protocol.readMessageBegin(name, type, sequenceId);
    if (name != "emitBatch") {
      error = "message name \"" + name + "\", not \"emitBatch\"";
    } else if (type != apache::thrift::protocol::T_ONEWAY) {
      error = "message type " + std::to_string(static_cast<int>(type)) + ", not ONEWAY (4)";
    } else {
      args.read(&protocol);
      protocol.readMessageEnd();
      if (transport->available_read() != 0) {
        error = std::to_string(transport->available_read()) + " bytes after the message";
      }
    }
  } catch (const std::exception& e) {
    error = e.what();
    if (error.empty()) {
      error = "undecodable";
    }
  }

  {
    std::lock_guard<std::mutex> lock(mutex_);
    datagramSizes_.push_back(size);
    if (!error.empty()) {
      errors_.push_back("datagram of " + std::to_string(size) + " bytes: " + error);
      return;
    }
    spanCount_ += args.batch.spans.size();
    batches_.push_back(std::move(args.batch));
  }
  // Notify outside the lock so a woken waiter does not block on it at once.
  arrived_.notify_all();
}

}  // namespace testing
}  // namespace jaegertracing
