// The remote sampler against the strategies Jaeger v2's remote_sampling extension serves: from
// a strategies file, per operation (probability 1 always sampled, 0 never, with no lower bound),
// and after an edit of the file within Jaeger's reload and the tracer's refresh; from the
// adaptive provider, whose probabilities the tracer applies and whose processor needs the
// sampler.type and sampler.param tags on root spans.
#include <gtest/gtest.h>
#include <jaegertracing/Config.h>
#include <jaegertracing/SpanContext.h>
#include <jaegertracing/Tracer.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
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
      Config::parse(YAML::Load("sampler: {type: remote, param: 0, samplingRefreshInterval: 1, "
                               "samplingServerURL: \"" +
                               jaeger.samplingEndpoint() +
                               "\"}\n"
                               "reporter: {queueSize: 1000, localAgentHostPort: \"127.0.0.1:" +
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
      [](const std::vector<nlohmann::json>& found) {
        return found.size() >= 2u * kDecisions + 1;
      },
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

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
