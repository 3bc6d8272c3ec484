#include "senders/OtlpResponse.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <nlohmann/json.hpp>

namespace jaegertracing {
namespace detail {
namespace {

using google::protobuf::internal::WireFormatLite;

// ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
// ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }
bool readPartialSuccess(google::protobuf::io::CodedInputStream& in, OtlpPartialSuccess& result) {
  for (uint32_t tag = in.ReadTag(); tag != 0; tag = in.ReadTag()) {
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    const auto type = WireFormatLite::GetTagWireType(tag);
    if (number == 1 && type == WireFormatLite::WIRETYPE_VARINT) {
      uint64_t value = 0;
      if (!in.ReadVarint64(&value)) return false;
      result.rejectedSpans = static_cast<int64_t>(value);
    } else if (number == 2 && type == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length = 0;
      if (!in.ReadVarint32(&length) || !in.ReadString(&result.errorMessage, length)) return false;
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return false;
    }
  }
  return in.ConsumedEntireMessage();
}

OtlpPartialSuccess parseProtobuf(std::string_view body) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(body.data()),
                                            static_cast<int>(body.size()));
  OtlpPartialSuccess result;
  for (uint32_t tag = in.ReadTag(); tag != 0; tag = in.ReadTag()) {
    if (WireFormatLite::GetTagFieldNumber(tag) == 1 &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length = 0;
      if (!in.ReadVarint32(&length)) return {};
      const auto limit = in.PushLimit(static_cast<int>(length));
      if (!readPartialSuccess(in, result)) return {};
      in.PopLimit(limit);
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return {};
    }
  }
  return result;
}

// {"partialSuccess": {"rejectedSpans": "3", "errorMessage": "..."}}: int64 as a string or a
// number; the proto's own field names are accepted too, as protobuf's JSON readers do.
OtlpPartialSuccess parseJson(std::string_view body) {
  const auto document = nlohmann::json::parse(body, nullptr, false);
  if (!document.is_object()) return {};
  const auto member = [](const nlohmann::json& object, const char* camel,
                         const char* snake) -> const nlohmann::json* {
    if (auto found = object.find(camel); found != object.end()) return &*found;
    if (auto found = object.find(snake); found != object.end()) return &*found;
    return nullptr;
  };
  const nlohmann::json* partial = member(document, "partialSuccess", "partial_success");
  if (partial == nullptr || !partial->is_object()) return {};
  OtlpPartialSuccess result;
  if (const auto* rejected = member(*partial, "rejectedSpans", "rejected_spans")) {
    if (rejected->is_number_integer()) {
      result.rejectedSpans = rejected->get<int64_t>();
    } else if (rejected->is_string()) {
      try {
        result.rejectedSpans = std::stoll(rejected->get<std::string>());
      } catch (const std::exception&) {
        return {};
      }
    }
  }
  if (const auto* message = member(*partial, "errorMessage", "error_message");
      message != nullptr && message->is_string()) {
    result.errorMessage = message->get<std::string>();
  }
  return result;
}

}  // namespace

OtlpPartialSuccess parsePartialSuccess(std::string_view body, bool json) {
  if (body.empty()) return {};
  OtlpPartialSuccess result = json ? parseJson(body) : parseProtobuf(body);
  if (result.rejectedSpans < 0) result.rejectedSpans = 0;
  return result;
}

}  // namespace detail
}  // namespace jaegertracing
