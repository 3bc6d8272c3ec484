#include "OtlpToJaeger.h"

#include <string>

namespace jaegertracing {
namespace tail {
namespace {

namespace wire = jaegertracing::thrift;
namespace otlp = opentelemetry::proto;

// The big-endian id's low 8 bytes from `offset`; shorter ids are left-padded.
int64_t idPart(const std::string& id, size_t offset) {
  uint64_t value = 0;
  for (size_t i = offset; i < offset + 8 && i < id.size(); ++i) {
    value = value << 8 | static_cast<uint8_t>(id[i]);
  }
  return static_cast<int64_t>(value);
}
int64_t traceIdHigh(const std::string& id) { return id.size() == 16 ? idPart(id, 0) : 0; }
int64_t traceIdLow(const std::string& id) {
  return id.size() == 16 ? idPart(id, 8) : idPart(id, 0);
}

wire::Tag stringTag(const std::string& key, const std::string& value) {
  wire::Tag tag;
  tag.__set_key(key);
  tag.__set_vType(wire::TagType::STRING);
  tag.__set_vStr(value);
  return tag;
}

// Lists, maps and bytes become their protobuf text: jaeger-tail only shows them.
wire::Tag toTag(const otlp::common::v1::KeyValue& attribute) {
  const auto& value = attribute.value();
  wire::Tag tag;
  tag.__set_key(attribute.key());
  switch (value.value_case()) {
    case otlp::common::v1::AnyValue::kStringValue:
      return stringTag(attribute.key(), value.string_value());
    case otlp::common::v1::AnyValue::kBoolValue:
      tag.__set_vType(wire::TagType::BOOL);
      tag.__set_vBool(value.bool_value());
      return tag;
    case otlp::common::v1::AnyValue::kIntValue:
      tag.__set_vType(wire::TagType::LONG);
      tag.__set_vLong(value.int_value());
      return tag;
    case otlp::common::v1::AnyValue::kDoubleValue:
      tag.__set_vType(wire::TagType::DOUBLE);
      tag.__set_vDouble(value.double_value());
      return tag;
    default:
      return stringTag(attribute.key(), value.ShortDebugString());
  }
}

const char* kindName(int kind) {
  switch (kind) {
    case otlp::trace::v1::Span::SPAN_KIND_INTERNAL:
      return "internal";
    case otlp::trace::v1::Span::SPAN_KIND_SERVER:
      return "server";
    case otlp::trace::v1::Span::SPAN_KIND_CLIENT:
      return "client";
    case otlp::trace::v1::Span::SPAN_KIND_PRODUCER:
      return "producer";
    case otlp::trace::v1::Span::SPAN_KIND_CONSUMER:
      return "consumer";
    default:
      return nullptr;
  }
}

wire::SpanRef reference(wire::SpanRefType::type type, const std::string& traceId,
                        const std::string& spanId) {
  wire::SpanRef ref;
  ref.__set_refType(type);
  ref.__set_traceIdHigh(traceIdHigh(traceId));
  ref.__set_traceIdLow(traceIdLow(traceId));
  ref.__set_spanId(idPart(spanId, 0));
  return ref;
}

wire::Span toSpan(const otlp::trace::v1::Span& span) {
  wire::Span out;
  out.__set_traceIdHigh(traceIdHigh(span.trace_id()));
  out.__set_traceIdLow(traceIdLow(span.trace_id()));
  out.__set_spanId(idPart(span.span_id(), 0));
  out.__set_parentSpanId(idPart(span.parent_span_id(), 0));
  out.__set_operationName(span.name());
  out.__set_flags(static_cast<int32_t>(span.flags() & 0xff));
  out.__set_startTime(static_cast<int64_t>(span.start_time_unix_nano() / 1000));
  out.__set_duration(
      static_cast<int64_t>((span.end_time_unix_nano() - span.start_time_unix_nano()) / 1000));

  std::vector<wire::Tag> tags;
  for (const auto& attribute : span.attributes()) tags.push_back(toTag(attribute));
  if (const char* kind = kindName(span.kind())) tags.push_back(stringTag("span.kind", kind));
  if (span.status().code() == otlp::trace::v1::Status::STATUS_CODE_ERROR) {
    wire::Tag error;
    error.__set_key("error");
    error.__set_vType(wire::TagType::BOOL);
    error.__set_vBool(true);
    tags.push_back(error);
    if (!span.status().message().empty()) {
      tags.push_back(stringTag("otel.status_description", span.status().message()));
    }
  }
  if (!tags.empty()) out.__set_tags(tags);

  std::vector<wire::Log> logs;
  for (const auto& event : span.events()) {
    wire::Log log;
    log.__set_timestamp(static_cast<int64_t>(event.time_unix_nano() / 1000));
    std::vector<wire::Tag> fields;
    if (!event.name().empty()) fields.push_back(stringTag("event", event.name()));
    for (const auto& attribute : event.attributes()) fields.push_back(toTag(attribute));
    log.__set_fields(fields);
    logs.push_back(log);
  }
  if (!logs.empty()) out.__set_logs(logs);

  std::vector<wire::SpanRef> references;
  if (!span.parent_span_id().empty()) {
    references.push_back(
        reference(wire::SpanRefType::CHILD_OF, span.trace_id(), span.parent_span_id()));
  }
  for (const auto& link : span.links()) {
    auto type = wire::SpanRefType::CHILD_OF;
    for (const auto& attribute : link.attributes()) {
      if (attribute.key() == "opentracing.ref_type" &&
          attribute.value().string_value() == "follows_from") {
        type = wire::SpanRefType::FOLLOWS_FROM;
      }
    }
    references.push_back(reference(type, link.trace_id(), link.span_id()));
  }
  if (!references.empty()) out.__set_references(references);
  return out;
}

}  // namespace

std::vector<wire::Batch> toJaegerBatches(const OtlpExportRequest& request) {
  std::vector<wire::Batch> batches;
  for (const auto& resourceSpans : request.resource_spans()) {
    wire::Process process;
    std::vector<wire::Tag> processTags;
    std::string serviceName;
    for (const auto& attribute : resourceSpans.resource().attributes()) {
      if (attribute.key() == "service.name") {
        serviceName = attribute.value().string_value();
      } else {
        processTags.push_back(toTag(attribute));
      }
    }
    process.__set_serviceName(serviceName.empty() ? "unknown_service" : serviceName);
    process.__set_tags(processTags);
    std::vector<wire::Span> spans;
    for (const auto& scopeSpans : resourceSpans.scope_spans()) {
      for (const auto& span : scopeSpans.spans()) spans.push_back(toSpan(span));
    }
    wire::Batch batch;
    batch.__set_process(process);
    batch.__set_spans(spans);
    batches.push_back(std::move(batch));
  }
  return batches;
}

}  // namespace tail
}  // namespace jaegertracing
