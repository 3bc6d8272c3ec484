// OTLP spans in Jaeger's model, so that jaeger-tail shows them as it shows Thrift: the reverse
// of the library's mapping (src/senders/OtlpSpanMapping.h), as Jaeger's query API does it.
// One Batch per ResourceSpans: service.name names the Process, the other resource attributes
// are its tags; the kind becomes a span.kind tag, status ERROR error=true (and its message
// otel.status_description), events logs (their name the "event" field), the parent a
// CHILD_OF reference and each link a reference of its opentracing.ref_type (child_of if none).
#ifndef JAEGERTRACING_TOOLS_TAIL_OTLPTOJAEGER_H
#define JAEGERTRACING_TOOLS_TAIL_OTLPTOJAEGER_H

#include <jaeger_types.h>

#include <vector>

#include "OtlpDecoding.h"

namespace jaegertracing {
namespace tail {

std::vector<jaegertracing::thrift::Batch> toJaegerBatches(const OtlpExportRequest& request);

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_OTLPTOJAEGER_H
