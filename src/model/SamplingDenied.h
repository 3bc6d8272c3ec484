// B3's "b3: 0" (or a lone "X-B3-Sampled: 0"): no trace, only the caller's decision not to
// sample. A span started from it begins a new trace that is not sampled, whatever the sampler
// would say, and B3 injects it back as the same decision. A type of its own rather than a
// member of the public SpanContext: only the B3 propagator makes one and only the tracer and
// the propagator ask.
#ifndef JAEGERTRACING_SRC_MODEL_SAMPLINGDENIED_H
#define JAEGERTRACING_SRC_MODEL_SAMPLINGDENIED_H

#include <jaegertracing/SpanContext.h>

#include <memory>

namespace jaegertracing {
namespace detail {

class SamplingDeniedContext final : public SpanContext {
 public:
  SamplingDeniedContext() = default;
  // A copy that is still a denial.
  std::unique_ptr<opentracing::SpanContext> Clone() const noexcept override;
};

// Asked only of contexts that are not valid: a dynamic_cast off the path of traced requests.
inline bool isSamplingDenied(const SpanContext& context) noexcept {
  return !context.isValid() && dynamic_cast<const SamplingDeniedContext*>(&context) != nullptr;
}

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_MODEL_SAMPLINGDENIED_H
