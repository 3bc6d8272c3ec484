#ifndef JAEGERTRACING_SRC_SAMPLERS_PROBABILISTICSAMPLER_H
#define JAEGERTRACING_SRC_SAMPLERS_PROBABILISTICSAMPLER_H

#include <jaegertracing/Constants.h>

#include <algorithm>
#include <cstdint>

#include "samplers/Sampler.h"

namespace jaegertracing {
namespace detail {

// Samples a trace when the low 63 bits of its random id fall under rate * 2^63, as Jaeger's
// other clients do, so every service given the same rate takes the same decision for an id.
class ProbabilisticSampler final : public Sampler {
 public:
  explicit ProbabilisticSampler(double samplingRate)
      : samplingRate_(std::clamp(samplingRate, 0.0, 1.0)),
        boundary_(boundaryFor(samplingRate_)),
        tags_{{kSamplerTypeTagKey, std::string(kSamplerTypeProbabilistic)},
              {kSamplerParamTagKey, samplingRate_}} {}

  SamplingDecision isSampled(const TraceID& traceID, std::string_view) override {
    return {samplingRate_ >= 1.0 || (traceID.low() & kMaxRandomNumber) < boundary_, &tags_};
  }

  double samplingRate() const { return samplingRate_; }

 private:
  static constexpr uint64_t kMaxRandomNumber = ~(uint64_t{1} << 63);

  static uint64_t boundaryFor(double rate) {
    return static_cast<uint64_t>(static_cast<double>(kMaxRandomNumber) * rate);
  }

  const double samplingRate_;
  const uint64_t boundary_;
  const std::vector<SpanTag> tags_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_PROBABILISTICSAMPLER_H
