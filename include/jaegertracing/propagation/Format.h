// The header formats the tracer injects and extracts.
#ifndef JAEGERTRACING_PROPAGATION_FORMAT_H
#define JAEGERTRACING_PROPAGATION_FORMAT_H

namespace jaegertracing {
/// How span contexts travel between processes: the formats and the Jaeger header names.
namespace propagation {

/// A header format the tracer injects and extracts (`propagation_format`,
/// `JAEGER_PROPAGATION`).
enum class Format {
  JAEGER,  ///< `jaeger`: `uber-trace-id` and `uberctx-*` baggage (the default)
  W3C,     ///< `w3c`: W3C Trace Context `traceparent`/`tracestate`, and W3C `baggage`
  B3       ///< `b3`: Zipkin's `x-b3-*` headers; the single `b3` header is read too
};

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PROPAGATION_FORMAT_H
