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
class RateLimitingSampler final : public Sampler {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimitingSampler(double maxTracesPerSecond)
      : maxTracesPerSecond_(std::max(0.0, maxTracesPerSecond)),
        intervalNanos_(maxTracesPerSecond_ > 0 ? static_cast<int64_t>(1e9 / maxTracesPerSecond_)
                                               : 0),
        burstNanos_(static_cast<int64_t>(std::max(maxTracesPerSecond_, 1.0) * intervalNanos_)),
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
