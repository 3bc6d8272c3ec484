#ifndef JAEGERTRACING_SRC_SENDERS_OTLPSPANMAPPING_H
#define JAEGERTRACING_SRC_SENDERS_OTLPSPANMAPPING_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/SpanData.h"
#include "model/SpanRecord.h"

namespace jaegertracing {
namespace detail {

// How a span of Jaeger's model becomes an OTLP span: the way the OpenTelemetry Collector's
// Jaeger translator converts it (Jaeger v2 receives Thrift through it and stores OTLP), so a
// span looks the same in Jaeger whether it came as Thrift or as OTLP. Both OTLP encoders
// (protobuf and JSON) take their decisions from here.
//
// - The span.kind tag becomes the span's kind and is not kept; without it the kind is
//   unspecified (0), not internal.
// - A boolean error=true tag becomes status ERROR and is not kept; the message is the
//   otel.status_description tag (then not kept either), else http.status_message (kept).
// - A log becomes an event at its timestamp, named by its "event" field; the other fields are
//   its attributes.
// - The parent is the record's parentID (the first CHILD_OF, else the first FOLLOWS_FROM);
//   every reference to another span is a link with opentracing.ref_type.
// - Ids: a 64-bit trace id is left-padded to 16 bytes; the sampled flag goes in flags; the
//   W3C tracestate of the span's context in trace_state.
// - Lists, maps and uint64 values above the int64 range arrive as strings in the record (JSON
//   text, decimal), as the Thrift path sends them: the same attributes in Jaeger either way.
namespace otlp {

enum SpanKind : int32_t {
  kUnspecified = 0,
  kInternal = 1,
  kServer = 2,
  kClient = 3,
  kProducer = 4,
  kConsumer = 5
};
enum StatusCode : int32_t { kStatusUnset = 0, kStatusOk = 1, kStatusError = 2 };

constexpr std::string_view kEventNameField = "event";
constexpr std::string_view kRefTypeAttribute = "opentracing.ref_type";

int32_t spanKindOf(std::string_view tagValue);

// What the tags of one span decide: kind and status, and which tags stay attributes.
struct SpanShape {
  int32_t kind = kUnspecified;
  bool error = false;
  bool messageFromDescription = false;  // the otel.status_description tag is the message
  std::string_view statusMessage;

  bool keepsTag(const FieldView& tag) const;
};
SpanShape shapeOf(const SpanRecord& span);

// Whether the reference is the parent, which is not a link as well.
inline bool isParentReference(const SpanRecord& span, uint64_t referencedSpanID) {
  return span.parentID != 0 && referencedSpanID == span.parentID;
}

// The resource's attributes: service.name, the tracer's process tags (hostname as host.name,
// jaeger.version as telemetry.sdk.version beside telemetry.sdk.name and .language).
std::vector<SpanTag> resourceAttributes(const std::string& serviceName,
                                        const std::vector<SpanTag>& processTags);

// A view of a process tag, for the encoders that write FieldViews.
FieldView fieldViewOf(const SpanTag& tag);

}  // namespace otlp
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_OTLPSPANMAPPING_H
