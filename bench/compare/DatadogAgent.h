// A Datadog agent's trace intake, enough for a tracer to deliver to (cpp-httplib on 127.0.0.1,
// a port the OS picks): PUT or POST /v0.3/traces or /v0.4/traces, a msgpack body that is an
// array of traces, each an array of spans (maps). It answers 200 with an empty sampling-rate
// table, and counts the spans and their distinct span_ids.
#ifndef JAEGERTRACING_BENCH_COMPARE_DATADOGAGENT_H
#define JAEGERTRACING_BENCH_COMPARE_DATADOGAGENT_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>

namespace httplib {
class Server;
}

namespace jaegertracing {
namespace compare {

class DatadogAgent {
 public:
  DatadogAgent();
  ~DatadogAgent();
  DatadogAgent(const DatadogAgent&) = delete;
  DatadogAgent& operator=(const DatadogAgent&) = delete;

  uint16_t port() const { return port_; }

  // Spans received, counted once per span_id.
  size_t distinctSpans() const;
  // Spans received, duplicates included.
  size_t spans() const;
  // Requests whose body was not an array of arrays of maps.
  size_t malformedRequests() const;
  // Requests received: grows while a tracer is still delivering.
  size_t requests() const { return requests_.load(); }

 private:
  void count(const std::string& body);

  std::unique_ptr<httplib::Server> server_;
  uint16_t port_ = 0;
  std::atomic<size_t> requests_{0};
  std::atomic<bool> listenReturned_{false};
  mutable std::mutex mutex_;
  std::unordered_set<uint64_t> spanIds_;
  size_t spans_ = 0;
  size_t malformed_ = 0;
  std::thread thread_;
};

}  // namespace compare
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_COMPARE_DATADOGAGENT_H
