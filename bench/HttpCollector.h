// A Jaeger collector's HTTP endpoint and an OTLP/HTTP receiver in the benchmark's process
// (cpp-httplib on 127.0.0.1, a port the OS picks): answers every POST with success and counts
// requests and body bytes, without decoding them, so the benchmark measures the sender and
// not a decoder. cpp-httplib inflates a gzip body before the count: bodyBytes() is then the
// uncompressed size; the tracer's bytesSent counts what went on the wire.
#ifndef JAEGERTRACING_BENCH_HTTPCOLLECTOR_H
#define JAEGERTRACING_BENCH_HTTPCOLLECTOR_H

#include <atomic>
#include <cstdint>
#include <string>

#include "support/HttpTestServer.h"

namespace jaegertracing {
namespace bench {

class HttpCollector {
 public:
  HttpCollector();

  // http://127.0.0.1:<port>/api/traces
  std::string endpoint() const;
  // http://127.0.0.1:<port>/v1/traces
  std::string otlpEndpoint() const;
  uint64_t requests() const { return requests_.load(std::memory_order_relaxed); }
  uint64_t bodyBytes() const { return bodyBytes_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> requests_{0};
  std::atomic<uint64_t> bodyBytes_{0};
  testing::HttpTestServer server_;  // last: see tests/support/HttpTestServer.h
};

}  // namespace bench
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_HTTPCOLLECTOR_H
