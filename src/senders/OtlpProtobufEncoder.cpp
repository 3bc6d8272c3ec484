#include "senders/OtlpProtobufEncoder.h"

#include <google/protobuf/io/coded_stream.h>

#include <algorithm>
#include <cstring>

namespace jaegertracing {
namespace detail {
namespace {

using google::protobuf::io::CodedOutputStream;

// OTLP's field numbers, as idl/otlp/*.proto states them (the tests decode with those).
namespace field {
constexpr int kRequestResourceSpans = 1;   // ExportTraceServiceRequest
constexpr int kResourceSpansResource = 1;  // ResourceSpans
constexpr int kResourceSpansScopeSpans = 2;
constexpr int kResourceAttributes = 1;  // Resource
constexpr int kScopeSpansScope = 1;     // ScopeSpans
constexpr int kScopeSpansSpans = 2;
constexpr int kSpanTraceId = 1;  // Span
constexpr int kSpanSpanId = 2;
constexpr int kSpanTraceState = 3;
constexpr int kSpanParentSpanId = 4;
constexpr int kSpanName = 5;
constexpr int kSpanKind = 6;
constexpr int kSpanStartTime = 7;
constexpr int kSpanEndTime = 8;
constexpr int kSpanAttributes = 9;
constexpr int kSpanEvents = 11;
constexpr int kSpanLinks = 13;
constexpr int kSpanStatus = 15;
constexpr int kSpanFlags = 16;
constexpr int kEventTime = 1;  // Span.Event
constexpr int kEventName = 2;
constexpr int kEventAttributes = 3;
constexpr int kLinkTraceId = 1;  // Span.Link
constexpr int kLinkSpanId = 2;
constexpr int kLinkAttributes = 4;
constexpr int kStatusMessage = 2;  // Status
constexpr int kStatusCode = 3;
constexpr int kKeyValueKey = 1;  // KeyValue
constexpr int kKeyValueValue = 2;
constexpr int kAnyString = 1;  // AnyValue
constexpr int kAnyBool = 2;
constexpr int kAnyInt = 3;
constexpr int kAnyDouble = 4;
}  // namespace field

enum WireType : uint32_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

constexpr uint32_t tagOf(int number, WireType type) {
  return (static_cast<uint32_t>(number) << 3) | type;
}

size_t varintBytes(uint64_t value) { return CodedOutputStream::VarintSize64(value); }

// A length-delimited field with a one-byte tag (field numbers below 16) and `bytes` of content.
size_t delimitedBytes(size_t bytes) { return 1 + varintBytes(bytes) + bytes; }

size_t anyValueBytes(const FieldView& value) {
  switch (value.type) {
    case FieldView::Type::kString:
      return delimitedBytes(value.stringValue.size());
    case FieldView::Type::kDouble:
      return 1 + 8;
    case FieldView::Type::kBool:
      return 1 + 1;
    case FieldView::Type::kLong:
      return 1 + varintBytes(static_cast<uint64_t>(value.longValue));
  }
  return 0;
}

size_t keyValueBytes(const FieldView& attribute) {
  return delimitedBytes(attribute.key.size()) + delimitedBytes(anyValueBytes(attribute));
}

size_t refTypeAttributeBytes(bool followsFrom) {
  FieldView attribute;
  attribute.key = otlp::kRefTypeAttribute;
  attribute.stringValue = followsFrom ? "follows_from" : "child_of";
  return keyValueBytes(attribute);
}

constexpr size_t kTraceIdFieldBytes = 1 + 1 + 16;
constexpr size_t kSpanIdFieldBytes = 1 + 1 + 8;
constexpr size_t kFixed64FieldBytes = 1 + 8;
constexpr size_t kEmptyScopeBytes = 2;

size_t linkBytes(bool followsFrom) {
  return kTraceIdFieldBytes + kSpanIdFieldBytes +
         delimitedBytes(refTypeAttributeBytes(followsFrom));
}

size_t statusBytes(const otlp::SpanShape& shape) {
  return (shape.statusMessage.empty() ? 0 : delimitedBytes(shape.statusMessage.size())) + 2;
}

// Writes at a position the caller has reserved enough room for.
class Cursor {
 public:
  explicit Cursor(uint8_t* at) : at_(at) {}
  uint8_t* position() const { return at_; }

