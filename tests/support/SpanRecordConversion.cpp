#include "support/SpanRecordConversion.h"

#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace detail {
namespace {

SpanTag toSpanTag(const FieldView& field) {
  SpanTag tag{std::string(field.key), TagValue()};
  switch (field.type) {
    case FieldView::Type::kString:
      tag.value = std::string(field.stringValue);
      break;
    case FieldView::Type::kDouble:
      tag.value = field.doubleValue;
      break;
    case FieldView::Type::kBool:
      tag.value = field.boolValue;
      break;
    case FieldView::Type::kLong:
      tag.value = field.longValue;
      break;
  }
  return tag;
}

}  // namespace

SpanData toSpanData(const SpanRecord& record) {
  SpanData data;
  data.traceID = record.traceID;
  data.spanID = record.spanID;
  data.parentID = record.parentID;
  data.flags = record.flags;
  data.operationName = std::string(record.operationName());
  data.startMicros = record.startMicros;
  data.durationMicros = record.durationMicros;
  record.forEachReference([&data](bool followsFrom, const TraceID& traceID, uint64_t spanID) {
    data.references.push_back(SpanReference{followsFrom, traceID, spanID});
  });
  record.forEachTag([&data](const FieldView& tag) { data.tags.push_back(toSpanTag(tag)); });
  record.forEachLog(
      [&data](int64_t timestampMicros, uint32_t) {
        data.logs.push_back(LogRecord{timestampMicros, {}});
      },
      [&data](const FieldView& field) { data.logs.back().fields.push_back(toSpanTag(field)); });
  return data;
}

std::unique_ptr<SpanRecord> toSpanRecord(const SpanData& data) {
  auto record = std::make_unique<SpanRecord>();
  record->traceID = data.traceID;
  record->spanID = data.spanID;
  record->parentID = data.parentID;
  record->flags = data.flags;
  record->setOperationName(data.operationName);
  record->startMicros = data.startMicros;
  record->durationMicros = data.durationMicros;
  for (const SpanReference& reference : data.references) {
    record->addReference(reference.followsFrom, reference.traceID, reference.spanID);
  }
  for (const SpanTag& tag : data.tags) record->addTag(tag.key, tag.value);
  for (const LogRecord& log : data.logs) {
    std::vector<std::pair<std::string_view, TagValue>> fields;
    for (const SpanTag& field : log.fields) fields.emplace_back(field.key, field.value);
    record->addLog(log.timestampMicros, fields);
  }
  return record;
}

}  // namespace detail
}  // namespace jaegertracing
