#ifndef JAEGERTRACING_SRC_SAMPLERS_GUARANTEEDTHROUGHPUTSAMPLER_H
#define JAEGERTRACING_SRC_SAMPLERS_GUARANTEEDTHROUGHPUTSAMPLER_H

#include <jaegertracing/Constants.h>

#include <algorithm>
#include <memory>
#include <utility>

#include "samplers/ProbabilisticSampler.h"
#include "samplers/RateLimitingSampler.h"
#include "samplers/Sampler.h"

namespace jaegertracing {
namespace detail {

// Jaeger's sampler for one operation under per-operation sampling: probabilistic at the
// operation's rate, OR'd with a rate limiter that lets lowerBound traces a second through
// however low the rate is. As in Jaeger's Go and Java clients, a trace the probabilistic part
// takes spends a credit of the lower bound too, so the lower bound adds traces only while the
// probabilistic part takes fewer than lowerBound a second. A trace only the lower bound takes is
// tagged sampler.type=lowerbound, sampler.param=lowerBound; the others carry the probabilistic
// sampler's tags. No lock: the limiter is one atomic.
class GuaranteedThroughputSampler final : public Sampler {
 public:
  GuaranteedThroughputSampler(double samplingRate, double lowerBound)
      : GuaranteedThroughputSampler(samplingRate,
                                    std::make_shared<RateLimitingSampler>(lowerBound)) {}

  // Continues with the lower bound's limiter (and the credits it has spent) of the sampler
  // this one replaces; the lower bound is the limiter's rate.
  GuaranteedThroughputSampler(double samplingRate,
                              std::shared_ptr<RateLimitingSampler> lowerBoundLimiter)
      : probabilistic_(samplingRate),
        lowerBound_(std::move(lowerBoundLimiter)),
        lowerBoundTags_{{kSamplerTypeTagKey, std::string(kSamplerTypeLowerBound)},
                        {kSamplerParamTagKey, lowerBound_->maxTracesPerSecond()}} {}

  SamplingDecision isSampled(const TraceID& traceID, std::string_view operationName) override {
    const SamplingDecision decision = probabilistic_.isSampled(traceID, operationName);
    const bool lowerBoundSampled = lowerBound_->takeCredit(RateLimitingSampler::nowNanos());
    if (decision.sampled) return decision;
    return {lowerBoundSampled, &lowerBoundTags_};
  }

  double samplingRate() const { return probabilistic_.samplingRate(); }
  double lowerBound() const { return lowerBound_->maxTracesPerSecond(); }
  const std::shared_ptr<RateLimitingSampler>& lowerBoundLimiter() const { return lowerBound_; }

 private:
  ProbabilisticSampler probabilistic_;
  const std::shared_ptr<RateLimitingSampler> lowerBound_;
  const std::vector<SpanTag> lowerBoundTags_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_GUARANTEEDTHROUGHPUTSAMPLER_H
