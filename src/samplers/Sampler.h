#ifndef JAEGERTRACING_SRC_SAMPLERS_SAMPLER_H
#define JAEGERTRACING_SRC_SAMPLERS_SAMPLER_H

#include <jaegertracing/TraceID.h>

#include <string_view>
#include <vector>

#include "model/SpanData.h"

namespace jaegertracing {
namespace detail {

struct SamplingDecision {
  bool sampled = false;
  // The sampler.type and sampler.param tags of the sampler that decided; owned by the sampler,
  // valid until the calling thread's next isSampled (the remote sampler may replace the
  // strategy that decided): copy them at once.
  const std::vector<SpanTag>* tags = nullptr;
};

// Decides whether a new trace is sampled. Called on the application's thread for every root
// span, so implementations take no lock.
class Sampler {
 public:
  virtual ~Sampler() = default;
  virtual SamplingDecision isSampled(const TraceID& traceID, std::string_view operationName) = 0;
  virtual void close() {}
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_SAMPLER_H
