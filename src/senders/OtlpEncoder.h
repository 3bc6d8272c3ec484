#ifndef JAEGERTRACING_SRC_SENDERS_OTLPENCODER_H
#define JAEGERTRACING_SRC_SENDERS_OTLPENCODER_H

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/SpanRecord.h"

namespace jaegertracing {
namespace detail {

// Builds one ExportTraceServiceRequest body (one resource, one scope, the batch's spans) in a
// buffer reused from batch to batch. The sender measures a span before it appends it, so a
// batch is split at the byte limit without encoding any span twice:
//   size_t bytes = encoder.measureSpan(span);   // what appending it would add
//   ... decide: drop it, send the batch first, or take it ...
//   encoder.appendMeasuredSpan(span);
class OtlpEncoder {
 public:
  virtual ~OtlpEncoder() = default;

  virtual const char* contentType() const = 0;
  // Empties the batch.
  virtual void clear() = 0;
  // The bytes appending the span would add to the body; remembers what it found for the
  // appendMeasuredSpan() that follows, with the same span.
  virtual size_t measureSpan(const SpanRecord& span) = 0;
  virtual void appendMeasuredSpan(const SpanRecord& span) = 0;
  virtual uint32_t spanCount() const = 0;
  // At least the body's size as it would be finished now.
  virtual size_t bodyBytes() const = 0;
  // At least the bytes of a body besides its spans.
  virtual size_t overheadBytes() const = 0;
  // The finished body; valid until the next call of any other method.
  virtual std::string_view finish() = 0;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_OTLPENCODER_H
