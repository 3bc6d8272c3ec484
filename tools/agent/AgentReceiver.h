// A Jaeger agent's UDP endpoint for tests, the demo and jaeger-tail: the compact protocol (as on
// port 6831) or the binary one (6832). It binds 127.0.0.1 unless told otherwise and decodes
// every datagram on its own thread with the generated Thrift types, which are the reference
// decoder: a datagram that is not exactly one oneway "emitBatch" message in its protocol
// (nothing missing, nothing trailing) is counted as malformed and the receiver keeps running.
#ifndef JAEGERTRACING_TOOLS_AGENT_AGENTRECEIVER_H
#define JAEGERTRACING_TOOLS_AGENT_AGENTRECEIVER_H

#include <jaeger_types.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "agent/BatchDecoder.h"

namespace jaegertracing {
namespace testing {

class AgentReceiver {
 public:
  // Larger than any UDP payload over IPv4 (65507 bytes), so no datagram is ever truncated.
  static constexpr size_t kReceiveBufferBytes = 65536;

  // At most this many reasons are kept for errors(); malformedDatagrams() counts them all.
  static constexpr size_t kKeptErrors = 1000;

  struct Endpoint {
    std::string host = "127.0.0.1";  // an IPv4 or IPv6 address or a name
    uint16_t port = 0;               // 0: the OS picks a free port
    ThriftProtocol protocol = ThriftProtocol::kCompact;
  };
  // Called on the receiving thread with every well-formed batch.
  using BatchHandler = std::function<void(jaegertracing::thrift::Batch&&)>;

  // Compact protocol on 127.0.0.1. Throws std::system_error when the socket cannot be bound.
  explicit AgentReceiver(uint16_t port = 0);
  // With a handler, batches go to it and are not kept: batches(), spans() and datagramSizes()
  // stay empty, so a receiver that runs for long does not grow. Throws std::system_error when
  // the host cannot be resolved or the socket cannot be bound.
  explicit AgentReceiver(const Endpoint& endpoint, BatchHandler onBatch = nullptr);
  // stop()s.
  ~AgentReceiver();

  AgentReceiver(const AgentReceiver&) = delete;
  AgentReceiver& operator=(const AgentReceiver&) = delete;

  // Stops the receiving thread and joins it: nothing arrives after it returns, so the counts
  // below are final. Idempotent.
  void stop();

  uint16_t port() const { return port_; }
  ThriftProtocol protocol() const { return protocol_; }
  // "127.0.0.1:<port>" or "[::1]:<port>": the bound address in the form of
  // reporter.localAgentHostPort.
  std::string hostPort() const;

  // Copies taken under the lock, in arrival order.
  std::vector<jaegertracing::thrift::Batch> batches() const;
  // All spans of all batches.
  std::vector<jaegertracing::thrift::Span> spans() const;
  // The size of every datagram received, well-formed or not.
  std::vector<size_t> datagramSizes() const;
  // Spans of every well-formed batch, also those given to a handler.
  size_t receivedSpans() const;
  size_t malformedDatagrams() const;
  // Datagrams the kernel dropped for this socket because its receive buffer was full (the
  // "drops" column of /proc/net/udp and udp6); 0 when that cannot be read.
  size_t kernelDrops() const;
  // Why each malformed datagram was rejected, in arrival order (the first kKeptErrors).
  std::vector<std::string> errors() const;

  // Waits until at least n spans arrived; false when the timeout came first or cancelWaits()
  // was called.
  bool waitForSpans(size_t n, std::chrono::milliseconds timeout) const;
  // Wakes every waitForSpans now and in the future (e.g. from a signal-handling thread), which
  // then returns whether its spans had arrived.
  void cancelWaits();

 private:
  void run();
  void decode(const uint8_t* data, size_t size);

  ThriftProtocol protocol_;
  BatchHandler onBatch_;
  std::string boundAddress_;  // numeric, IPv6 in brackets
  int socket_ = -1;
  // The destructor writes to wake_[1]; the receiving thread polls wake_[0] beside the socket.
  int wake_[2] = {-1, -1};
  uint16_t port_ = 0;

  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<jaegertracing::thrift::Batch> batches_;
  std::vector<size_t> datagramSizes_;
  size_t spanCount_ = 0;
  size_t malformedCount_ = 0;
  std::vector<std::string> errors_;
  bool cancelled_ = false;

  std::thread thread_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_AGENT_AGENTRECEIVER_H
