#ifndef JAEGERTRACING_SRC_SENDERS_OTLPPROTOBUFENCODER_H
#define JAEGERTRACING_SRC_SENDERS_OTLPPROTOBUFENCODER_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "senders/OtlpEncoder.h"
#include "senders/OtlpSpanMapping.h"

namespace jaegertracing {
namespace detail {

// OTLP's protobuf encoding (application/x-protobuf), written straight from the span record
// with libprotobuf's CodedOutputStream primitives into one reused buffer: no message objects,
// no allocation per span once the buffer and the per-span scratch have grown. Each span is
// measured first (protobuf needs every nested message's length before its bytes), then
// written once. The request's outer lengths depend on the whole batch: room for them is kept
// before the spans, and finish() writes them right before the first span.
class OtlpProtobufEncoder final : public OtlpEncoder {
 public:
  OtlpProtobufEncoder(const std::string& serviceName, const std::vector<SpanTag>& processTags);

  const char* contentType() const override { return "application/x-protobuf"; }
  void clear() override;
  size_t measureSpan(const SpanRecord& span) override;
  void appendMeasuredSpan(const SpanRecord& span) override;
  uint32_t spanCount() const override { return spanCount_; }
  size_t bodyBytes() const override { return used_; }
  size_t overheadBytes() const override { return prefixRoom_; }
  std::string_view finish() override;

 private:
  uint8_t* reserve(size_t bytes);

  std::string resourceField_;  // ResourceSpans.resource, encoded once
  size_t prefixRoom_ = 0;      // the most bytes the request's prefix takes
  std::string body_;           // grows to the largest batch, never shrinks
  size_t used_ = 0;            // prefixRoom_ and the spans written so far
  uint32_t spanCount_ = 0;

  // What measureSpan found, for appendMeasuredSpan.
  otlp::SpanShape shape_;
  uint32_t spanBytes_ = 0;
  std::vector<uint32_t> eventBytes_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_OTLPPROTOBUFENCODER_H
