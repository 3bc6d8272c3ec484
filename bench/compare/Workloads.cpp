#include "Workloads.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "DatadogAgent.h"
#include "DatagramRecorder.h"
#include "UdpSink.h"
#include "VectorCarrier.h"

namespace jaegertracing {
namespace compare {
namespace {

using Clock = std::chrono::steady_clock;
using TextMapCarrier = bench::VectorCarrier<opentracing::TextMapReader, opentracing::TextMapWriter>;

// Longer than std::string's inline buffer, as real operation names and URLs are.
constexpr const char* kOperationName = "GET /api/v1/users/{id}";
const std::string kUrl = "/api/v1/users/12345/orders";

// A repetition of a calibrated loop lasts about this long.
constexpr std::chrono::milliseconds kRepetitionTime{100};
// Delivery after Close(): a tracer that sends nothing new for kQuietTime is done.
constexpr std::chrono::seconds kQuietTime{2};
constexpr std::chrono::seconds kDeliveryTimeout{30};
// Long enough for a reporter to send a round of "sampled" (50,000 spans at 1 µs each at most).
constexpr std::chrono::milliseconds kDrainTime{100};

void startFinish(const opentracing::Tracer& tracer) {
  auto span = tracer.StartSpan(kOperationName);
  span->Finish();
}

// What a request handler does with its span.
void requestSpan(const opentracing::Tracer& tracer) {
  auto span = tracer.StartSpan(kOperationName);
  span->SetTag("http.url", kUrl);
  span->SetTag("http.status_code", 200);
  span->Log({{"event", "cache.miss"}, {"key", 42}});
  span->Finish();
}

double nowNanoseconds(TimingClock clock) {
  timespec now{};
  clock_gettime(clock == TimingClock::kThreadCpu ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &now);
  return static_cast<double>(now.tv_sec) * 1e9 + static_cast<double>(now.tv_nsec);
}

template <typename Operation>
double nanosecondsPerOperation(TimingClock clock, size_t operations, Operation& operation) {
  const double start = nowNanoseconds(clock);
  for (size_t i = 0; i < operations; ++i) operation();
  return (nowNanoseconds(clock) - start) / static_cast<double>(operations);
}

// Operations in one repetition of about kRepetitionTime; the first runs warm the caches.
template <typename Operation>
size_t calibrate(TimingClock clock, Operation& operation) {
  for (size_t operations = 100;; operations *= 4) {
    const double total = nanosecondsPerOperation(clock, operations, operation) * operations;
    const double wanted = std::chrono::duration<double, std::nano>(kRepetitionTime).count();
    if (total >= wanted / 10) {
      return std::max<size_t>(operations, static_cast<size_t>(operations * wanted / total));
    }
  }
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

Result timingResult(const std::vector<double>& nanoseconds) {
  Result result;
  result.measured = !nanoseconds.empty();
  if (result.measured) result.median = median(nanoseconds);
  return result;
}

Result failure(std::string why) {
  Result result;
  result.note = std::move(why);
  return result;
}

// Timing runs send to ports nobody reads (Jaeger) or that answer at once (Datadog): what the
// tracer pays, not what a receiver does.
struct Sinks {
  bench::UdpSink jaeger;
  DatadogAgent datadog;

  RunSettings settings(bool sampled) const {
    RunSettings run;
    run.sampled = sampled;
    run.jaegerAgentPort = jaeger.port();
    run.datadogAgentPort = datadog.port();
    return run;
  }
};

// A calibrated loop on one tracer, repeated.
template <typename Operation>
Result repeatCalibrated(const WorkloadOptions& options, Operation& operation) {
  const size_t operations = calibrate(options.clock, operation);
  std::vector<double> nanoseconds;
  for (int i = 0; i < options.repetitions; ++i) {
    nanoseconds.push_back(nanosecondsPerOperation(options.clock, operations, operation));
  }
  return timingResult(nanoseconds);
}

// Spans received by either agent, each span id once; duplicates says how many came again.
struct Delivery {
  size_t distinct = 0;
  size_t duplicates = 0;
};

// Waits until neither agent has received anything for kQuietTime (a tracer may deliver on a
// timer after Close), then counts.
Delivery awaitDelivery(bench::DatagramRecorder& jaeger, const DatadogAgent& datadog) {
  const Clock::time_point deadline = Clock::now() + kDeliveryTimeout;
  Clock::time_point lastProgress = Clock::now();
  size_t lastSeen = 0;
  while (Clock::now() < deadline && Clock::now() - lastProgress < kQuietTime &&
         datadog.spans() < kBurstSpans) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const size_t seen = jaeger.datagrams() + datadog.requests();
    if (seen != lastSeen) {
      lastSeen = seen;
      lastProgress = Clock::now();
    }
  }
  const bench::DatagramRecorder::Spans jaegerSpans = jaeger.stopAndDecode();
  const std::unordered_set<int64_t> jaegerIds(jaegerSpans.spanIds.begin(),
                                              jaegerSpans.spanIds.end());
  Delivery delivery;
  delivery.distinct = jaegerIds.size() + datadog.distinctSpans();
  delivery.duplicates =
      (jaegerSpans.spanIds.size() - jaegerIds.size()) + (datadog.spans() - datadog.distinctSpans());
  return delivery;
}

}  // namespace

Result runUnsampled(const TracerSource& source, const WorkloadOptions& options) {
  const Sinks sinks;
  std::string error;
  const auto tracer = source.make(sinks.settings(false), error);
  if (!tracer) return failure(error);
  auto operation = [&tracer] { startFinish(*tracer); };
  const Result result = repeatCalibrated(options, operation);
  tracer->Close();
  return result;
}

Result runSampled(const TracerSource& source, const WorkloadOptions& options) {
  const Sinks sinks;
  std::string error;
  const auto tracer = source.make(sinks.settings(true), error);
  if (!tracer) return failure(error);
  auto operation = [&tracer] { requestSpan(*tracer); };
  // The first round warms what a long-running process has warm: pools, caches, connections.
  std::vector<double> nanoseconds;
  for (int i = 0; i <= options.repetitions; ++i) {
    const double perSpan = nanosecondsPerOperation(options.clock, options.sampledSpans, operation);
    if (i > 0) nanoseconds.push_back(perSpan);
    // Untimed: the tracer's thread ships this round before the next, so no round finds the
    // queue full and is timed dropping spans instead of queueing them.
    std::this_thread::sleep_for(kDrainTime);
  }
  tracer->Close();
  return timingResult(nanoseconds);
}

Result runInjectExtract(const TracerSource& source, const WorkloadOptions& options) {
  const Sinks sinks;
  std::string error;
  const auto tracer = source.make(sinks.settings(true), error);
  if (!tracer) return failure(error);
  const auto span = tracer->StartSpan(kOperationName);
  TextMapCarrier carrier;
  bool roundTrips = true;
  auto operation = [&] {
    carrier.clear();
    const auto injected = tracer->Inject(span->context(), carrier);
    const auto extracted = tracer->Extract(carrier);
    roundTrips = roundTrips && injected && extracted && *extracted != nullptr;
  };
  Result result = repeatCalibrated(options, operation);
  span->Finish();
  tracer->Close();
  // The no-op tracer injects nothing and extracts no context: it is the floor, not a round trip.
  if (!roundTrips && !source.isNoop()) {
    return failure("the injected context did not extract");
  }
  return result;
}

Result runBurst(const TracerSource& source, const WorkloadOptions& options) {
  std::vector<double> received;
  size_t duplicates = 0;
  for (int i = 0; i < options.repetitions; ++i) {
    // Fresh agents each time: a tracer's late datagrams must not count for the next run.
    bench::DatagramRecorder jaeger;
    const DatadogAgent datadog;
    RunSettings settings;
    settings.sampled = true;
    settings.jaegerAgentPort = jaeger.port();
    settings.datadogAgentPort = datadog.port();
    std::string error;
    auto tracer = source.make(settings, error);
    if (!tracer) return failure(error);
    for (size_t span = 0; span < kBurstSpans; ++span) requestSpan(*tracer);
    tracer->Close();
    // Alive while the agents wait: a tracer may still deliver on its own thread after Close().
    const Delivery delivery = awaitDelivery(jaeger, datadog);
    tracer.reset();
    received.push_back(static_cast<double>(delivery.distinct));
    duplicates += delivery.duplicates;
  }
  Result result;
  result.measured = true;
  result.median = median(received);
  // The median hides a repetition that lost spans: name the worst.
  const double fewest = *std::min_element(received.begin(), received.end());
  if (fewest < result.median) {
    result.note = "fewest received in a repetition: " + std::to_string(static_cast<size_t>(fewest));
  }
  if (duplicates > 0) {
    result.note +=
        (result.note.empty() ? "" : "; ") + std::to_string(duplicates) + " spans received twice";
  }
  return result;
}

}  // namespace compare
}  // namespace jaegertracing
