// The OTLP encoders alone, on the reporter's thread's work: span records to one request body,
// measured then written, into the reused buffer (protobuf, JSON). Spans per second encoded and
// bytes per span; the target is at least 1,000,000 spans/s for protobuf.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "BenchSupport.h"
#include "senders/OtlpJsonEncoder.h"
#include "senders/OtlpProtobufEncoder.h"
#include "support/SpanRecordConversion.h"

namespace jaegertracing {
namespace bench {
namespace {

constexpr size_t kSpansPerBody = 1000;

// The spans sampledWorkload() makes: two tags and a log of two fields.
std::vector<std::unique_ptr<detail::SpanRecord>> workloadRecords() {
  std::vector<std::unique_ptr<detail::SpanRecord>> records;
  for (size_t i = 1; i <= kSpansPerBody; ++i) {
    detail::SpanData span;
    span.traceID = TraceID(0, i * 7919);
    span.spanID = i * 104729;
    span.parentID = i * 1299709;
    span.flags = 1;
    span.operationName = kOperationName;
    span.startMicros = 1700000000000000 + static_cast<int64_t>(i);
    span.durationMicros = 250;
    span.tags = {{"http.url", std::string(kUrl)}, {"http.status_code", int64_t{200}}};
    span.logs = {
        {span.startMicros + 10, {{"event", std::string("cache.miss")}, {"key", int64_t{42}}}}};
    records.push_back(detail::toSpanRecord(span));
  }
  return records;
}

template <typename Encoder>
void encodeBodies(benchmark::State& state) {
  const auto records = workloadRecords();
  const std::vector<detail::SpanTag> processTags = {{"hostname", std::string("bench-host")},
                                                    {"ip", std::string("10.0.0.1")}};
  Encoder encoder(kServiceName, processTags);
  size_t bytes = 0;
  for (auto _ : state) {
    encoder.clear();
    for (const auto& record : records) {
      encoder.measureSpan(*record);
      encoder.appendMeasuredSpan(*record);
    }
    const std::string_view body = encoder.finish();
    benchmark::DoNotOptimize(body.data());
    bytes = body.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kSpansPerBody));
  state.counters["bytes/span"] = static_cast<double>(bytes) / kSpansPerBody;
}

void BM_OtlpEncode_Protobuf(benchmark::State& state) {
  encodeBodies<detail::OtlpProtobufEncoder>(state);
}
BENCHMARK(BM_OtlpEncode_Protobuf);

void BM_OtlpEncode_Json(benchmark::State& state) { encodeBodies<detail::OtlpJsonEncoder>(state); }
BENCHMARK(BM_OtlpEncode_Json);

}  // namespace
}  // namespace bench
}  // namespace jaegertracing
