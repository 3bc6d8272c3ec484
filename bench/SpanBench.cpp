// What one SetTag or one baggage item costs on a live span, per kind of value.
#include <benchmark/benchmark.h>
#include <jaegertracing/Tracer.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "BenchSupport.h"

namespace jaegertracing {
namespace bench {
namespace {

// Longer than std::string's inline buffer, as a URL or a user agent is.
constexpr const char* kText = "/api/v1/users/12345/orders";

// A sampled span keeps every tag and baggage log, so one span cannot take millions of them:
// every kCallsPerSpan calls it is replaced, with the timer paused. The pause costs about a
// microsecond, a nanosecond per call once spread; the growth of the span's vectors up to that
// size is counted, as it is in a real span.
constexpr int kCallsPerSpan = 1024;

class SpanSupply {
 public:
  SpanSupply(const Tracer& tracer, benchmark::State& state)
      : tracer_(tracer), state_(state), span_(tracer.StartSpan(kOperationName)) {}

  opentracing::Span& next() {
    if (++calls_ > kCallsPerSpan) {
      state_.PauseTiming();
      span_ = tracer_.StartSpan(kOperationName);  // the old span finishes as it is destroyed
      calls_ = 1;
      state_.ResumeTiming();
    }
    return *span_;
  }

 private:
  const Tracer& tracer_;
  benchmark::State& state_;
  std::unique_ptr<opentracing::Span> span_;
  int calls_ = 0;
};

template <typename T>
void BM_SetTag(benchmark::State& state, T value) {
  const std::shared_ptr<Tracer> tracer = makeDiscardingTracer(true);
  SpanSupply spans(*tracer, state);
  for (auto _ : state) {
    spans.next().SetTag("key", value);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_SetTag, bool, true);
BENCHMARK_CAPTURE(BM_SetTag, double, 3.25);
BENCHMARK_CAPTURE(BM_SetTag, int64, int64_t{200});
BENCHMARK_CAPTURE(BM_SetTag, uint64, uint64_t{200});
// Above INT64_MAX: Jaeger has no unsigned type, so it becomes a decimal string.
BENCHMARK_CAPTURE(BM_SetTag, uint64_large, std::numeric_limits<uint64_t>::max());
BENCHMARK_CAPTURE(BM_SetTag, string, std::string(kText));
BENCHMARK_CAPTURE(BM_SetTag, string_view, opentracing::string_view(kText));
BENCHMARK_CAPTURE(BM_SetTag, const_char_ptr, kText);

// An unsampled span keeps no tag: only the caller's opentracing::Value is built.
template <typename T>
void BM_SetTag_Unsampled(benchmark::State& state, T value) {
  const std::shared_ptr<Tracer> tracer = makeDiscardingTracer(false);
  const auto span = tracer->StartSpan(kOperationName);
  for (auto _ : state) {
    span->SetTag("key", value);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_SetTag_Unsampled, int64, int64_t{200});
// opentracing::Value holds a std::string by value: the caller copies it before SetTag is called.
BENCHMARK_CAPTURE(BM_SetTag_Unsampled, string, std::string(kText));

// A sampled span also logs each baggage item it is given (event "baggage").
void BM_Baggage_SetGet(benchmark::State& state) {
  const std::shared_ptr<Tracer> tracer = makeDiscardingTracer(true);
  SpanSupply spans(*tracer, state);
  for (auto _ : state) {
    opentracing::Span& span = spans.next();
    span.SetBaggageItem("user-id", "12345");
    std::string value = span.BaggageItem("user-id");
    benchmark::DoNotOptimize(value.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Baggage_SetGet);

void BM_Baggage_SetGet_Unsampled(benchmark::State& state) {
  const std::shared_ptr<Tracer> tracer = makeDiscardingTracer(false);
  const auto span = tracer->StartSpan(kOperationName);
  for (auto _ : state) {
    span->SetBaggageItem("user-id", "12345");
    std::string value = span->BaggageItem("user-id");
    benchmark::DoNotOptimize(value.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Baggage_SetGet_Unsampled);

}  // namespace
}  // namespace bench
}  // namespace jaegertracing
