// A Jaeger agent's UDP port (compact protocol, 127.0.0.1, a port the OS picks) that keeps up with
// any burst: its thread only copies each datagram into memory, and decoding, with the generated
// Thrift types, waits until the spans are counted. An agent that decodes as datagrams arrive
// (tools/agent's AgentReceiver) falls behind a tracer that sends 100,000 spans in a fraction of
// a second on a busy two-core machine, and the kernel drops what overflows its receive buffer:
// that would count the receiver's losses as the tracer's.
#ifndef JAEGERTRACING_BENCH_DATAGRAMRECORDER_H
#define JAEGERTRACING_BENCH_DATAGRAMRECORDER_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace jaegertracing {
namespace bench {

class DatagramRecorder {
 public:
  struct Spans {
    std::vector<int64_t> spanIds;  // of every span decoded, in arrival order
    size_t malformedDatagrams = 0;
  };

  // Throws std::system_error when the socket cannot be bound.
  DatagramRecorder();
  ~DatagramRecorder();
  DatagramRecorder(const DatagramRecorder&) = delete;
  DatagramRecorder& operator=(const DatagramRecorder&) = delete;

  uint16_t port() const { return port_; }
  std::string hostPort() const { return "127.0.0.1:" + std::to_string(port_); }
  // Datagrams received so far: grows while a tracer is still delivering.
  size_t datagrams() const { return received_.load(std::memory_order_acquire); }

  // Stops receiving, then decodes every datagram received. Call once.
  Spans stopAndDecode();

 private:
  void run();
  void stop();

  int socket_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<size_t> received_{0};
  std::vector<std::string> datagrams_;  // the receiving thread's until it is joined
  std::thread thread_;
};

}  // namespace bench
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_DATAGRAMRECORDER_H
