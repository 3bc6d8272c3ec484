// The benchmarks' main: Google Benchmark's, after making the process multi-threaded.
#include <benchmark/benchmark.h>

#include <cstring>
#include <thread>

#include "PeakRss.h"

int main(int argc, char** argv) {
  // glibc's mutexes and libstdc++'s shared_ptr skip their atomic instructions while the
  // process has never had a second thread. An application with a tracer always has one, the
  // reporter's; without this the benchmarks that run before the first Tracer::make, or alone
  // under --benchmark_filter, would measure a cheaper path (unsampled spans came out about 20%
  // cheaper that way).
  std::thread([] {}).join();

  if (argc == 2 && std::strcmp(argv[1], jaegertracing::bench::kPeakRssChildArgument) == 0) {
    return jaegertracing::bench::runPeakRssChild();
  }

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
