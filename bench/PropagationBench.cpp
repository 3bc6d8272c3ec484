// Inject into and extract from the carriers an RPC framework has, in each propagation format
// (Jaeger uber-trace-id, W3C traceparent, B3 multi-header), without baggage: what every traced
// request pays twice.
#include <benchmark/benchmark.h>
#include <jaegertracing/Tracer.h>

#include <memory>

#include "AllocationCounter.h"
#include "BenchSupport.h"

namespace jaegertracing {
namespace bench {
namespace {

// The carrier holds the span's context: the loop measured a round trip, not an early failure.
template <typename Carrier>
bool holdsContextOf(const Tracer& tracer, const Carrier& carrier, const opentracing::Span& span) {
  const auto context = tracer.Extract(carrier);
  return context && *context != nullptr && (*context)->ToSpanID() == span.context().ToSpanID() &&
         (*context)->ToTraceID() == span.context().ToTraceID();
}

template <typename Carrier>
void injectExtract(benchmark::State& state, propagation::Format format) {
  const std::shared_ptr<Tracer> tracer = makeDiscardingTracer(true, format);
  const auto span = tracer->StartSpan("GET /api/v1/users/{id}");
  Carrier carrier;
  const AllocationsPerOperation allocations;
  for (auto _ : state) {
    carrier.clear();
    const auto injected = tracer->Inject(span->context(), carrier);
    auto extracted = tracer->Extract(carrier);
    benchmark::DoNotOptimize(injected);
    benchmark::DoNotOptimize(extracted->get());
  }
  allocations.report(state);
  if (!holdsContextOf(*tracer, carrier, *span)) {
    state.SkipWithError("the injected context did not extract");
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_InjectExtract_TextMap(benchmark::State& state, propagation::Format format) {
  injectExtract<TextMapCarrier>(state, format);
}
BENCHMARK_CAPTURE(BM_InjectExtract_TextMap, Jaeger, propagation::Format::JAEGER);
BENCHMARK_CAPTURE(BM_InjectExtract_TextMap, W3C, propagation::Format::W3C);
BENCHMARK_CAPTURE(BM_InjectExtract_TextMap, B3, propagation::Format::B3);

void BM_InjectExtract_HTTPHeaders(benchmark::State& state, propagation::Format format) {
  injectExtract<HTTPHeadersCarrier>(state, format);
}
BENCHMARK_CAPTURE(BM_InjectExtract_HTTPHeaders, Jaeger, propagation::Format::JAEGER);
BENCHMARK_CAPTURE(BM_InjectExtract_HTTPHeaders, W3C, propagation::Format::W3C);
BENCHMARK_CAPTURE(BM_InjectExtract_HTTPHeaders, B3, propagation::Format::B3);

}  // namespace
}  // namespace bench
}  // namespace jaegertracing