  void tag(int number, WireType type) {
    at_ = CodedOutputStream::WriteTagToArray(tagOf(number, type), at_);
  }
  void varint(uint64_t value) { at_ = CodedOutputStream::WriteVarint64ToArray(value, at_); }
  void fixed64(uint64_t value) { at_ = CodedOutputStream::WriteLittleEndian64ToArray(value, at_); }
  void fixed32(uint32_t value) { at_ = CodedOutputStream::WriteLittleEndian32ToArray(value, at_); }
  void raw(const void* data, size_t bytes) {
    std::memcpy(at_, data, bytes);
    at_ += bytes;
  }
  void beginMessage(int number, size_t bytes) {
    tag(number, kLengthDelimited);
    at_ = CodedOutputStream::WriteVarint32ToArray(static_cast<uint32_t>(bytes), at_);
  }
  void text(int number, std::string_view value) {
    beginMessage(number, value.size());
    raw(value.data(), value.size());
  }
  // A 64-bit id, big-endian, as OTLP's bytes ids are.
  void id64(uint64_t id) {
    for (int shift = 56; shift >= 0; shift -= 8) *at_++ = static_cast<uint8_t>(id >> shift);
  }
  void traceId(int number, const TraceID& id) {
    beginMessage(number, 16);
    id64(id.high());
    id64(id.low());
  }
  void spanId(int number, uint64_t id) {
    beginMessage(number, 8);
    id64(id);
  }

  void keyValue(int number, const FieldView& attribute) {
    beginMessage(number, keyValueBytes(attribute));
    text(field::kKeyValueKey, attribute.key);
    beginMessage(field::kKeyValueValue, anyValueBytes(attribute));
    switch (attribute.type) {
      case FieldView::Type::kString:
        text(field::kAnyString, attribute.stringValue);
        break;
      case FieldView::Type::kDouble: {
        uint64_t bits;
        std::memcpy(&bits, &attribute.doubleValue, sizeof bits);
        tag(field::kAnyDouble, kFixed64);
        fixed64(bits);
        break;
      }
      case FieldView::Type::kBool:
        tag(field::kAnyBool, kVarint);
        varint(attribute.boolValue ? 1 : 0);
        break;
      case FieldView::Type::kLong:
        tag(field::kAnyInt, kVarint);
        varint(static_cast<uint64_t>(attribute.longValue));
        break;
    }
  }

