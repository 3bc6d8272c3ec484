// The remote sampler against the strategies Jaeger v2's remote_sampling extension serves: from
// a strategies file, per operation (probability 1 always sampled, 0 never, with no lower bound),
// and after an edit of the file within Jaeger's reload and the tracer's refresh; from the
// adaptive provider, whose probabilities the tracer applies and whose processor needs the
// sampler.type and sampler.param tags on root spans.
#include <gtest/gtest.h>
#include <httplib.h>
#include <jaegertracing/Config.h>
#include <jaegertracing/SpanContext.h>
#include <jaegertracing/Tracer.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <sstream>
#include <string>

#include "jaeger/JaegerV2.h"
#include "support/TempDirectory.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto kTraceDeadline = 30s;
// Until the tracer's first poll answered: its start, a loaded machine.
constexpr auto kFirstStrategyDeadline = 30s;
// An edit reaches the tracer after Jaeger's reload (1 s) and the tracer's next poll (1 s); the
// rest is slack for a loaded machine.
constexpr auto kEditDeadline = 10s;
constexpr int kDecisions = 200;

std::string strategies(double alwaysProbability, double neverProbability) {
  // A service strategy of its own, so the default one (every trace) cannot hide a mistake.
  return R"({
  "default_strategy": {"type": "probabilistic", "param": 1},
  "service_strategies": [{
    "service": "remote-sampled", "type": "probabilistic", "param": 0.5,
    "operation_strategies": [
      {"operation": "always", "type": "probabilistic", "param": )" +
         std::to_string(alwaysProbability) + R"(},
      {"operation": "never", "type": "probabilistic", "param": )" +
         std::to_string(neverProbability) + R"(}
    ]
  }]
})";
}

std::shared_ptr<opentracing::Tracer> remoteSampledTracer(const JaegerV2& jaeger,
                                                         const std::string& service) {
  // sampler.param 0: nothing is sampled until Jaeger's strategy arrived.
  return Tracer::make(
      service,
      Config::parse(YAML::Load(
          "sampler: {type: remote, param: 0, samplingRefreshInterval: 1, "
          "samplingServerURL: \"" +
          jaeger.samplingEndpoint() +
          "\"}\n"
          "reporter: {queueSize: 1000, bufferFlushInterval: 0.2, localAgentHostPort: \"127.0.0.1:" +
          std::to_string(jaeger.compactPort()) + "\"}\n")));
}

bool sampled(opentracing::Tracer& tracer, const std::string& operation) {
  auto span = tracer.StartSpan(operation);
  const bool decision = static_cast<const SpanContext&>(span->context()).isSampled();
  span->Finish();
  return decision;
}

int sampledOf(opentracing::Tracer& tracer, const std::string& operation, int count) {
  int sampledCount = 0;
  for (int i = 0; i < count; ++i) sampledCount += sampled(tracer, operation) ? 1 : 0;
  return sampledCount;
}

// Decides spans of `operation` until `want` is the decision; false at the deadline. The tracer's
// poll is seen only in its decisions: a decision every 10 ms at most.
bool waitForDecision(opentracing::Tracer& tracer, const std::string& operation, bool want,
                     std::chrono::milliseconds deadline, JaegerV2& jaeger) {
  const auto until = Clock::now() + deadline;
  while (Clock::now() < until) {
    if (sampled(tracer, operation) == want) return true;
    if (!jaeger.runsAfter(10ms)) return false;
  }
  return false;
}

TEST(RemoteSamplingInJaegerTest, perOperationStrategiesFromTheFileAndItsEditsAreApplied) {
  TempDirectory directory;
  const auto file = directory.write("strategies.json", strategies(1, 0));
  JaegerV2 jaeger(JaegerV2::Options{file, false, {}});
  ASSERT_TRUE(jaeger.ready());

  // What Jaeger serves, as the tracer reads it.
  std::string error;
  const auto served =
      jaeger.getJson(jaeger.samplingPort(), "/sampling?service=remote-sampled", error);
  ASSERT_TRUE(served) << error;
  // The lower bound is 0, so probability 0 means never (Jaeger writes strategyType as a number).
  EXPECT_EQ(served->at("operationSampling").at("defaultLowerBoundTracesPerSecond"), 0)
      << served->dump();
  EXPECT_EQ(served->at("operationSampling").at("perOperationStrategies").size(), 2u)
      << served->dump();

  auto tracer = remoteSampledTracer(jaeger, "remote-sampled");
  ASSERT_TRUE(waitForDecision(*tracer, "always", true, kFirstStrategyDeadline, jaeger))
      << "the tracer never applied Jaeger's strategy; Jaeger printed:\n"
      << jaeger.log();
  EXPECT_EQ(sampledOf(*tracer, "always", kDecisions), kDecisions);
  EXPECT_EQ(sampledOf(*tracer, "never", kDecisions), 0);

  // The edit: the two operations swap. Jaeger reads the file again within its reload_interval.
  const auto edited = Clock::now();
  directory.write("strategies.json", strategies(0, 1));
  ASSERT_TRUE(waitForDecision(*tracer, "always", false, kEditDeadline, jaeger))
      << "the edit did not reach the tracer within " << kEditDeadline.count() << " s";
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - edited);
  EXPECT_EQ(sampledOf(*tracer, "always", kDecisions), 0);
  EXPECT_EQ(sampledOf(*tracer, "never", kDecisions), kDecisions);
  RecordProperty("edit_to_decision_ms", std::to_string(took.count()));
  tracer->Close();

  // Jaeger has the sampled traces only, each a root span tagged by the per-operation sampler.
  const auto traces = jaeger.waitForTraces(
      "remote-sampled",
      [](const std::vector<nlohmann::json>& found) { return found.size() >= 2u * kDecisions + 1; },
      kTraceDeadline);
  ASSERT_GE(traces.size(), 2u * kDecisions + 1);
  size_t always = 0, never = 0;
  for (const auto& trace : traces) {
    ASSERT_EQ(trace.at("spans").size(), 1u);
    const auto& span = trace.at("spans")[0];
    const nlohmann::json* type = tagNamed(span.at("tags"), "sampler.type");
    const nlohmann::json* param = tagNamed(span.at("tags"), "sampler.param");
    ASSERT_TRUE(type && param) << span.dump();
    EXPECT_EQ(type->at("value"), "probabilistic") << span.dump();
    EXPECT_EQ(param->at("type"), "float64") << span.dump();
    EXPECT_EQ(param->at("value"), 1.0) << span.dump();
    (span.at("operationName") == "always" ? always : never) += 1;
  }
  // The spans sampled before the edit (at least the first decision and kDecisions), and after.
  EXPECT_GE(always, static_cast<size_t>(kDecisions) + 1);
  EXPECT_EQ(never, static_cast<size_t>(kDecisions));
}

