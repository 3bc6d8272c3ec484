// What the benchmarks share: tracers configured as an application would (Tracer::make) or with
// a reporter that discards, and what a request handler does with its span.
#ifndef JAEGERTRACING_BENCH_BENCHSUPPORT_H
#define JAEGERTRACING_BENCH_BENCHSUPPORT_H

#include <benchmark/benchmark.h>
#include <jaegertracing/Config.h>
#include <jaegertracing/Tracer.h>

#include <chrono>
#include <memory>
#include <string>

#include "UdpSink.h"
#include "VectorCarrier.h"
#include "reporters/Reporter.h"
#include "tracer/TracerCore.h"
#include "tracer/TracerLifetime.h"

namespace jaegertracing {
namespace bench {

inline constexpr const char* kServiceName = "jaegertracing-bench";
// Large enough that the reporter's thread, woken at half full, keeps up and nothing is dropped
// unless encoding cannot keep pace with the caller.
inline constexpr int kQueueSize = 100000;

// Longer than std::string's 15-character inline buffer, as most real operation names and URLs
// are: copying them allocates.
inline constexpr const char* kOperationName = "GET /api/v1/users/{id}";
inline const std::string kUrl = "/api/v1/users/12345/orders";

// What a request handler does with its span: 2 tags (a string, an int) and 1 log of 2 fields.
inline void sampledWorkload(const opentracing::Tracer& tracer) {
  auto span = tracer.StartSpan(kOperationName);
  span->SetTag("http.url", kUrl);
  span->SetTag("http.status_code", 200);
  span->Log({{"event", "cache.miss"}, {"key", 42}});
  span->Finish();
  benchmark::DoNotOptimize(span.get());
}

// Const sampler with the given decision; the reporter sends to agentHostPort.
inline Config makeConfig(
    bool sampled, const std::string& agentHostPort,
    propagation::Format format = propagation::Format::JAEGER, int queueSize = kQueueSize,
    std::chrono::steady_clock::duration flushInterval = std::chrono::seconds(1)) {
  return Config(
      /*disabled=*/false, /*traceId128Bit=*/false,
      samplers::Config(kSamplerTypeConst, sampled ? 1.0 : 0.0),
      reporters::Config(queueSize, flushInterval, /*logSpans=*/false, agentHostPort),
      propagation::HeadersConfig(), baggage::RestrictionsConfig(), kServiceName, /*tags=*/{},
      format);
}

// The tracer an application gets: Tracer::make, with the real reporter and its thread.
inline std::shared_ptr<Tracer> makeTracer(bool sampled, const std::string& agentHostPort) {
  return std::static_pointer_cast<Tracer>(Tracer::make(makeConfig(sampled, agentHostPort)));
}

// Drops every span it gets, on the caller's thread: no network, no second thread, no queue.
// What it leaves out is not only the reporter's work: the real reporter frees each span on its
// own thread, so the caller's malloc never gets that memory back in its thread cache. Compare
// BM_Sampled_Discard with BM_Sampled_StartTagsLogFinish to see what that costs the caller.
class DiscardingReporter final : public detail::Reporter {
 public:
  void report(std::unique_ptr<detail::SpanRecord> span) noexcept override { span.reset(); }
  bool flush(std::chrono::milliseconds) noexcept override { return true; }
  bool close(std::chrono::milliseconds) noexcept override { return true; }
};

inline std::shared_ptr<Tracer> makeDiscardingTracer(
    bool sampled, propagation::Format format = propagation::Format::JAEGER) {
  // The agent address is never used: the reporter given here replaces the configured one.
  const Config config = makeConfig(sampled, "127.0.0.1:6831", format);
  return detail::TracerLifetime::make(std::make_unique<detail::TracerCore>(
      kServiceName, config, std::shared_ptr<logging::Logger>(logging::nullLogger()),
      std::make_unique<DiscardingReporter>()));
}

}  // namespace bench
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_BENCHSUPPORT_H
