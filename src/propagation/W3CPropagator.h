// W3C Trace Context (https://www.w3.org/TR/trace-context/) and W3C Baggage
// (https://www.w3.org/TR/baggage/):
//   traceparent: {version}-{trace-id}-{parent-id}-{trace-flags}   00-{32 hex}-{16 hex}-{2 hex}
//   tracestate:  other vendors' entries, passed on unchanged to the spans of the trace
//   baggage:     k1=v1,k2=v2                                        (values percent-encoded)
// The same in TextMap and HTTP headers: the baggage encoding is part of the format.
#ifndef JAEGERTRACING_SRC_PROPAGATION_W3CPROPAGATOR_H
#define JAEGERTRACING_SRC_PROPAGATION_W3CPROPAGATOR_H

#include <cstddef>

#include "propagation/Propagator.h"

namespace jaegertracing {
namespace propagation {

class W3CPropagator final : public TextMapPropagator {
 public:
  // The W3C's minimum that a vendor must pass on; a longer (combined) tracestate is dropped
  // whole rather than cut, since cutting may split an entry.
  static constexpr std::size_t kMaxTraceStateChars = 512;

  // traceparent carries only the sampled bit (0x01): Jaeger's debug flag has no W3C meaning and
  // stays out. An invalid context writes no traceparent and no tracestate; its baggage is still
  // written. Baggage keys that are not HTTP tokens cannot be written in this format and are
  // left out.
  void inject(const SpanContext& context, const opentracing::TextMapWriter& writer,
              bool httpHeaders) const override;
  // A context only with a valid traceparent: tracestate and baggage without one are ignored, so
  // that a request's lone W3C baggage does not hide a trace in a format listed after W3C.
  // Malformed: a traceparent that the W3C's rules reject, or two traceparent headers (the W3C
  // test suite expects a new trace then). Baggage items that break the W3C syntax are skipped;
  // properties after ';' are ignored.
  ExtractResult extract(const opentracing::TextMapReader& reader, bool httpHeaders) const override;
};

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PROPAGATION_W3CPROPAGATOR_H
