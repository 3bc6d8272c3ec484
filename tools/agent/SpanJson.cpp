#include "SpanJson.h"

#include "TraceTree.h"

namespace jaegertracing {
namespace testing {
namespace {

SpanJson tagValue(const jaegertracing::thrift::Tag& tag) {
  using jaegertracing::thrift::TagType;
  switch (tag.vType) {
    case TagType::DOUBLE:
      return tag.vDouble;
    case TagType::BOOL:
      return tag.vBool;
    case TagType::LONG:
      return tag.vLong;
    default:
      return tagValueText(tag);
  }
}

SpanJson tagsJson(const std::vector<jaegertracing::thrift::Tag>& tags) {
  SpanJson list = SpanJson::array();
  for (const auto& tag : tags) {
    list.push_back({{"key", tag.key}, {"value", tagValue(tag)}});
  }
  return list;
}

}  // namespace

SpanJson spanJson(const jaegertracing::thrift::Span& span, const std::string& serviceName) {
  SpanJson references = SpanJson::array();
  for (const auto& reference : span.references) {
    references.push_back(
        {{"refType", reference.refType == jaegertracing::thrift::SpanRefType::CHILD_OF
                         ? "CHILD_OF"
                         : "FOLLOWS_FROM"},
         {"traceId", traceIdHex(reference.traceIdHigh, reference.traceIdLow)},
         {"spanId", spanIdHex(reference.spanId)}});
  }
  SpanJson logs = SpanJson::array();
  for (const auto& log : span.logs) {
    logs.push_back({{"timestamp", log.timestamp}, {"fields", tagsJson(log.fields)}});
  }
  return {{"traceId", traceIdHex(span.traceIdHigh, span.traceIdLow)},
          {"spanId", spanIdHex(span.spanId)},
          {"parentSpanId", spanIdHex(span.parentSpanId)},
          {"operationName", span.operationName},
          {"serviceName", serviceName},
          {"flags", span.flags},
          {"startTime", span.startTime},
          {"duration", span.duration},
          {"references", references},
          {"tags", tagsJson(span.tags)},
          {"logs", logs}};
}

std::string spanJsonLine(const jaegertracing::thrift::Span& span, const std::string& serviceName) {
  return spanJson(span, serviceName).dump(-1, ' ', false, SpanJson::error_handler_t::replace);
}

}  // namespace testing
}  // namespace jaegertracing
