#include "support/HAProxyExample.h"

#if defined(JAEGERTRACING_PLUGIN) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)

#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "support/LoopbackSocket.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto kStartDeadline = 20s;
constexpr int kStartAttempts = 3;

std::filesystem::path exampleFile(const std::string& name) {
  return std::filesystem::path(JAEGERTRACING_SOURCE_DIR) / "examples" / "haproxy" / name;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The example's file with each `from` replaced by its `to`; every `from` must be there exactly
// once, or the example changed under the test and the test says so.
std::string fromTemplate(const std::string& name,
                         const std::vector<std::pair<std::string, std::string>>& replacements) {
  std::string text = readFile(exampleFile(name));
  for (const auto& [from, to] : replacements) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "examples/haproxy/" << name << " lost \"" << from << "\"";
    if (at == std::string::npos) continue;
    EXPECT_EQ(text.find(from, at + 1), std::string::npos)
        << "examples/haproxy/" << name << " has \"" << from << "\" twice";
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

RecordingBackend::RecordingBackend()
    : server_("the test backend", 0, [this](httplib::Server& http) {
        http.Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
          {
            const auto lock = server_.lock();
            requests_.push_back(request.headers);
          }
          response.set_content(kHAProxyBackendAnswer, "text/plain");
        });
      }) {}

std::vector<httplib::Headers> RecordingBackend::requests() const {
  const auto lock = server_.lock();
  return requests_;
}

HAProxyExample::HAProxyExample(std::string agentHostPort)
    : agentHostPort_(std::move(agentHostPort)) {}

std::unique_ptr<Process> HAProxyExample::start(int frontendPort) {
  // The OT filter prefixes the plugin's path with its working directory (ours).
  const auto plugin =
      std::filesystem::relative(JAEGERTRACING_PLUGIN, std::filesystem::current_path());
  const auto tracerConfig = directory_.write(
      "jaeger.yml", fromTemplate("jaeger.yml", {{"127.0.0.1:6831", agentHostPort_}}));
  const auto filterConfig = directory_.write(
      "ot.cfg",
      fromTemplate("ot.cfg", {{"build/plugin/libjaegertracing_plugin.so", plugin.string()},
                              {"examples/haproxy/jaeger.yml", tracerConfig.string()}}));
  const auto haproxyConfig = directory_.write(
      "haproxy.cfg",
      fromTemplate("haproxy.cfg",
                   {{"127.0.0.1:8080", "127.0.0.1:" + std::to_string(frontendPort)},
                    {"127.0.0.1:8081", "127.0.0.1:" + std::to_string(backend_.port())},
                    {"examples/haproxy/ot.cfg", filterConfig.string()}}));
  // -db: stay in the foreground, as the test's child. Nothing in the environment may send the
  // spans elsewhere (the plugin applies JAEGER_* variables; an empty one is not applied).
  return std::make_unique<Process>(
      std::vector<std::string>{JAEGERTRACING_HAPROXY, "-f", haproxyConfig.string(), "-db"},
      std::map<std::string, std::string>{{"JAEGER_AGENT_HOST", ""},
                                         {"JAEGER_AGENT_PORT", ""},
                                         {"JAEGER_ENDPOINT", ""},
                                         {"JAEGER_DISABLED", ""},
                                         {"JAEGER_SERVICE_NAME", ""},
                                         {"JAEGER_SAMPLER_TYPE", ""},
                                         {"JAEGER_PROPAGATION", ""}});
}

std::optional<httplib::Response> HAProxyExample::get(const std::string& target) {
  if (!std::filesystem::exists(JAEGERTRACING_HAPROXY)) {
    ADD_FAILURE() << "HAProxy is not installed (\"" JAEGERTRACING_HAPROXY
                     "\"): run scripts/bootstrap, which installs Debian's haproxy";
    return std::nullopt;
  }
  for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
    const int port = closedLoopbackPort(SOCK_STREAM);
    if (port == 0) continue;
    haproxy_ = start(port);
    if (::testing::Test::HasFailure()) return std::nullopt;
    std::optional<int> exitStatus;
    for (const auto deadline = Clock::now() + kStartDeadline;
         !exitStatus && Clock::now() < deadline;) {
      httplib::Client client("127.0.0.1", port);
      client.set_connection_timeout(1s);
      client.set_read_timeout(10s);
      if (auto result = client.Get(target)) return *result;
      // Not listening yet, or gone: waiting for its exit paces the next try.
      exitStatus = haproxy_->wait(100ms);
    }
    if (!exitStatus) break;
    if (attempt == kStartAttempts) {
      ADD_FAILURE() << "haproxy " << describeStatus(*exitStatus)
                    << " before answering; its messages are above";
    }
  }
  return std::nullopt;
}

std::optional<int> HAProxyExample::stop(std::chrono::milliseconds deadline) {
  if (!haproxy_) return std::nullopt;
  haproxy_->signal(SIGUSR1);
  return haproxy_->wait(deadline);
}

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PLUGIN, no ASan, no TSan
