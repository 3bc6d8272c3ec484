#ifndef JAEGERTRACING_SRC_SENDERS_OTLPJSONENCODER_H
#define JAEGERTRACING_SRC_SENDERS_OTLPJSONENCODER_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "senders/OtlpEncoder.h"
#include "senders/OtlpSpanMapping.h"

namespace jaegertracing {
namespace detail {

// OTLP/HTTP's JSON encoding (application/json, the http/json protocol): protobuf's JSON
// mapping with OTLP's exceptions, as the OpenTelemetry Collector reads it: lowerCamelCase
// names, ids as lower-case hex (not base64), enums as integers, 64-bit integers as strings.
// A span is written into a reused scratch string (its size is only known once escaped), then
// appended to the reused body.
class OtlpJsonEncoder final : public OtlpEncoder {
 public:
  OtlpJsonEncoder(const std::string& serviceName, const std::vector<SpanTag>& processTags);

  const char* contentType() const override { return "application/json"; }
  void clear() override;
  size_t measureSpan(const SpanRecord& span) override;
  void appendMeasuredSpan(const SpanRecord& span) override;
  uint32_t spanCount() const override { return spanCount_; }
  size_t bodyBytes() const override { return body_.size() + kSuffix.size(); }
  size_t overheadBytes() const override { return prefix_.size() + kSuffix.size(); }
  std::string_view finish() override;

 private:
  static constexpr std::string_view kSuffix = "]}]}]}";

  std::string prefix_;  // up to the spans' list, with the resource: written once
  std::string body_;
  std::string span_;  // the measured span, with its leading comma
  uint32_t spanCount_ = 0;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_OTLPJSONENCODER_H
