#include "jaeger/Tutorial.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <optional>

#include "support/Process.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kStartDeadline = 20s;
constexpr auto kExitDeadline = 30s;

// The server's URL from its first line, "listening on 127.0.0.1:<port>".
std::string listeningUrl(Process& server) {
  const std::string prefix = "listening on ";
  const auto line = server.readLine(kStartDeadline);
  if (!line || line->rfind(prefix, 0) != 0) {
    ADD_FAILURE() << "expected \"listening on 127.0.0.1:<port>\", got "
                  << (line ? "\"" + *line + "\"" : "nothing");
    return "";
  }
  return "http://" + line->substr(prefix.size());
}

void expectExitsWith(Process& process, int code, const std::string& what) {
  const auto status = process.wait(kExitDeadline);
  ASSERT_TRUE(status) << what << " still runs after " << kExitDeadline.count() << " s";
  ASSERT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == code)
      << what << " " << describeStatus(*status) << ", expected exit " << code;
}

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
  run.formatterUrl = listeningUrl(formatter);
  if (run.formatterUrl.empty()) {
    ADD_FAILURE() << "formatter did not start";
    return run;
  }
  Process publisher({JAEGERTRACING_EXAMPLE_PUBLISHER, "--port", "0"}, environment);
  run.publisherUrl = listeningUrl(publisher);
  if (run.publisherUrl.empty()) {
    ADD_FAILURE() << "publisher did not start";
    return run;
  }
  Process starter({JAEGERTRACING_EXAMPLE_STARTER, "Bryan", "--formatter", run.formatterUrl,
                   "--publisher", run.publisherUrl},
                  environment);
  expectExitsWith(starter, 0, "starter");
  formatter.signal(SIGTERM);
  publisher.signal(SIGTERM);
  expectExitsWith(formatter, 0, "formatter after SIGTERM");
  expectExitsWith(publisher, 0, "publisher after SIGTERM");
  return run;
}

}  // namespace testing
}  // namespace jaegertracing
