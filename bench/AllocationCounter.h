// Heap allocations made by the calling thread, counted by the operator new this binary replaces
// (AllocationCounter.cpp), so a benchmark can report allocations per operation beside its time.
// Every operator new the libraries in the process call goes through it.
#ifndef JAEGERTRACING_BENCH_ALLOCATIONCOUNTER_H
#define JAEGERTRACING_BENCH_ALLOCATIONCOUNTER_H

#include <benchmark/benchmark.h>

#include <cstdint>

namespace jaegertracing {
namespace bench {

// Allocations by this thread since it started.
uint64_t allocationsOnThisThread() noexcept;

// Counts from construction to report(): the allocations of the timed loop, averaged over its
// iterations as the counter "allocs/op". Construct it just before the loop.
class AllocationsPerOperation {
 public:
  AllocationsPerOperation() : start_(allocationsOnThisThread()) {}

  void report(benchmark::State& state) const {
    state.counters["allocs/op"] =
        benchmark::Counter(static_cast<double>(allocationsOnThisThread() - start_),
                           benchmark::Counter::kAvgIterations);
  }

 private:
  uint64_t start_;
};

}  // namespace bench
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_ALLOCATIONCOUNTER_H