// A metric of Jaeger's /metrics (Prometheus text), summed over its label sets; -1 when absent.
double metric(const std::string& text, const std::string& name) {
  double sum = -1;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + "{", 0) != 0 && line.rfind(name + " ", 0) != 0) continue;
    sum = (sum < 0 ? 0 : sum) + std::stod(line.substr(line.rfind(' ') + 1));
  }
  return sum;
}

// Jaeger's adaptive sampling, calculating every second from the last second: the tracer applies
// the strategy the adaptive provider serves (its initial probability, 1, per operation with a
// lower bound), its root spans carry the sampler.type/sampler.param tags the adaptive_sampling
// processor needs, and the processor counts them and calculates a probability per operation.
//
// Not asserted, because Jaeger v1.75.0 never serves it with the memory store: the calculated
// probability itself. The provider reloads probabilities from the store only while it is not
// the leader (adaptive.Provider.runUpdateProbabilitiesLoop), and the memory store's lock makes
// the only Jaeger the leader at once, so perOperationStrategies stays [] (seen for 40 s at ~45
// traces/s of one operation; upstream: jaegertracing/jaeger issue 6550).
TEST(RemoteSamplingInJaegerTest, adaptiveStrategyIsAppliedAndItsProcessorCountsTheRootSpans) {
  JaegerV2 jaeger(JaegerV2::Options{{},
                                    true,
                                    {{"JAEGER_V2_ADAPTIVE_INITIAL_PROBABILITY", "1"},
                                     {"JAEGER_V2_ADAPTIVE_TARGET_SAMPLES_PER_SECOND", "1"},
                                     {"JAEGER_V2_ADAPTIVE_CALCULATION_INTERVAL", "1s"},
                                     {"JAEGER_V2_ADAPTIVE_CALCULATION_DELAY", "1s"}}});
  ASSERT_TRUE(jaeger.ready());
  std::string error;
  const auto served = jaeger.getJson(jaeger.samplingPort(), "/sampling?service=adaptive", error);
  ASSERT_TRUE(served) << error;
  EXPECT_EQ(served->at("operationSampling").at("defaultSamplingProbability"), 1) << served->dump();
  EXPECT_GT(served->at("operationSampling").at("defaultLowerBoundTracesPerSecond"), 0)
      << served->dump();

  auto tracer = remoteSampledTracer(jaeger, "adaptive");
  ASSERT_TRUE(waitForDecision(*tracer, "busy", true, kFirstStrategyDeadline, jaeger))
      << "the tracer never applied the adaptive strategy";
  EXPECT_EQ(sampledOf(*tracer, "busy", kDecisions), kDecisions);

  // The processor's counts, as root spans keep arriving (the reporter flushes every 0.2 s).
  httplib::Client client("127.0.0.1", jaeger.metricsPort());
  std::string metrics;
  for (const auto until = Clock::now() + kTraceDeadline; Clock::now() < until;) {
    sampled(*tracer, "busy");
    if (const auto answer = client.Get("/metrics"); answer && answer->status == 200) {
      metrics = answer->body;
      if (metric(metrics, "sampling_operations_total") > 0 &&
          metric(metrics, "adaptive_sampling_processor_operations_calculated") >= 1) {
        break;
      }
    }
    if (!jaeger.runsAfter(50ms)) break;
  }
  EXPECT_GT(metric(metrics, "sampling_operations_total"), 0) << metrics;
  EXPECT_EQ(metric(metrics, "adaptive_sampling_processor_operations_calculated"), 1) << metrics;
  tracer->Close();

  // Jaeger's root spans carry what the processor read.
  const auto traces = jaeger.waitForTraces(
      "adaptive",
      [](const std::vector<nlohmann::json>& found) { return found.size() >= kDecisions + 1u; },
      kTraceDeadline);
  ASSERT_GE(traces.size(), kDecisions + 1u);
  for (const auto& trace : traces) {
    const auto& span = trace.at("spans").at(0);
    const nlohmann::json* type = tagNamed(span.at("tags"), "sampler.type");
    const nlohmann::json* param = tagNamed(span.at("tags"), "sampler.param");
    ASSERT_TRUE(type && param) << span.dump();
    EXPECT_EQ(type->at("value"), "probabilistic") << span.dump();
    EXPECT_EQ(param->at("type"), "float64");
    EXPECT_EQ(param->at("value"), 1.0);
  }
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
