// The peak-RSS benchmark measures a fresh process, so that no other benchmark's memory counts:
// the benchmark binary runs itself again with kPeakRssChildArgument, and main() hands that run
// to runPeakRssChild().
#ifndef JAEGERTRACING_BENCH_PEAKRSS_H
#define JAEGERTRACING_BENCH_PEAKRSS_H

namespace jaegertracing {
namespace bench {

inline constexpr const char* kPeakRssChildArgument = "--peak-rss-child";

// Finishes 1,000,000 sampled spans through Tracer::make's reporter to a UDP port on 127.0.0.1,
// closes the tracer and prints on stdout: the resident set in KiB before the first span (VmRSS)
// and at its peak (VmHWM), spans reported and dropped. Returns the exit code.
int runPeakRssChild();

}  // namespace bench
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_PEAKRSS_H
