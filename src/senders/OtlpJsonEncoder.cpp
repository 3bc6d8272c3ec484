#include "senders/OtlpJsonEncoder.h"

#include <charconv>
#include <cmath>

#include "text/Hex.h"

namespace jaegertracing {
namespace detail {
namespace {

void appendEscaped(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += kLowerHexDigits[byte >> 4];
      out += kLowerHexDigits[byte & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

template <typename Number>
void appendNumber(std::string& out, Number value) {
  char digits[32];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

// A 64-bit integer as protobuf's JSON mapping writes it: a string.
template <typename Integer>
void appendQuoted(std::string& out, Integer value) {
  out += '"';
  appendNumber(out, value);
  out += '"';
}

void appendAttribute(std::string& out, const FieldView& attribute) {
  out += "{\"key\":";
  appendEscaped(out, attribute.key);
  out += ",\"value\":{";
  switch (attribute.type) {
    case FieldView::Type::kString:
      out += "\"stringValue\":";
      appendEscaped(out, attribute.stringValue);
      break;
    case FieldView::Type::kDouble:
      out += "\"doubleValue\":";
      if (std::isnan(attribute.doubleValue)) {
        out += "\"NaN\"";
      } else if (std::isinf(attribute.doubleValue)) {
        out += attribute.doubleValue > 0 ? "\"Infinity\"" : "\"-Infinity\"";
      } else {
        appendNumber(out, attribute.doubleValue);
      }
      break;
    case FieldView::Type::kBool:
      out += "\"boolValue\":";
      out += attribute.boolValue ? "true" : "false";
      break;
    case FieldView::Type::kLong:
      out += "\"intValue\":";
      appendQuoted(out, attribute.longValue);
      break;
  }
  out += "}}";
}

// ",": before every item of a list but the first.
void separate(std::string& out, bool& first) {
  if (!first) out += ',';
  first = false;
}

}  // namespace

OtlpJsonEncoder::OtlpJsonEncoder(const std::string& serviceName,
                                 const std::vector<SpanTag>& processTags) {
  prefix_ = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[";
  bool first = true;
  for (const SpanTag& attribute : otlp::resourceAttributes(serviceName, processTags)) {
    separate(prefix_, first);
    appendAttribute(prefix_, otlp::fieldViewOf(attribute));
  }
  prefix_ += "]},\"scopeSpans\":[{\"scope\":{},\"spans\":[";
  clear();
}

void OtlpJsonEncoder::clear() {
  body_.assign(prefix_);
  spanCount_ = 0;
}

size_t OtlpJsonEncoder::measureSpan(const SpanRecord& span) {
  const otlp::SpanShape shape = otlp::shapeOf(span);
  std::string& out = span_;
  out.assign(",{\"traceId\":\"");
  appendHex16(out, span.traceID.high());
  appendHex16(out, span.traceID.low());
  out += "\",\"spanId\":\"";
  appendHex16(out, span.spanID);
  out += '"';
  if (!span.traceState().empty()) {
    out += ",\"traceState\":";
    appendEscaped(out, span.traceState());
  }
  if (span.parentID != 0) {
    out += ",\"parentSpanId\":\"";
    appendHex16(out, span.parentID);
    out += '"';
  }
  if ((span.flags & 1) != 0) out += ",\"flags\":1";
  out += ",\"name\":";
  appendEscaped(out, span.operationName());
  out += ",\"kind\":";
  appendNumber(out, shape.kind);
  const uint64_t startNanos = static_cast<uint64_t>(span.startMicros) * 1000;
  out += ",\"startTimeUnixNano\":";
  appendQuoted(out, startNanos);
  out += ",\"endTimeUnixNano\":";
  appendQuoted(out, startNanos + static_cast<uint64_t>(span.durationMicros) * 1000);

  out += ",\"attributes\":[";
  bool first = true;
  span.forEachTag([&](const FieldView& tag) {
    if (!shape.keepsTag(tag)) return;
    separate(out, first);
    appendAttribute(out, tag);
  });
  out += ']';

  if (span.logCount() > 0) {
    out += ",\"events\":[";
    bool firstEvent = true;
    bool firstField = true;
    bool open = false;
    std::string_view name;
    const auto closeEvent = [&] {
      if (!open) return;
      out += "],\"name\":";
      appendEscaped(out, name);
      out += '}';
    };
    span.forEachLog(
        [&](int64_t timestampMicros, uint32_t) {
          closeEvent();
          separate(out, firstEvent);
          out += "{\"timeUnixNano\":";
          appendQuoted(out, static_cast<uint64_t>(timestampMicros) * 1000);
          out += ",\"attributes\":[";
          firstField = true;
          open = true;
          name = {};
        },
        [&](const FieldView& field) {
          if (field.key == otlp::kEventNameField) {
            if (field.type == FieldView::Type::kString) name = field.stringValue;
            return;
          }
          separate(out, firstField);
          appendAttribute(out, field);
        });
    closeEvent();
    out += ']';
  }

  bool firstLink = true;
  span.forEachReference([&](bool followsFrom, const TraceID& traceID, uint64_t spanID) {
    if (otlp::isParentReference(span, spanID)) return;
    out += firstLink ? ",\"links\":[" : ",";
    firstLink = false;
    out += "{\"traceId\":\"";
    appendHex16(out, traceID.high());
    appendHex16(out, traceID.low());
    out += "\",\"spanId\":\"";
    appendHex16(out, spanID);
    out += "\",\"attributes\":[{\"key\":\"";
    out += otlp::kRefTypeAttribute;
    out += followsFrom ? "\",\"value\":{\"stringValue\":\"follows_from\"}}]}"
                       : "\",\"value\":{\"stringValue\":\"child_of\"}}]}";
  });
  if (!firstLink) out += ']';

  if (shape.error) {
    out += ",\"status\":{\"code\":2";
    if (!shape.statusMessage.empty()) {
      out += ",\"message\":";
      appendEscaped(out, shape.statusMessage);
    }
    out += '}';
  }
  out += '}';
  return out.size();
}

void OtlpJsonEncoder::appendMeasuredSpan(const SpanRecord&) {
  // The first span of the list has no comma before it.
  if (spanCount_ == 0) {
    body_.append(span_, 1, std::string::npos);
  } else {
    body_ += span_;
  }
  ++spanCount_;
}

std::string_view OtlpJsonEncoder::finish() {
  body_ += kSuffix;
  return body_;
}

}  // namespace detail
}  // namespace jaegertracing
