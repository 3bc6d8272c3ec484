// What the reporter's thread ships, through the public API only: spans per second popped,
// encoded and written to the agent's UDP port on loopback or POSTed to a collector in this
// process, with the bytes each span takes on the wire; and a burst of 100,000 spans through
// the whole tracer to an agent that keeps and decodes every datagram, counted span by span.
#include <benchmark/benchmark.h>
#include <jaegertracing/Tracer.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <unordered_set>

#include "BenchSupport.h"
#include "DatagramRecorder.h"
#include "HttpCollector.h"

namespace jaegertracing {
namespace bench {
namespace {

// Spans queued per iteration: enough that waking the reporter's thread is noise.
constexpr int kQueuedSpans = 100000;
constexpr std::chrono::seconds kFlushTimeout{30};

// The reporter's thread alone, timed. With the timer paused the caller fills the queue (a
// capacity of twice the spans keeps the thread asleep: it wakes at half full, and its flush
// interval never comes); Flush() then times the thread draining the queue, encoding, sending
// and freeing every span, the work it does for an application.
void reporterThroughput(benchmark::State& state, const Config& config) {
  const std::shared_ptr<Tracer> tracer = std::static_pointer_cast<Tracer>(Tracer::make(config));
  const TracerStats before = tracer->stats();
  for (auto _ : state) {
    state.PauseTiming();
    for (int i = 0; i < kQueuedSpans; ++i) sampledWorkload(*tracer);
    if (tracer->stats().queueLength != kQueuedSpans) {
      state.SkipWithError("the reporter's thread woke before Flush: the queue was not full");
      break;
    }
    state.ResumeTiming();
    if (!tracer->Flush(kFlushTimeout)) {
      state.SkipWithError("Flush timed out");
      break;
    }
  }
  const TracerStats after = tracer->stats();
  const uint64_t reported = after.spansReported - before.spansReported;
  const uint64_t lost = (after.droppedQueueFull - before.droppedQueueFull) +
                        (after.droppedTooLarge - before.droppedTooLarge) +
                        (after.droppedSendFailed - before.droppedSendFailed);
  state.SetItemsProcessed(static_cast<int64_t>(reported));
  state.counters["bytes/span"] =
      reported == 0
          ? 0.0
          : static_cast<double>(after.bytesSent - before.bytesSent) / static_cast<double>(reported);
  state.counters["spans/batch"] =
      after.batchesSent == before.batchesSent
          ? 0.0
          : static_cast<double>(reported) /
                static_cast<double>(after.batchesSent - before.batchesSent);
  state.counters["lost"] = static_cast<double>(lost);
  if (lost != 0) {
    state.SkipWithError((std::to_string(lost) + " spans were dropped").c_str());
  }
}

reporters::Config queueingReporter(const std::string& agentHostPort,
                                   const std::string& endpoint = "") {
  return reporters::Config(2 * kQueuedSpans + 2, std::chrono::hours(1), /*logSpans=*/false,
                           agentHostPort, endpoint);
}

Config withReporter(const reporters::Config& reporter) {
  return Config(/*disabled=*/false, /*traceId128Bit=*/false,
                samplers::Config(kSamplerTypeConst, 1.0), reporter, propagation::HeadersConfig(),
                baggage::RestrictionsConfig(), kServiceName);
}

void BM_Reporter_Udp(benchmark::State& state) {
  const UdpSink agent;
  reporterThroughput(state, withReporter(queueingReporter(agent.hostPort())));
}
BENCHMARK(BM_Reporter_Udp)->Unit(benchmark::kMillisecond)->UseRealTime();

// The collector runs on this machine's other core, as the agent's kernel work does for UDP.
void BM_Reporter_Http(benchmark::State& state) {
  const HttpCollector collector;
  reporterThroughput(state, withReporter(queueingReporter("127.0.0.1:6831", collector.endpoint())));
}
BENCHMARK(BM_Reporter_Http)->Unit(benchmark::kMillisecond)->UseRealTime();

// OTLP/HTTP to the same in-process receiver: protobuf, protobuf with gzip, JSON.
void reporterOverOtlp(benchmark::State& state, const char* protocol, const char* compression) {
  const HttpCollector collector;
  reporters::OtlpConfig otlp;
  otlp.endpoint = collector.otlpEndpoint();
  otlp.protocol = protocol;
  otlp.compression = compression;
  reporterThroughput(state, withReporter(queueingReporter("127.0.0.1:6831").setOtlp(otlp)));
}
void BM_Reporter_Otlp(benchmark::State& state) {
  reporterOverOtlp(state, reporters::OtlpConfig::kProtobuf, "none");
}
BENCHMARK(BM_Reporter_Otlp)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_Reporter_OtlpGzip(benchmark::State& state) {
  reporterOverOtlp(state, reporters::OtlpConfig::kProtobuf, "gzip");
}
BENCHMARK(BM_Reporter_OtlpGzip)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_Reporter_OtlpJson(benchmark::State& state) {
  reporterOverOtlp(state, reporters::OtlpConfig::kJson, "none");
}
BENCHMARK(BM_Reporter_OtlpJson)->Unit(benchmark::kMillisecond)->UseRealTime();

// 100,000 sampled spans finished as fast as one thread can, into a queue of 100,000, then
// Close(). The agent keeps every datagram and decodes them afterwards; every span must arrive
// exactly once.
void BM_Reporter_Burst100k(benchmark::State& state) {
  constexpr size_t kBurstSpans = 100000;
  DatagramRecorder agent;
  const std::shared_ptr<Tracer> tracer =
      std::static_pointer_cast<Tracer>(Tracer::make(makeConfig(true, agent.hostPort())));
  bool closed = false;
  for (auto _ : state) {
    for (size_t i = 0; i < kBurstSpans; ++i) sampledWorkload(*tracer);
    closed = tracer->close(kFlushTimeout);
  }
  // The datagrams were sent before close() returned; the kernel may not have handed them all
  // to the agent's thread yet.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  const uint64_t sent = tracer->stats().batchesSent;
  while (agent.datagrams() < sent && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const DatagramRecorder::Spans received = agent.stopAndDecode();
  const std::unordered_set<int64_t> spanIds(received.spanIds.begin(), received.spanIds.end());
  const size_t duplicated = received.spanIds.size() - spanIds.size();
  const TracerStats stats = tracer->stats();
  const uint64_t dropped = stats.droppedQueueFull + stats.droppedTooLarge +
                           stats.droppedSendFailed + stats.droppedAfterClose;
  state.counters["received"] = static_cast<double>(spanIds.size());
  state.counters["dropped"] = static_cast<double>(dropped);
  state.counters["duplicated"] = static_cast<double>(duplicated);
  state.counters["malformed"] = static_cast<double>(received.malformedDatagrams);
  if (!closed) {
    state.SkipWithError("close() timed out");
  } else if (spanIds.size() != kBurstSpans || duplicated != 0) {
    // A skipped benchmark prints no counters: say them here.
    const std::string error = "of " + std::to_string(kBurstSpans) + " spans " +
                              std::to_string(spanIds.size()) + " received, " +
                              std::to_string(duplicated) + " duplicated, " +
                              std::to_string(dropped) + " dropped by the tracer, " +
                              std::to_string(received.malformedDatagrams) + " malformed datagrams";
    state.SkipWithError(error.c_str());
  }
}
BENCHMARK(BM_Reporter_Burst100k)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace bench
}  // namespace jaegertracing
