// Memory: the heap one queued span holds (2 tags, 1 log), and the peak resident set of a
// process that finishes 1,000,000 sampled spans.
#include <benchmark/benchmark.h>
#include <jaegertracing/Tracer.h>
#include <malloc.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "BenchSupport.h"
#include "PeakRss.h"

extern char** environ;

namespace jaegertracing {
namespace bench {
namespace {

constexpr int kHeldSpans = 20000;
constexpr int kPeakRssSpans = 1000000;

// mallinfo2 reports the main arena only: this runs on the main thread, whose spans come from it.
size_t heapInUse() { return mallinfo2().uordblks; }

// The heap that finished spans hold while they wait in the reporter's queue, per span. The
// queue is large enough that the reporter's thread (woken at half full, or by a flush interval
// that never comes) leaves them all there. A first round of spans is queued before measuring:
// it empties whatever free blocks a span pool kept from earlier benchmarks, so the measured
// round takes all its memory from the heap. The ring's slots are allocated once, at
// Tracer::make, for the whole queueSize, and are not counted here.
void BM_Memory_QueuedSpan(benchmark::State& state) {
  const UdpSink agent;
  const std::shared_ptr<Tracer> tracer = std::static_pointer_cast<Tracer>(
      Tracer::make(makeConfig(true, agent.hostPort(), propagation::Format::JAEGER,
                              4 * kHeldSpans + 2, std::chrono::hours(1))));
  size_t before = 0;
  size_t after = 0;
  for (auto _ : state) {
    for (int i = 0; i < kHeldSpans; ++i) sampledWorkload(*tracer);
    before = heapInUse();
    for (int i = 0; i < kHeldSpans; ++i) sampledWorkload(*tracer);
    after = heapInUse();
  }
  const uint64_t queued = tracer->stats().queueLength;
  state.counters["bytes/span"] =
      static_cast<double>(after - before) / static_cast<double>(kHeldSpans);
  state.counters["queued"] = static_cast<double>(queued);
  if (queued != 2 * kHeldSpans) {
    state.SkipWithError("the reporter's thread sent spans during the measurement");
  }
}
BENCHMARK(BM_Memory_QueuedSpan)->Iterations(1)->Unit(benchmark::kMillisecond);

struct PeakRssReport {
  long baselineKib = 0;
  long peakKib = 0;
  unsigned long long reported = 0;
  unsigned long long dropped = 0;
};

// A field of /proc/self/status in KiB ("VmHWM", "VmRSS"), or -1. Not getrusage's ru_maxrss:
// the kernel carries that across exec, so a child spawned by this large process would report
// the parent's peak.
long statusKib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.compare(0, field.size() + 1, field + ":") == 0) {
      return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
    }
  }
  return -1;
}

// Runs this binary again with kPeakRssChildArgument and reads its one line of results.
bool runChild(PeakRssReport& report, std::string& error) {
  int output[2];
  if (pipe(output) != 0) {
    error = "pipe failed";
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, output[0]);
  std::string self = "/proc/self/exe";
  std::string argument = kPeakRssChildArgument;
  char* argv[] = {self.data(), argument.data(), nullptr};
  pid_t child = 0;
  const int spawned = posix_spawn(&child, self.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(output[1]);
  if (spawned != 0) {
    close(output[0]);
    error = "cannot run " + self;
    return false;
  }
  FILE* stream = fdopen(output[0], "r");
  const int fields = std::fscanf(stream, "%ld %ld %llu %llu", &report.baselineKib, &report.peakKib,
                                 &report.reported, &report.dropped);
  std::fclose(stream);
  int status = 0;
  waitpid(child, &status, 0);
  if (fields != 4 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = "the child process failed";
    return false;
  }
  return true;
}

// The peak resident set of a child that did nothing but this: the binary, the libraries, a tracer
// with a queue of 100,000 spans, and what 1,000,000 spans through it took at the most.
void BM_Memory_PeakRss_1MSpans(benchmark::State& state) {
  PeakRssReport report;
  std::string error;
  for (auto _ : state) {
    if (!runChild(report, error)) {
      state.SkipWithError(error.c_str());
      return;
    }
  }
  state.counters["peak_rss_bytes"] = static_cast<double>(report.peakKib) * 1024;
  state.counters["baseline_rss_bytes"] = static_cast<double>(report.baselineKib) * 1024;
  state.counters["reported"] = static_cast<double>(report.reported);
  state.counters["dropped"] = static_cast<double>(report.dropped);
}
BENCHMARK(BM_Memory_PeakRss_1MSpans)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int runPeakRssChild() {
  const UdpSink agent;
  const std::shared_ptr<Tracer> tracer = makeTracer(true, agent.hostPort());
  const long baselineKib = statusKib("VmRSS");
  for (int i = 0; i < kPeakRssSpans; ++i) sampledWorkload(*tracer);
  if (!tracer->close(std::chrono::seconds(30))) return 1;
  const TracerStats stats = tracer->stats();
  const unsigned long long dropped = stats.droppedQueueFull + stats.droppedTooLarge +
                                     stats.droppedSendFailed + stats.droppedAfterClose;
  std::printf("%ld %ld %llu %llu\n", baselineKib, statusKib("VmHWM"),
              static_cast<unsigned long long>(stats.spansReported), dropped);
  return 0;
}

}  // namespace bench
}  // namespace jaegertracing
