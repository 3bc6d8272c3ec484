// Inject into and extract from the carriers an RPC framework has, in the Jaeger format
// (uber-trace-id), without baggage: what every traced request pays twice.
#include <benchmark/benchmark.h>
#include <jaegertracing/Tracer.h>

#include <memory>

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
void injectExtract(benchmark::State& state) {
  const std::shared_ptr<Tracer> tracer = makeDiscardingTracer(true);
  const auto span = tracer->StartSpan("GET /api/v1/users/{id}");
  Carrier carrier;
  for (auto _ : state) {
    carrier.clear();
    const auto injected = tracer->Inject(span->context(), carrier);
    auto extracted = tracer->Extract(carrier);
    benchmark::DoNotOptimize(injected);
    benchmark::DoNotOptimize(extracted->get());
  }
  if (!holdsContextOf(*tracer, carrier, *span)) {
    state.SkipWithError("the injected context did not extract");
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_InjectExtract_TextMap(benchmark::State& state) { injectExtract<TextMapCarrier>(state); }
BENCHMARK(BM_InjectExtract_TextMap);

void BM_InjectExtract_HTTPHeaders(benchmark::State& state) {
  injectExtract<HTTPHeadersCarrier>(state);
}
BENCHMARK(BM_InjectExtract_HTTPHeaders);

}  // namespace
}  // namespace bench
}  // namespace jaegertracing
