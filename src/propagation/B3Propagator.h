// Zipkin's B3 (https://github.com/openzipkin/b3-propagation), in its two encodings:
//   multiple headers: x-b3-traceid (16 or 32 hex), x-b3-spanid (16), x-b3-parentspanid (16),
//                     x-b3-sampled: 1|0, x-b3-flags: 1 (debug, which implies sampled)
//   single header:    b3: {trace id}-{span id}[-{1|0|d}[-{parent span id}]], or b3: 0 (deny)
// Inject writes the encoding chosen at construction; extract reads both, and the single header
// wins when a request has both (as in Zipkin's Brave). B3 has no baggage: a context's baggage
// travels only in the other formats configured beside it.
//
// Inject writes lower-case names, as Envoy does: HTTP/1.1 compares header names without case,
// so Zipkin's X-B3-TraceId reads them, while HTTP/2 and gRPC metadata accept only lower case
// (a TextMap carrier that copies into grpc::ClientContext::AddMetadata would fail on
// X-B3-TraceId).
#ifndef JAEGERTRACING_SRC_PROPAGATION_B3PROPAGATOR_H
#define JAEGERTRACING_SRC_PROPAGATION_B3PROPAGATOR_H

#include "propagation/Propagator.h"

namespace jaegertracing {
namespace propagation {

class B3Propagator final : public TextMapPropagator {
 public:
  enum class Encoding { kMultipleHeaders, kSingleHeader };

  explicit B3Propagator(Encoding injectEncoding = Encoding::kMultipleHeaders)
      : injectEncoding_(injectEncoding) {}

  // Debug writes x-b3-flags: 1 (or "d") without x-b3-sampled, as B3 asks. An invalid context
  // writes nothing, except a detail::SamplingDeniedContext, which writes the deny
  // (x-b3-sampled: 0 or b3: 0) that it came from.
  void inject(const SpanContext& context, const opentracing::TextMapWriter& writer,
              bool httpHeaders) const override;
  // Hex digits of either case, as Jaeger's own B3 extractor (Go) accepts. Malformed: ids of the
  // wrong length, not hex, or zero; a trace id without a span id or the other way round; a
  // sampled value other than 1, 0, true, false (single header: 1, 0, d). A deny without ids
  // gives a detail::SamplingDeniedContext; an accept or debug decision without ids gives no
  // context (the sampler decides). Ids without a sampling decision continue the trace
  // unsampled, as Jaeger's Go client does. An x-b3-flags value other than 1 is ignored, as B3
  // allows.
  ExtractResult extract(const opentracing::TextMapReader& reader, bool httpHeaders) const override;

 private:
  Encoding injectEncoding_;
};

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PROPAGATION_B3PROPAGATOR_H
