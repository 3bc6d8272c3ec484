#ifndef JAEGERTRACING_SRC_SAMPLERS_CONSTSAMPLER_H
#define JAEGERTRACING_SRC_SAMPLERS_CONSTSAMPLER_H

#include <jaegertracing/Constants.h>

#include "samplers/Sampler.h"

namespace jaegertracing {
namespace detail {

// Samples every trace or none.
class ConstSampler final : public Sampler {
 public:
  explicit ConstSampler(bool decision)
      : decision_(decision),
        tags_{{kSamplerTypeTagKey, std::string(kSamplerTypeConst)},
              {kSamplerParamTagKey, decision}} {}

  SamplingDecision isSampled(const TraceID&, std::string_view) override {
    return {decision_, &tags_};
  }

 private:
  const bool decision_;
  const std::vector<SpanTag> tags_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_CONSTSAMPLER_H
