// The OTLP encoders allocate nothing per span once warm: each batch is written into buffers
// that keep their size from the largest batch before.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "AllocationCounter.h"
#include "senders/OtlpJsonEncoder.h"
#include "senders/OtlpProtobufEncoder.h"
#include "support/SpanRecordConversion.h"

namespace jaegertracing {
namespace {

using testing::allocationsOnThisThread;

std::vector<std::unique_ptr<detail::SpanRecord>> records() {
  std::vector<std::unique_ptr<detail::SpanRecord>> spans;
  for (uint64_t i = 1; i <= 200; ++i) {
    detail::SpanData span;
    span.traceID = TraceID(i, i);
    span.spanID = i;
    span.parentID = i + 1;
    span.flags = 1;
    span.operationName = "GET /orders";
    span.startMicros = 1700000000000000;
    span.durationMicros = 10;
    span.references = {{false, span.traceID, i + 1}, {true, TraceID(0, 9), 9}};
    span.tags = {{"span.kind", std::string("client")},
                 {"error", true},
                 {"http.url", std::string(100, 'u')},
                 {"n", int64_t{-1}},
                 {"r", 0.5}};
    span.logs = {{span.startMicros + 1, {{"event", std::string("retry")}, {"n", int64_t{2}}}},
                 {span.startMicros + 2, {{"message", std::string("\"quoted\"\n")}}}};
    spans.push_back(detail::toSpanRecord(span));
  }
  return spans;
}

template <typename Encoder>
uint64_t allocationsOfSecondBatch() {
  const auto spans = records();
  Encoder encoder("svc", {{"hostname", std::string("h")}});
  uint64_t before = 0;
  for (int round = 0; round < 2; ++round) {
    if (round == 1) before = allocationsOnThisThread();
    encoder.clear();
    for (const auto& span : spans) {
      encoder.measureSpan(*span);
      encoder.appendMeasuredSpan(*span);
    }
    EXPECT_GT(encoder.finish().size(), 200u * 100u);
  }
  return allocationsOnThisThread() - before;
}

TEST(OtlpEncoderAllocationTest, ProtobufAllocatesNothingOnceWarm) {
  EXPECT_EQ(allocationsOfSecondBatch<detail::OtlpProtobufEncoder>(), 0u);
}

TEST(OtlpEncoderAllocationTest, JsonAllocatesNothingOnceWarm) {
  EXPECT_EQ(allocationsOfSecondBatch<detail::OtlpJsonEncoder>(), 0u);
}

}  // namespace
}  // namespace jaegertracing
