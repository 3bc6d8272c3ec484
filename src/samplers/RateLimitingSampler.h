#ifndef JAEGERTRACING_SRC_SAMPLERS_RATELIMITINGSAMPLER_H
#define JAEGERTRACING_SRC_SAMPLERS_RATELIMITINGSAMPLER_H

#include <jaegertracing/Constants.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>

#include "samplers/Sampler.h"

namespace jaegertracing {
namespace detail {

// Samples at most maxTracesPerSecond traces a second, with a burst of max(rate, 1) traces, as
// a token bucket. The bucket is kept as one atomic "theoretical arrival time" (GCRA), so the
// application's threads share one compare-and-swap and never a lock.
//
// Defined for every double: 0, a negative rate or NaN samples nothing; a rate is otherwise
// clamped to [kMinTracesPerSecond, kMaxTracesPerSecond], which keeps the interval between
// traces within [1 ns, 1e18 ns] and every sum of times below within int64_t.
class RateLimitingSampler final : public Sampler {
 public:
  using Clock = std::chrono::steady_clock;

  // One trace in about 31.7 years: below it, 1e9 / rate no longer fits the interval.
  static constexpr double kMinTracesPerSecond = 1e-9;
  // One trace a nanosecond, the clock's resolution: above it the interval would round to 0.
  static constexpr double kMaxTracesPerSecond = 1e9;

  // The rate the sampler applies for `requested`: 0 (sample nothing) or within the bounds.
  static double effectiveRate(double requested) {
    if (!(requested > 0)) return 0;  // also NaN
    return std::clamp(requested, kMinTracesPerSecond, kMaxTracesPerSecond);
  }

  explicit RateLimitingSampler(double maxTracesPerSecond)
      : maxTracesPerSecond_(effectiveRate(maxTracesPerSecond)),
        intervalNanos_(maxTracesPerSecond_ > 0 ? static_cast<int64_t>(1e9 / maxTracesPerSecond_)
                                               : 0),
        burstNanos_(static_cast<int64_t>(std::max(maxTracesPerSecond_, 1.0) *
                                         static_cast<double>(intervalNanos_))),
        tags_{{kSamplerTypeTagKey, std::string(kSamplerTypeRateLimiting)},
              {kSamplerParamTagKey, maxTracesPerSecond_}} {}

  SamplingDecision isSampled(const TraceID&, std::string_view) override {
    return {takeCredit(nowNanos()), &tags_};
  }

  // Exposed for tests, which drive time themselves.
  bool takeCredit(int64_t now) {
    if (intervalNanos_ == 0) return false;
    int64_t arrival = theoreticalArrival_.load(std::memory_order_relaxed);
    for (;;) {
      const int64_t start = std::max(arrival, now - burstNanos_);
      if (start + intervalNanos_ > now) return false;
      if (theoreticalArrival_.compare_exchange_weak(arrival, start + intervalNanos_,
                                                    std::memory_order_relaxed)) {
        return true;
      }
    }
  }

  static int64_t nowNanos() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
  }

  double maxTracesPerSecond() const { return maxTracesPerSecond_; }

 private:
  const double maxTracesPerSecond_;
  const int64_t intervalNanos_;
  const int64_t burstNanos_;
  // Starts far in the past: a new sampler has its whole burst available.
  std::atomic<int64_t> theoreticalArrival_{INT64_MIN / 2};
  const std::vector<SpanTag> tags_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_RATELIMITINGSAMPLER_H
