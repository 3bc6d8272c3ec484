// The four workloads compare runs against every tracer, through the OpenTracing API only:
//   unsampled     StartSpan + Finish, the tracer told not to sample;
//   sampled       StartSpan, SetTag string, SetTag int, Log of two fields, Finish;
//   injectExtract Inject into a TextMap carrier and Extract from it;
//   burst         100,000 sampled spans as fast as one thread can, Close(), then the spans that
//                 reached the receiver compare runs (a Jaeger agent and a Datadog agent).
// Each is repeated and the median kept: nanoseconds per operation, or spans received.
#ifndef JAEGERTRACING_BENCH_COMPARE_WORKLOADS_H
#define JAEGERTRACING_BENCH_COMPARE_WORKLOADS_H

#include <cstddef>
#include <string>

#include "TracerSource.h"

namespace jaegertracing {
namespace compare {

inline constexpr size_t kBurstSpans = 100000;

// The median of the repetitions, or why there is none.
struct Result {
  bool measured = false;
  double median = 0;
  std::string note;  // e.g. spans received twice, or the failure
};

// What a timing reads. The caller's thread's CPU time leaves out the time other processes took
// the core from it, which on a shared machine is most of the noise; it also leaves out time
// the caller spent blocked (on a lock the reporter holds, say), which wall time shows.
enum class TimingClock { kThreadCpu, kWall };

struct WorkloadOptions {
  int repetitions = 5;
  TimingClock clock = TimingClock::kThreadCpu;
  // Spans per repetition of "sampled": a fresh tracer each time, and no more than the default
  // templates' queue holds, so no tracer is timed dropping spans instead of queueing them.
  size_t sampledSpans = 50000;
};

Result runUnsampled(const TracerSource& source, const WorkloadOptions& options);
Result runSampled(const TracerSource& source, const WorkloadOptions& options);
Result runInjectExtract(const TracerSource& source, const WorkloadOptions& options);
Result runBurst(const TracerSource& source, const WorkloadOptions& options);

}  // namespace compare
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_COMPARE_WORKLOADS_H
