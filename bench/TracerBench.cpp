// The cost of a span to the application's thread, from the floor (OpenTracing's no-op tracer)
// through unsampled spans to sampled spans with tags and a log, reported for real over UDP or
// discarded, on one thread and on several.
#include <benchmark/benchmark.h>
#include <jaegertracing/Tracer.h>
#include <opentracing/noop.h>

#include <cstdint>
#include <memory>
#include <string>

#include "AllocationCounter.h"
#include "BenchSupport.h"

namespace jaegertracing {
namespace bench {
namespace {

void BM_NoopTracer_StartFinish(benchmark::State& state) {
  const std::shared_ptr<opentracing::Tracer> tracer = opentracing::MakeNoopTracer();
  const AllocationsPerOperation allocations;
  for (auto _ : state) {
    auto span = tracer->StartSpan(kOperationName);
    span->Finish();
    benchmark::DoNotOptimize(span.get());
  }
  allocations.report(state);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NoopTracer_StartFinish);

void BM_Unsampled_StartFinish(benchmark::State& state) {
  const UdpSink agent;
  const std::shared_ptr<Tracer> tracer = makeTracer(false, agent.hostPort());
  const AllocationsPerOperation allocations;
  for (auto _ : state) {
    auto span = tracer->StartSpan(kOperationName);
    span->Finish();
    benchmark::DoNotOptimize(span.get());
  }
  allocations.report(state);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Unsampled_StartFinish);

void BM_Unsampled_ChildStartFinish(benchmark::State& state) {
  const UdpSink agent;
  const std::shared_ptr<Tracer> tracer = makeTracer(false, agent.hostPort());
  const auto parent = tracer->StartSpan("parent");
  const AllocationsPerOperation allocations;
  for (auto _ : state) {
    auto span = tracer->StartSpan(kOperationName, {opentracing::ChildOf(&parent->context())});
    span->Finish();
    benchmark::DoNotOptimize(span.get());
  }
  allocations.report(state);
  parent->Finish();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Unsampled_ChildStartFinish);

// The real reporter: a bounded queue and a thread that encodes and sends to 127.0.0.1.
void BM_Sampled_StartTagsLogFinish(benchmark::State& state) {
  const UdpSink agent;
  const std::shared_ptr<Tracer> tracer = makeTracer(true, agent.hostPort());
  const AllocationsPerOperation allocations;
  for (auto _ : state) sampledWorkload(*tracer);
  allocations.report(state);
  const TracerStats finished = tracer->stats();
  tracer->Flush();
  const TracerStats flushed = tracer->stats();
  state.SetItemsProcessed(state.iterations());
  // Spans Finish could not queue: the reporter's thread did not keep up with this thread.
  state.counters["dropped"] = static_cast<double>(finished.droppedQueueFull);
  state.counters["reported"] = static_cast<double>(flushed.spansReported);
}
BENCHMARK(BM_Sampled_StartTagsLogFinish);

// The same workload with a reporter that discards: only what the caller's thread pays.
void BM_Sampled_Discard(benchmark::State& state) {
  const std::shared_ptr<Tracer> tracer = makeDiscardingTracer(true);
  const AllocationsPerOperation allocations;
  for (auto _ : state) sampledWorkload(*tracer);
  allocations.report(state);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sampled_Discard);

// Several threads on one tracer: what they share (counters, the tracer's reference count)
// shows up as time per span growing with the threads. Real time, summed over the threads: the
// tracer's throughput. With fewer cores than threads it measures oversubscription too.
void BM_Sampled_Discard_MT(benchmark::State& state) {
  static const std::shared_ptr<Tracer> tracer = makeDiscardingTracer(true);
  for (auto _ : state) sampledWorkload(*tracer);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sampled_Discard_MT)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

// The same threads with the real reporter: its queue is the one place they all write, and its
// thread takes a core from them. Spans the queue refused are counted, not hidden.
void BM_Sampled_MT(benchmark::State& state) {
  static const UdpSink agent;
  static const std::shared_ptr<Tracer> tracer = makeTracer(true, agent.hostPort());
  const uint64_t droppedBefore = tracer->stats().droppedQueueFull;
  for (auto _ : state) sampledWorkload(*tracer);
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    state.counters["dropped"] =
        static_cast<double>(tracer->stats().droppedQueueFull - droppedBefore);
  }
}
BENCHMARK(BM_Sampled_MT)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

}  // namespace
}  // namespace bench
}  // namespace jaegertracing