 private:
  uint8_t* at_;
};

bool isEventName(const FieldView& field) { return field.key == otlp::kEventNameField; }

// A non-empty string "event" field names the event; any "event" field is no attribute.
size_t eventFieldBytes(const FieldView& field) {
  if (!isEventName(field)) return delimitedBytes(keyValueBytes(field));
  if (field.type == FieldView::Type::kString && !field.stringValue.empty()) {
    return delimitedBytes(field.stringValue.size());
  }
  return 0;
}

}  // namespace

OtlpProtobufEncoder::OtlpProtobufEncoder(const std::string& serviceName,
                                         const std::vector<SpanTag>& processTags) {
  const std::vector<SpanTag> attributes = otlp::resourceAttributes(serviceName, processTags);
  size_t resourceBytes = 0;
  for (const SpanTag& attribute : attributes) {
    resourceBytes += delimitedBytes(keyValueBytes(otlp::fieldViewOf(attribute)));
  }
  resourceField_.resize(delimitedBytes(resourceBytes));
  Cursor out(reinterpret_cast<uint8_t*>(resourceField_.data()));
  out.beginMessage(field::kResourceSpansResource, resourceBytes);
  for (const SpanTag& attribute : attributes) {
    out.keyValue(field::kResourceAttributes, otlp::fieldViewOf(attribute));
  }
  // The request's field and ResourceSpans' length, the resource, the scope_spans field and its
  // length, the empty scope: lengths take at most 5 bytes.
  prefixRoom_ = 1 + 5 + resourceField_.size() + 1 + 5 + kEmptyScopeBytes;
  body_.resize(std::max<size_t>(prefixRoom_, 64 * 1024));
  clear();
}

void OtlpProtobufEncoder::clear() {
  used_ = prefixRoom_;
  spanCount_ = 0;
}

uint8_t* OtlpProtobufEncoder::reserve(size_t bytes) {
  if (used_ + bytes > body_.size()) body_.resize(std::max(body_.size() * 2, used_ + bytes));
  uint8_t* at = reinterpret_cast<uint8_t*>(body_.data()) + used_;
  used_ += bytes;
  return at;
}

size_t OtlpProtobufEncoder::measureSpan(const SpanRecord& span) {
  shape_ = otlp::shapeOf(span);
  size_t bytes = kTraceIdFieldBytes + kSpanIdFieldBytes;
  if (!span.traceState().empty()) bytes += delimitedBytes(span.traceState().size());
  if (span.parentID != 0) bytes += kSpanIdFieldBytes;
  if (!span.operationName().empty()) bytes += delimitedBytes(span.operationName().size());
  if (shape_.kind != otlp::kUnspecified) bytes += 2;
  bytes += 2 * kFixed64FieldBytes;
  span.forEachTag([&](const FieldView& tag) {
    if (shape_.keepsTag(tag)) bytes += delimitedBytes(keyValueBytes(tag));
  });
  eventBytes_.clear();
  span.forEachLog([&](int64_t, uint32_t) { eventBytes_.push_back(kFixed64FieldBytes); },
                  [&](const FieldView& field) {
                    eventBytes_.back() += static_cast<uint32_t>(eventFieldBytes(field));
                  });
  for (const uint32_t event : eventBytes_) bytes += delimitedBytes(event);
  span.forEachReference([&](bool followsFrom, const TraceID&, uint64_t spanID) {
    if (!otlp::isParentReference(span, spanID)) bytes += delimitedBytes(linkBytes(followsFrom));
  });
  if (shape_.error) bytes += delimitedBytes(statusBytes(shape_));
  if ((span.flags & 1) != 0) bytes += 2 + 4;  // field 16 takes a two-byte tag
  spanBytes_ = static_cast<uint32_t>(bytes);
  return delimitedBytes(bytes);
}

void OtlpProtobufEncoder::appendMeasuredSpan(const SpanRecord& span) {
  Cursor out(reserve(delimitedBytes(spanBytes_)));
  out.beginMessage(field::kScopeSpansSpans, spanBytes_);
  out.traceId(field::kSpanTraceId, span.traceID);
  out.spanId(field::kSpanSpanId, span.spanID);
  if (!span.traceState().empty()) out.text(field::kSpanTraceState, span.traceState());
  if (span.parentID != 0) out.spanId(field::kSpanParentSpanId, span.parentID);
  if (!span.operationName().empty()) out.text(field::kSpanName, span.operationName());
  if (shape_.kind != otlp::kUnspecified) {
    out.tag(field::kSpanKind, kVarint);
    out.varint(static_cast<uint64_t>(shape_.kind));
  }
  const uint64_t startNanos = static_cast<uint64_t>(span.startMicros) * 1000;
  out.tag(field::kSpanStartTime, kFixed64);
  out.fixed64(startNanos);
  out.tag(field::kSpanEndTime, kFixed64);
  out.fixed64(startNanos + static_cast<uint64_t>(span.durationMicros) * 1000);
  span.forEachTag([&](const FieldView& tag) {
    if (shape_.keepsTag(tag)) out.keyValue(field::kSpanAttributes, tag);
  });
  size_t event = 0;
  span.forEachLog(
      [&](int64_t timestampMicros, uint32_t) {
        out.beginMessage(field::kSpanEvents, eventBytes_[event++]);
        out.tag(field::kEventTime, kFixed64);
        out.fixed64(static_cast<uint64_t>(timestampMicros) * 1000);
      },
      [&](const FieldView& field) {
        if (!isEventName(field)) {
          out.keyValue(field::kEventAttributes, field);
        } else if (field.type == FieldView::Type::kString && !field.stringValue.empty()) {
          out.text(field::kEventName, field.stringValue);
        }
      });
  span.forEachReference([&](bool followsFrom, const TraceID& traceID, uint64_t spanID) {
    if (otlp::isParentReference(span, spanID)) return;
    out.beginMessage(field::kSpanLinks, linkBytes(followsFrom));
    out.traceId(field::kLinkTraceId, traceID);
    out.spanId(field::kLinkSpanId, spanID);
    FieldView refType;
    refType.key = otlp::kRefTypeAttribute;
    refType.stringValue = followsFrom ? "follows_from" : "child_of";
    out.keyValue(field::kLinkAttributes, refType);
  });
  if (shape_.error) {
    out.beginMessage(field::kSpanStatus, statusBytes(shape_));
    if (!shape_.statusMessage.empty()) out.text(field::kStatusMessage, shape_.statusMessage);
    out.tag(field::kStatusCode, kVarint);
    out.varint(otlp::kStatusError);
  }
  if ((span.flags & 1) != 0) {
    out.tag(field::kSpanFlags, kFixed32);
    out.fixed32(1);  // W3C's sampled bit
  }
  ++spanCount_;
}

std::string_view OtlpProtobufEncoder::finish() {
  // An empty scope: its name would add otel.scope.name to every span in Jaeger.
  const size_t scopeSpansBytes = kEmptyScopeBytes + used_ - prefixRoom_;
  const size_t resourceSpansBytes = resourceField_.size() + delimitedBytes(scopeSpansBytes);
  const size_t prefixBytes = 1 + varintBytes(resourceSpansBytes) + resourceField_.size() + 1 +
                             varintBytes(scopeSpansBytes) + kEmptyScopeBytes;
  uint8_t* start = reinterpret_cast<uint8_t*>(body_.data()) + prefixRoom_ - prefixBytes;
  Cursor out(start);
  out.beginMessage(field::kRequestResourceSpans, resourceSpansBytes);
  out.raw(resourceField_.data(), resourceField_.size());
  out.beginMessage(field::kResourceSpansScopeSpans, scopeSpansBytes);
  out.beginMessage(field::kScopeSpansScope, 0);
  return std::string_view(reinterpret_cast<const char*>(start),
                          used_ - (prefixRoom_ - prefixBytes));
}

}  // namespace detail
}  // namespace jaegertracing
