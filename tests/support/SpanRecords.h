#ifndef JAEGERTRACING_TESTS_SUPPORT_SPANRECORDS_H
#define JAEGERTRACING_TESTS_SUPPORT_SPANRECORDS_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "support/SpanRecordConversion.h"

namespace jaegertracing {
namespace testing {

// A sampled span as the reporter hands it to a sender, with one string tag of payloadBytes
// (none for 0) to make it as large as a test needs.
inline std::unique_ptr<detail::SpanRecord> spanWithPayload(uint64_t id, size_t payloadBytes) {
  detail::SpanData span;
  span.traceID = TraceID(0, id);
  span.spanID = id;
  span.flags = 1;
  span.operationName = "op";
  span.startMicros = 1700000000000000;
  span.durationMicros = 5;
  if (payloadBytes > 0) {
    span.tags.push_back(detail::SpanTag{"payload", std::string(payloadBytes, 'x')});
  }
  return detail::toSpanRecord(span);
}

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_SPANRECORDS_H
