#ifndef JAEGERTRACING_SRC_SAMPLERS_THREADTAGCOPIES_H
#define JAEGERTRACING_SRC_SAMPLERS_THREADTAGCOPIES_H

#include <cstdint>
#include <vector>

#include "model/SpanData.h"

namespace jaegertracing {
namespace detail {

// A copy of the sampler tags `source` of the remote sampler's strategy `strategyId`, kept by
// the calling thread: the strategy that decided may be freed as soon as the decision returns.
// Copying the tags for every sampled root span would cost more than the decision (three short
// strings and a TLS lookup), and they rarely change: a copy is reused while the strategy and
// the sampler that decided are the same. Valid until the thread's next call; freed when the
// thread ends.
const std::vector<SpanTag>* threadTagCopy(uint64_t strategyId, const std::vector<SpanTag>* source);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_THREADTAGCOPIES_H
