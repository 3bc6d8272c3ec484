#include "jaeger/Tutorial.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <optional>

#include "support/Process.h"
#include "support/ProcessChecks.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kStartDeadline = 20s;
constexpr auto kExitDeadline = 30s;

}  // namespace

std::map<std::string, std::string> tutorialEnvironment(
    const std::map<std::string, std::string>& reporting) {
  // An empty JAEGER_* variable is not applied.
  std::map<std::string, std::string> environment = {
      {"JAEGER_AGENT_HOST", ""},     {"JAEGER_AGENT_PORT", ""},       {"JAEGER_ENDPOINT", ""},
      {"JAEGER_DISABLED", ""},       {"JAEGER_PROPAGATION", ""},      {"JAEGER_SERVICE_NAME", ""},
      {"JAEGER_TAGS", ""},           {"JAEGER_SAMPLER_TYPE", ""},     {"JAEGER_SAMPLER_PARAM", ""},
      {"JAEGER_TRACEID_128BIT", ""}, {"JAEGER_SAMPLING_ENDPOINT", ""}};
  for (const auto& [name, value] : reporting) {
    environment[name] = value;
  }
  return environment;
}

TutorialRun runTutorial(const std::map<std::string, std::string>& reporting) {
  TutorialRun run;
  const auto environment = tutorialEnvironment(reporting);
  Process formatter({JAEGERTRACING_EXAMPLE_FORMATTER, "--port", "0"}, environment);
  run.formatterUrl = listeningUrl(formatter, kStartDeadline);
  if (run.formatterUrl.empty()) {
    ADD_FAILURE() << "formatter did not start";
    return run;
  }
  Process publisher({JAEGERTRACING_EXAMPLE_PUBLISHER, "--port", "0"}, environment);
  run.publisherUrl = listeningUrl(publisher, kStartDeadline);
  if (run.publisherUrl.empty()) {
    ADD_FAILURE() << "publisher did not start";
    return run;
  }
  Process starter({JAEGERTRACING_EXAMPLE_STARTER, "Bryan", "--formatter", run.formatterUrl,
                   "--publisher", run.publisherUrl},
                  environment);
  expectExitsWith(starter, 0, kExitDeadline, "starter");
  formatter.signal(SIGTERM);
  publisher.signal(SIGTERM);
  expectExitsWith(formatter, 0, kExitDeadline, "formatter after SIGTERM");
  expectExitsWith(publisher, 0, kExitDeadline, "publisher after SIGTERM");
  return run;
}

}  // namespace testing
}  // namespace jaegertracing
