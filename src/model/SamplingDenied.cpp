#include "model/SamplingDenied.h"

#include <new>

namespace jaegertracing {
namespace detail {

std::unique_ptr<opentracing::SpanContext> SamplingDeniedContext::Clone() const noexcept {
  return std::unique_ptr<opentracing::SpanContext>(new (std::nothrow) SamplingDeniedContext());
}

}  // namespace detail
}  // namespace jaegertracing
