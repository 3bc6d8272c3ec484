#ifndef JAEGERTRACING_SRC_SENDERS_THRIFTSPANWRITER_H
#define JAEGERTRACING_SRC_SENDERS_THRIFTSPANWRITER_H

#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TCompactProtocol.h>
#include <thrift/protocol/TProtocol.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "model/SpanData.h"
#include "model/SpanRecord.h"
#include "senders/EncodeBuffer.h"

namespace jaegertracing {
namespace detail {

// Writes Jaeger's Thrift structs (idl/jaeger.thrift) straight from our span data through a
// Thrift protocol (compact for the agent, binary for the collector), with the field ids and
// types of the IDL. The generated types decode what this writes; the tests check that.
namespace thrift_ids {
enum TagType : int32_t { kString = 0, kDouble = 1, kBool = 2, kLong = 3 };
}  // namespace thrift_ids

template <class Protocol>
void writeTag(Protocol& out, const SpanTag& tag) {
  using apache::thrift::protocol::TType;
  out.writeStructBegin("Tag");
  out.writeFieldBegin("key", TType::T_STRING, 1);
  out.writeString(tag.key);
  out.writeFieldEnd();
  std::visit(
      [&out](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
          out.writeFieldBegin("vType", TType::T_I32, 2);
          out.writeI32(thrift_ids::kString);
          out.writeFieldEnd();
          out.writeFieldBegin("vStr", TType::T_STRING, 3);
          out.writeString(value);
        } else if constexpr (std::is_same_v<T, double>) {
          out.writeFieldBegin("vType", TType::T_I32, 2);
          out.writeI32(thrift_ids::kDouble);
          out.writeFieldEnd();
          out.writeFieldBegin("vDouble", TType::T_DOUBLE, 4);
          out.writeDouble(value);
        } else if constexpr (std::is_same_v<T, bool>) {
          out.writeFieldBegin("vType", TType::T_I32, 2);
          out.writeI32(thrift_ids::kBool);
          out.writeFieldEnd();
          out.writeFieldBegin("vBool", TType::T_BOOL, 5);
          out.writeBool(value);
        } else {
          out.writeFieldBegin("vType", TType::T_I32, 2);
          out.writeI32(thrift_ids::kLong);
          out.writeFieldEnd();
          out.writeFieldBegin("vLong", TType::T_I64, 6);
          out.writeI64(value);
        }
        out.writeFieldEnd();
      },
      tag.value);
  out.writeFieldStop();
  out.writeStructEnd();
}

// Thrift's protocols write strings from a std::string only. These two write them from a view
// of the span record, with the same bytes on the wire: the compact protocol's varint length,
// or the binary protocol's i32 length, then the bytes.
class CompactProtocol final : public apache::thrift::protocol::TCompactProtocolT<EncodeBuffer> {
 public:
  using TCompactProtocolT::TCompactProtocolT;
  void writeStringView(std::string_view text) {
    writeVarint32(static_cast<uint32_t>(text.size()));
    trans_->write(reinterpret_cast<const uint8_t*>(text.data()),
                  static_cast<uint32_t>(text.size()));
  }
};

class BinaryProtocol final : public apache::thrift::protocol::TBinaryProtocolT<EncodeBuffer> {
 public:
  using TBinaryProtocolT::TBinaryProtocolT;
  void writeStringView(std::string_view text) {
    writeI32(static_cast<int32_t>(text.size()));
    trans_->write(reinterpret_cast<const uint8_t*>(text.data()),
                  static_cast<uint32_t>(text.size()));
  }
};

template <class Protocol, class = void>
struct WritesStringViews : std::false_type {};
template <class Protocol>
struct WritesStringViews<
    Protocol, std::void_t<decltype(std::declval<Protocol&>().writeStringView(std::string_view()))>>
    : std::true_type {};

template <class Protocol>
void writeStringField(Protocol& out, const char* name, int16_t id, std::string_view text) {
  out.writeFieldBegin(name, apache::thrift::protocol::TType::T_STRING, id);
  if constexpr (WritesStringViews<Protocol>::value) {
    out.writeStringView(text);
  } else {
    out.writeBinary(std::string(text));
  }
  out.writeFieldEnd();
}

template <class Protocol>
void writeTag(Protocol& out, const FieldView& tag) {
  using apache::thrift::protocol::TType;
  out.writeStructBegin("Tag");
  writeStringField(out, "key", 1, tag.key);
  out.writeFieldBegin("vType", TType::T_I32, 2);
  switch (tag.type) {
    case FieldView::Type::kString:
      out.writeI32(thrift_ids::kString);
      out.writeFieldEnd();
      writeStringField(out, "vStr", 3, tag.stringValue);
      break;
    case FieldView::Type::kDouble:
      out.writeI32(thrift_ids::kDouble);
      out.writeFieldEnd();
      out.writeFieldBegin("vDouble", TType::T_DOUBLE, 4);
      out.writeDouble(tag.doubleValue);
      out.writeFieldEnd();
      break;
    case FieldView::Type::kBool:
      out.writeI32(thrift_ids::kBool);
      out.writeFieldEnd();
      out.writeFieldBegin("vBool", TType::T_BOOL, 5);
      out.writeBool(tag.boolValue);
      out.writeFieldEnd();
      break;
    case FieldView::Type::kLong:
      out.writeI32(thrift_ids::kLong);
      out.writeFieldEnd();
      out.writeFieldBegin("vLong", TType::T_I64, 6);
      out.writeI64(tag.longValue);
      out.writeFieldEnd();
      break;
  }
  out.writeFieldStop();
  out.writeStructEnd();
}

template <class Protocol>
void writeTagList(Protocol& out, const std::vector<SpanTag>& tags) {
  out.writeListBegin(apache::thrift::protocol::TType::T_STRUCT, static_cast<uint32_t>(tags.size()));
  for (const SpanTag& tag : tags) writeTag(out, tag);
  out.writeListEnd();
}

template <class Protocol>
void writeI64Field(Protocol& out, const char* name, int16_t id, uint64_t value) {
  out.writeFieldBegin(name, apache::thrift::protocol::TType::T_I64, id);
  out.writeI64(static_cast<int64_t>(value));
  out.writeFieldEnd();
}

template <class Protocol>
void writeSpan(Protocol& out, const SpanRecord& span) {
  using apache::thrift::protocol::TType;
  out.writeStructBegin("Span");
  writeI64Field(out, "traceIdLow", 1, span.traceID.low());
  writeI64Field(out, "traceIdHigh", 2, span.traceID.high());
  writeI64Field(out, "spanId", 3, span.spanID);
  writeI64Field(out, "parentSpanId", 4, span.parentID);
  writeStringField(out, "operationName", 5, span.operationName());
  if (span.referenceCount() > 0) {
    out.writeFieldBegin("references", TType::T_LIST, 6);
    out.writeListBegin(TType::T_STRUCT, span.referenceCount());
    span.forEachReference([&out](bool followsFrom, const TraceID& traceID, uint64_t spanID) {
      out.writeStructBegin("SpanRef");
      out.writeFieldBegin("refType", TType::T_I32, 1);
      out.writeI32(followsFrom ? 1 : 0);
      out.writeFieldEnd();
      writeI64Field(out, "traceIdLow", 2, traceID.low());
      writeI64Field(out, "traceIdHigh", 3, traceID.high());
      writeI64Field(out, "spanId", 4, spanID);
      out.writeFieldStop();
      out.writeStructEnd();
    });
    out.writeListEnd();
    out.writeFieldEnd();
  }
  out.writeFieldBegin("flags", TType::T_I32, 7);
  out.writeI32(span.flags);
  out.writeFieldEnd();
  writeI64Field(out, "startTime", 8, static_cast<uint64_t>(span.startMicros));
  writeI64Field(out, "duration", 9, static_cast<uint64_t>(span.durationMicros));
  if (span.tagCount() > 0) {
    out.writeFieldBegin("tags", TType::T_LIST, 10);
    out.writeListBegin(TType::T_STRUCT, span.tagCount());
    span.forEachTag([&out](const FieldView& tag) { writeTag(out, tag); });
    out.writeListEnd();
    out.writeFieldEnd();
  }
  if (span.logCount() > 0) {
    out.writeFieldBegin("logs", TType::T_LIST, 11);
    out.writeListBegin(TType::T_STRUCT, span.logCount());
    bool inLog = false;
    auto endLog = [&out, &inLog] {
      if (!inLog) return;
      out.writeListEnd();
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      inLog = false;
    };
    span.forEachLog(
        [&out, &inLog, &endLog](int64_t timestampMicros, uint32_t fieldCount) {
          endLog();
          out.writeStructBegin("Log");
          writeI64Field(out, "timestamp", 1, static_cast<uint64_t>(timestampMicros));
          out.writeFieldBegin("fields", TType::T_LIST, 2);
          out.writeListBegin(TType::T_STRUCT, fieldCount);
          inLog = true;
        },
        [&out](const FieldView& field) { writeTag(out, field); });
    endLog();
    out.writeListEnd();
    out.writeFieldEnd();
  }
  out.writeFieldStop();
  out.writeStructEnd();
}

template <class Protocol>
void writeProcess(Protocol& out, const std::string& serviceName, const std::vector<SpanTag>& tags) {
  using apache::thrift::protocol::TType;
  out.writeStructBegin("Process");
  out.writeFieldBegin("serviceName", TType::T_STRING, 1);
  out.writeString(serviceName);
  out.writeFieldEnd();
  out.writeFieldBegin("tags", TType::T_LIST, 2);
  writeTagList(out, tags);
  out.writeFieldEnd();
  out.writeFieldStop();
  out.writeStructEnd();
}

struct ClientStatsValues {
  uint64_t fullQueueDroppedSpans = 0;
  uint64_t tooLargeDroppedSpans = 0;
  uint64_t failedToEmitSpans = 0;
};

template <class Protocol>
void writeClientStats(Protocol& out, const ClientStatsValues& stats) {
  out.writeStructBegin("ClientStats");
  writeI64Field(out, "fullQueueDroppedSpans", 1, stats.fullQueueDroppedSpans);
  writeI64Field(out, "tooLargeDroppedSpans", 2, stats.tooLargeDroppedSpans);
  writeI64Field(out, "failedToEmitSpans", 3, stats.failedToEmitSpans);
  out.writeFieldStop();
  out.writeStructEnd();
}

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_THRIFTSPANWRITER_H
