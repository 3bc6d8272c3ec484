// A Jaeger agent's UDP compact-protocol endpoint for tests and the demo. It binds 127.0.0.1 only
// and decodes every datagram on its own thread with the generated Thrift types, which are the
// reference decoder: a datagram that is not exactly one compact-protocol oneway "emitBatch"
// message (nothing missing, nothing trailing) is counted as malformed and the receiver keeps
// running.
#ifndef JAEGERTRACING_TOOLS_AGENT_AGENTRECEIVER_H
#define JAEGERTRACING_TOOLS_AGENT_AGENTRECEIVER_H

#include <jaeger_types.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace jaegertracing {
namespace testing {

class AgentReceiver {
 public:
  // Larger than any UDP payload over IPv4 (65507 bytes), so no datagram is ever truncated.
  static constexpr size_t kReceiveBufferBytes = 65536;

  // 0: the OS picks a free port. Throws std::system_error when the socket cannot be bound.
  explicit AgentReceiver(uint16_t port = 0);
  // Stops the receiving thread and joins it.
  ~AgentReceiver();

  AgentReceiver(const AgentReceiver&) = delete;
  AgentReceiver& operator=(const AgentReceiver&) = delete;

  uint16_t port() const { return port_; }
  // "127.0.0.1:<port>", the form of reporter.localAgentHostPort.
  std::string hostPort() const;

  // Copies taken under the lock, in arrival order.
  std::vector<jaegertracing::thrift::Batch> batches() const;
  // All spans of all batches.
  std::vector<jaegertracing::thrift::Span> spans() const;
  // The size of every datagram received, well-formed or not.
  std::vector<size_t> datagramSizes() const;
  size_t malformedDatagrams() const;
  // Why each malformed datagram was rejected, in arrival order.
  std::vector<std::string> errors() const;

  // Waits until at least n spans arrived; false when the timeout came first or cancelWaits()
  // was called.
  bool waitForSpans(size_t n, std::chrono::milliseconds timeout) const;
  // Wakes every waitForSpans now and in the future (e.g. from a signal-handling thread), which
  // then returns whether its spans had arrived.
  void cancelWaits();

 private:
  void run();
  void decode(uint8_t* data, size_t size);

  int socket_ = -1;
  // The destructor writes to wake_[1]; the receiving thread polls wake_[0] beside the socket.
  int wake_[2] = {-1, -1};
  uint16_t port_ = 0;

  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<jaegertracing::thrift::Batch> batches_;
  std::vector<size_t> datagramSizes_;
  size_t spanCount_ = 0;
  std::vector<std::string> errors_;
  bool cancelled_ = false;

  std::thread thread_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_AGENT_AGENTRECEIVER_H
