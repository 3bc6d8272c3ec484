#include "DatagramRecorder.h"

#include <Agent.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thrift/protocol/TCompactProtocol.h>
#include <thrift/transport/TBufferTransports.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <memory>
#include <system_error>

namespace jaegertracing {
namespace bench {
namespace {

// Larger than any UDP payload over IPv4, so no datagram is truncated.
constexpr size_t kMaxDatagramBytes = 65536;
// How long the thread waits in recv before it looks at stopping_ again.
constexpr int kPollMicroseconds = 20000;

}  // namespace

DatagramRecorder::DatagramRecorder() {
  socket_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (socket_ < 0) throw std::system_error(errno, std::generic_category(), "socket");
  // As much buffer as the system allows (SO_RCVBUFFORCE needs CAP_NET_ADMIN): the thread copies
  // fast, but the machine may not run it for a while.
  int bufferBytes = 64 << 20;
  if (::setsockopt(socket_, SOL_SOCKET, SO_RCVBUFFORCE, &bufferBytes, sizeof bufferBytes) != 0) {
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVBUF, &bufferBytes, sizeof bufferBytes);
  }
  timeval timeout{0, kPollMicroseconds};
  ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const int error = errno;
    ::close(socket_);
    throw std::system_error(error, std::generic_category(), "bind 127.0.0.1:0");
  }
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { run(); });
}

DatagramRecorder::~DatagramRecorder() {
  stop();
  ::close(socket_);
}

void DatagramRecorder::stop() {
  stopping_.store(true);
  if (thread_.joinable()) thread_.join();
}

void DatagramRecorder::run() {
  std::string buffer(kMaxDatagramBytes, '\0');
  while (!stopping_.load()) {
    const ssize_t size = ::recv(socket_, buffer.data(), buffer.size(), 0);
    if (size < 0) continue;  // the poll timeout, or an interrupted call
    datagrams_.emplace_back(buffer.data(), static_cast<size_t>(size));
    received_.fetch_add(1, std::memory_order_release);
  }
}

DatagramRecorder::Spans DatagramRecorder::stopAndDecode() {
  using apache::thrift::protocol::TCompactProtocol;
  using apache::thrift::protocol::TMessageType;
  using apache::thrift::transport::TMemoryBuffer;

  stop();
  Spans spans;
  for (std::string& datagram : datagrams_) {
    try {
      auto transport = std::make_shared<TMemoryBuffer>(reinterpret_cast<uint8_t*>(datagram.data()),
                                                       static_cast<uint32_t>(datagram.size()),
                                                       TMemoryBuffer::OBSERVE);
      TCompactProtocol protocol(transport);
      std::string name;
      TMessageType type;
      int32_t sequenceId = 0;
      protocol.readMessageBegin(name, type, sequenceId);
      agent::thrift::Agent_emitBatch_args args;
      args.read(&protocol);
      protocol.readMessageEnd();
      if (name != "emitBatch" || type != apache::thrift::protocol::T_ONEWAY ||
          transport->available_read() != 0) {
        ++spans.malformedDatagrams;
        continue;
      }
      for (const auto& span : args.batch.spans) spans.spanIds.push_back(span.spanId);
    } catch (const std::exception&) {
      ++spans.malformedDatagrams;
    }
  }
  return spans;
}

}  // namespace bench
}  // namespace jaegertracing
