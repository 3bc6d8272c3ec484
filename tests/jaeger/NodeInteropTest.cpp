// Interop in Jaeger: the C++ starter calls the tutorial's formatter written in Node.js and traced
// with the npm jaeger-client (tests/jaeger/node; scripts/test installs it with npm ci), and the
// C++ publisher; all three report to the same Jaeger v2, whose query API must return one trace:
// the Node.js span a child of the C++ client span, from the uber-trace-id header, no warnings.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <string>

#include "jaeger/JaegerV2.h"
#include "jaeger/Tutorial.h"
#include "support/Process.h"
#include "support/ProcessChecks.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kStartDeadline = 30s;
constexpr auto kExitDeadline = 30s;
constexpr auto kTraceDeadline = 30s;

const std::filesystem::path kNodeDir =
    std::filesystem::path(JAEGERTRACING_SOURCE_DIR) / "tests" / "jaeger" / "node";

void expectStops(Process& process, const std::string& what) {
  process.signal(SIGTERM);
  expectExitsWith(process, 0, kExitDeadline, what + " after SIGTERM");
}

TEST(NodeInteropTest, cppStarterAndNodeFormatterMakeOneTraceInJaeger) {
  ASSERT_TRUE(std::filesystem::exists(kNodeDir / "node_modules" / "jaeger-client"))
      << "the npm packages are not installed: npm ci --prefix " << kNodeDir
      << " (scripts/test does it)";
  JaegerV2 jaeger;
  ASSERT_TRUE(jaeger.ready());
  const auto environment =
      tutorialEnvironment({{"JAEGER_AGENT_HOST", "127.0.0.1"},
                           {"JAEGER_AGENT_PORT", std::to_string(jaeger.compactPort())}});
  // The Node.js client speaks Thrift binary only: Jaeger's 6832 equivalent.
  auto nodeEnvironment = environment;
  nodeEnvironment["JAEGER_AGENT_PORT"] = std::to_string(jaeger.binaryPort());

  Process formatter({"/usr/bin/env", "node", (kNodeDir / "formatter.js").string(), "--port", "0"},
                    nodeEnvironment);
  const std::string formatterUrl = listeningUrl(formatter, kStartDeadline, "the Node.js formatter");
  ASSERT_FALSE(formatterUrl.empty());
  Process publisher({JAEGERTRACING_EXAMPLE_PUBLISHER, "--port", "0"}, environment);
  const std::string publisherUrl = listeningUrl(publisher, kStartDeadline, "publisher");
  ASSERT_FALSE(publisherUrl.empty());
  Process starter({JAEGERTRACING_EXAMPLE_STARTER, "Bryan", "--formatter", formatterUrl,
                   "--publisher", publisherUrl},
                  environment);
  const auto status = starter.wait(kExitDeadline);
  ASSERT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "starter " << (status ? describeStatus(*status) : "still runs");
  EXPECT_EQ(publisher.readLine(kStartDeadline).value_or("<nothing>"), "Hello, Bryan!")
      << "the Node.js formatter's answer, printed by the publisher";
  expectStops(formatter, "the Node.js formatter");
  expectStops(publisher, "publisher");

  const auto trace = jaeger.waitForTrace("starter", 5, kTraceDeadline);
  ASSERT_TRUE(trace) << jaeger.log();
  const std::string shown = trace->dump(1);
  EXPECT_EQ(warningsOf(*trace), "") << shown;
  const nlohmann::json* formatString = spanNamed(*trace, "formatString");
  const nlohmann::json* format = spanNamed(*trace, "format");
  const nlohmann::json* publish = spanNamed(*trace, "publish");
  ASSERT_TRUE(formatString && format && publish) << shown;
  EXPECT_EQ(serviceOf(*trace, *format), "formatter-node");
  EXPECT_EQ(serviceOf(*trace, *publish), "publisher");
  ASSERT_EQ(format->at("references").size(), 1u) << format->dump(1);
  EXPECT_EQ(format->at("references")[0].at("refType"), "CHILD_OF");
  EXPECT_EQ(format->at("references")[0].at("spanID"), formatString->at("spanID"));
  EXPECT_EQ(format->at("traceID"), formatString->at("traceID"));
  ASSERT_EQ(format->at("logs").size(), 1u) << format->dump(1);
  const nlohmann::json* value = tagNamed(format->at("logs")[0].at("fields"), "value");
  ASSERT_NE(value, nullptr) << format->dump(1);
  EXPECT_EQ(value->at("value"), "Hello, Bryan!");
  // The Node.js client's process tags, renamed by Jaeger v2 as ours are.
  const auto& process = trace->at("processes").at(format->at("processID").get<std::string>());
  const nlohmann::json* version = tagNamed(process.at("tags"), "opencensus.exporterversion");
  ASSERT_NE(version, nullptr) << process.dump();
  EXPECT_EQ(version->at("value").get<std::string>().rfind("Jaeger-Node-", 0), 0u)
      << version->dump();
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
