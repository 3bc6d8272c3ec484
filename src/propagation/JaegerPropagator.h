// The Jaeger text format, compatible with Jaeger's Go client (the reference) and
// jaeger-client-cpp:
//   uber-trace-id: {trace-id}:{span-id}:{parent-span-id}:{flags}   (hex)
//   uberctx-{key}: {value}                                          (one header per baggage item)
// and, on extract only, jaeger-debug-id: {id} and jaeger-baggage: k1=v1, k2=v2. The names come
// from HeadersConfig.
#ifndef JAEGERTRACING_SRC_PROPAGATION_JAEGERPROPAGATOR_H
#define JAEGERTRACING_SRC_PROPAGATION_JAEGERPROPAGATOR_H

#include <jaegertracing/propagation/HeadersConfig.h>

#include <string>

#include "propagation/Propagator.h"

namespace jaegertracing {
namespace propagation {

class JaegerPropagator final : public TextMapPropagator {
 public:
  explicit JaegerPropagator(const HeadersConfig& headers);

  // An invalid context (zero trace or span id) writes no uber-trace-id, which every Jaeger
  // client would reject as malformed together with the baggage; its baggage is still written.
  void inject(const SpanContext& context, const opentracing::TextMapWriter& writer,
              bool httpHeaders) const override;
  ExtractResult extract(const opentracing::TextMapReader& reader, bool httpHeaders) const override;

 private:
  class Extraction;

  // As configured, for inject.
  std::string traceContextHeader_;
  std::string baggagePrefix_;
  // Lower-case, for extract: Jaeger's Go client lower-cases each header key before comparing.
  std::string traceContextHeaderLower_;
  std::string baggagePrefixLower_;
  std::string debugHeaderLower_;
  std::string baggageHeaderLower_;
};

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PROPAGATION_JAEGERPROPAGATOR_H
