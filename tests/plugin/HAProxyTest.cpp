// Debian's HAProxy, built with the OpenTracing filter, runs examples/haproxy with our plugin in
// front of a backend server inside the test, and reports to the test agent. The example's own
// files are the templates: only ports and paths are replaced, so the example is what is tested.
//
// Only in builds without ASan or TSan: their runtime must come first in a process, and HAProxy
// is not instrumented, so it refuses a plugin built with them ("ASan runtime does not come first
// in initial library list"; with the runtime in LD_PRELOAD, HAProxy started with the plugin but
// never listened). scripts/test runs this test in its plain build; the other plugin tests run
// under ASan and UBSan too.
#if defined(JAEGERTRACING_PLUGIN) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "agent/AgentReceiver.h"
#include "agent/TraceTree.h"
#include "support/Process.h"
#include "support/TempDirectory.h"
#include "support/UberTraceId.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto kStartDeadline = 20s;
constexpr auto kExitDeadline = 20s;
constexpr auto kSpansDeadline = 15s;
// HAProxy cannot report a port the OS picked: the test picks a free one, and tries again with
// another when HAProxy could not bind it because something took it meanwhile.
constexpr int kStartAttempts = 3;
constexpr const char* kBackendAnswer = "hello from the backend";

std::filesystem::path exampleFile(const std::string& name) {
  return std::filesystem::path(JAEGERTRACING_SOURCE_DIR) / "examples" / "haproxy" / name;
}

// A web server that answers every GET and keeps the headers of each request.
class RecordingBackend {
 public:
  RecordingBackend() {
    server_.Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        requests_.push_back(request.headers);
      }
      response.set_content(kBackendAnswer, "text/plain");
    });
    const int bound = server_.bind_to_any_port("127.0.0.1");
    if (bound <= 0) throw std::runtime_error("cannot bind the test backend");
    port_ = bound;
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      listenReturned_ = true;
    });
  }

  ~RecordingBackend() {
    // A stop() before the server runs would be lost; it runs as soon as its thread starts.
    while (!server_.is_running() && !listenReturned_) {
      std::this_thread::yield();
    }
    server_.stop();
    thread_.join();
  }

  int port() const { return port_; }

  std::vector<httplib::Headers> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<httplib::Headers> requests_;
  std::atomic<bool> listenReturned_{false};
  std::thread thread_;
};

// A port nothing listened on a moment ago.
int freeTcpPort() {
  const int socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  const bool ok = socket >= 0 &&
                  ::bind(socket, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
                  ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  if (socket >= 0) ::close(socket);
  return ok ? ntohs(address.sin_port) : 0;
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

const thrift::Span* spanNamed(const std::vector<thrift::Span>& spans, const std::string& name) {
  const thrift::Span* found = nullptr;
  for (const auto& span : spans) {
    if (span.operationName == name) {
      EXPECT_EQ(found, nullptr) << "two spans named " << name;
      found = &span;
    }
  }
  return found;
}

class HAProxyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(JAEGERTRACING_HAPROXY))
        << "HAProxy is not installed (\"" JAEGERTRACING_HAPROXY
           "\"): run scripts/bootstrap, "
           "which installs Debian's haproxy";
  }

  // Writes the example's three files for this run and starts HAProxy on `frontendPort`.
  std::unique_ptr<Process> startHAProxy(int frontendPort) {
    // The OT filter prefixes the plugin's path with its working directory (ours).
    const auto plugin =
        std::filesystem::relative(JAEGERTRACING_PLUGIN, std::filesystem::current_path());
    const auto tracerConfig = directory_.write(
        "jaeger.yml", fromTemplate("jaeger.yml", {{"127.0.0.1:6831", agent_.hostPort()}}));
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

  // Sends GET `target` through HAProxy, started on a free port, retrying while it is not yet
  // listening. Leaves haproxy_ running; the result is empty when HAProxy never answered.
  std::optional<httplib::Response> getThroughHAProxy(const std::string& target) {
    for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
      const int port = freeTcpPort();
      if (port == 0) continue;
      haproxy_ = startHAProxy(port);
      if (HasFailure()) return std::nullopt;
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

  TempDirectory directory_;
  AgentReceiver agent_;
  RecordingBackend backend_;
  std::unique_ptr<Process> haproxy_;
};

TEST_F(HAProxyTest, proxiedRequestIsTracedAndCarriesTheContextToTheBackend) {
  const auto response = getThroughHAProxy("/hello?name=haproxy");
  ASSERT_TRUE(response) << "no answer through HAProxy";
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, kBackendAnswer);

  // A soft stop (SIGUSR1) ends HAProxy once idle; the filter closes the tracer on the way out.
  haproxy_->signal(SIGUSR1);
  const auto status = haproxy_->wait(kExitDeadline);
  ASSERT_TRUE(status) << "haproxy still runs after SIGUSR1";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "haproxy " << describeStatus(*status);

  ASSERT_TRUE(agent_.waitForSpans(2, kSpansDeadline)) << renderTraceTree(agent_.batches());
  EXPECT_EQ(agent_.malformedDatagrams(), 0u);
  const auto batches = agent_.batches();
  for (const auto& batch : batches) {
    EXPECT_EQ(batch.process.serviceName, "haproxy");
  }
  const auto spans = agent_.spans();
  ASSERT_EQ(spans.size(), 2u) << renderTraceTree(batches);
  const thrift::Span* frontend = spanNamed(spans, "frontend");
  const thrift::Span* backend = spanNamed(spans, "backend");
  ASSERT_TRUE(frontend && backend) << renderTraceTree(batches);
  EXPECT_EQ(frontend->parentSpanId, 0);
  EXPECT_EQ(backend->parentSpanId, frontend->spanId) << renderTraceTree(batches);
  EXPECT_EQ(backend->traceIdLow, frontend->traceIdLow);
  EXPECT_EQ(backend->traceIdHigh, frontend->traceIdHigh);
  ASSERT_EQ(backend->references.size(), 1u);
  EXPECT_EQ(backend->references[0].refType, thrift::SpanRefType::CHILD_OF);
  EXPECT_EQ(backend->references[0].spanId, frontend->spanId);

  // The backend received the backend span's context, in the header a Jaeger client reads.
  const auto requests = backend_.requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto header = requests[0].find("uber-trace-id");
  ASSERT_NE(header, requests[0].end()) << "the proxied request has no uber-trace-id";
  const auto injected = parseUberTraceId(header->second);
  ASSERT_TRUE(injected) << "uber-trace-id: " << header->second;
  EXPECT_EQ(injected->traceIdLow, static_cast<uint64_t>(frontend->traceIdLow));
  EXPECT_EQ(injected->traceIdHigh, static_cast<uint64_t>(frontend->traceIdHigh));
  EXPECT_EQ(injected->spanId, static_cast<uint64_t>(backend->spanId));
  EXPECT_EQ(injected->parentSpanId, static_cast<uint64_t>(frontend->spanId));
  EXPECT_EQ(injected->flags & 0x1, 1u) << "sampled flag";
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PLUGIN, no ASan, no TSan
