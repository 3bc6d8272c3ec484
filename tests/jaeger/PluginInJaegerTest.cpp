// The OpenTracing plugin reports to Jaeger v2: examples/haproxy (Debian's HAProxy with our
// plugin, support/HAProxyExample) and plugin-host (a program that links only OpenTracing and
// loads the plugin), each to Jaeger's UDP port, and the query API has their traces, whole and
// without warnings.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <string>

#include "jaeger/JaegerV2.h"
#include "support/HAProxyExample.h"
#include "support/Process.h"
#include "support/TempDirectory.h"
#include "support/UberTraceId.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kExitDeadline = 20s;
constexpr auto kTraceDeadline = 30s;

std::string hex16(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

TEST(PluginInJaegerTest, haproxyExampleReportsItsTraceToJaeger) {
  JaegerV2 jaeger;
  ASSERT_TRUE(jaeger.ready());
  HAProxyExample example("127.0.0.1:" + std::to_string(jaeger.compactPort()));
  const auto response = example.get("/hello?name=jaeger");
  ASSERT_TRUE(response) << "no answer through HAProxy";
  EXPECT_EQ(response->body, kHAProxyBackendAnswer);
  const auto status = example.stop(kExitDeadline);
  ASSERT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "haproxy " << (status ? describeStatus(*status) : "still runs after SIGUSR1");

  const auto trace = jaeger.waitForTrace("haproxy", 2, kTraceDeadline);
  ASSERT_TRUE(trace) << jaeger.log();
  EXPECT_EQ(warningsOf(*trace), "") << trace->dump(1);
  const nlohmann::json* frontend = spanNamed(*trace, "frontend");
  const nlohmann::json* backend = spanNamed(*trace, "backend");
  ASSERT_TRUE(frontend && backend) << trace->dump(1);
  EXPECT_TRUE(frontend->at("references").empty());
  ASSERT_EQ(backend->at("references").size(), 1u);
  EXPECT_EQ(backend->at("references")[0].at("spanID"), frontend->at("spanID"));
  const nlohmann::json* method = tagNamed(frontend->at("tags"), "http.method");
  ASSERT_NE(method, nullptr) << frontend->dump(1);
  EXPECT_EQ(method->at("value"), "GET");

  // The backend received the context of the span Jaeger has.
  const auto requests = example.backend().requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto header = requests[0].find("uber-trace-id");
  ASSERT_NE(header, requests[0].end());
  const auto injected = parseUberTraceId(header->second);
  ASSERT_TRUE(injected) << header->second;
  EXPECT_EQ(hex16(injected->spanId), backend->at("spanID"));
}

TEST(PluginInJaegerTest, pluginHostReportsThroughThePluginToJaeger) {
  JaegerV2 jaeger;
  ASSERT_TRUE(jaeger.ready());
  TempDirectory directory;
  const auto config = directory.write(
      "tracer.json", R"({"service_name": "plugin-host", "sampler": {"type": "const", "param": 1},
                         "reporter": {"localAgentHostPort": "127.0.0.1:)" +
                         std::to_string(jaeger.compactPort()) + R"("}})");
  Process host({JAEGERTRACING_PLUGIN_HOST, JAEGERTRACING_PLUGIN, config.string(), "4"},
               {{"JAEGER_AGENT_HOST", ""},
                {"JAEGER_AGENT_PORT", ""},
                {"JAEGER_ENDPOINT", ""},
                {"JAEGER_DISABLED", ""},
                {"JAEGER_SERVICE_NAME", ""},
                {"JAEGER_SAMPLER_TYPE", ""}});
  const auto status = host.wait(kExitDeadline);
  ASSERT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "plugin-host " << (status ? describeStatus(*status) : "still runs");

  const auto trace = jaeger.waitForTrace("plugin-host", 4, kTraceDeadline);
  ASSERT_TRUE(trace) << jaeger.log();
  EXPECT_EQ(warningsOf(*trace), "") << trace->dump(1);
  const nlohmann::json* root = spanNamed(*trace, "host-root");
  ASSERT_NE(root, nullptr) << trace->dump(1);
  size_t children = 0;
  for (const auto& span : trace->at("spans")) {
    if (span.at("operationName") != "host-child") continue;
    ++children;
    ASSERT_EQ(span.at("references").size(), 1u);
    EXPECT_EQ(span.at("references")[0].at("spanID"), root->at("spanID"));
    const nlohmann::json* index = tagNamed(span.at("tags"), "index");
    ASSERT_NE(index, nullptr) << span.dump();
    EXPECT_EQ(index->at("type"), "int64");
  }
  EXPECT_EQ(children, 3u);
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
