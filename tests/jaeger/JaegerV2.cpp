#include "jaeger/JaegerV2.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "support/LoopbackSocket.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A cold start on a loaded 2-core machine: Jaeger's extensions, storage and receivers.
constexpr auto kStartDeadline = 60s;
constexpr auto kStopDeadline = 15s;
constexpr int kStartAttempts = 3;
constexpr auto kPollPace = 200ms;

const std::filesystem::path kSourceDir = JAEGERTRACING_SOURCE_DIR;

// Ports bound to 127.0.0.1:0 and held together, so each is distinct, then released for Jaeger.
class FreePorts {
 public:
  uint16_t take(int type) {
    uint16_t port = 0;
    const int socket = bindLoopback(type, port);
    if (socket < 0) return 0;
    sockets_.push_back(socket);
    return port;
  }
  ~FreePorts() {
    for (const int socket : sockets_) ::close(socket);
  }

 private:
  std::vector<int> sockets_;
};

}  // namespace

std::filesystem::path JaegerV2::binary() {
  const char* path = std::getenv("JAEGER_V2_BINARY");
  return path != nullptr && *path != '\0' ? std::filesystem::path(path)
                                          : kSourceDir / "build" / "jaeger" / "jaeger";
}

JaegerV2::JaegerV2(const Options& options) {
  if (!std::filesystem::exists(binary())) {
    ADD_FAILURE() << "Jaeger v2 is not built (" << binary()
                  << "): run scripts/jaeger --build (it needs Go; scripts/test does it)";
    return;
  }
  for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
    if (start(options)) return;
    // Only a port taken between our check and Jaeger's bind is worth another try.
    if (log().find("address already in use") == std::string::npos) break;
  }
  ADD_FAILURE() << "Jaeger v2 did not start; it printed:\n" << log();
}

bool JaegerV2::start(const Options& options) {
  {
    std::lock_guard<std::mutex> lock(logMutex_);
    log_.clear();
  }
  {
    FreePorts free;  // released at the end of this block, just before Jaeger binds them
    ports_ = {{"COMPACT", free.take(SOCK_DGRAM)},     {"BINARY", free.take(SOCK_DGRAM)},
              {"COLLECTOR", free.take(SOCK_STREAM)},  {"OTLP_HTTP", free.take(SOCK_STREAM)},
              {"SAMPLING", free.take(SOCK_STREAM)},   {"QUERY", free.take(SOCK_STREAM)},
              {"QUERY_GRPC", free.take(SOCK_STREAM)}, {"METRICS", free.take(SOCK_STREAM)}};
  }
  std::map<std::string, std::string> environment = options.environment;
  for (const auto& [name, number] : ports_) {
    if (number == 0) return false;
    environment["JAEGER_V2_" + name + "_PORT"] = std::to_string(number);
  }
  environment["JAEGER_V2_SAMPLING_STRATEGIES"] = options.strategiesFile.string();
  environment["JAEGER_V2_LOG_OUTPUT"] = "stdout";
  environment["JAEGER_V2_LOG_LEVEL"] = "info";
  std::vector<std::string> argv = {
      binary().string(), "--config=file:" + (kSourceDir / "tests/jaeger/jaeger.yaml").string()};
  if (options.adaptive) {
    argv.push_back("--config=file:" + (kSourceDir / "tests/jaeger/jaeger-adaptive.yaml").string());
  }
  auto process = std::make_unique<Process>(argv, environment);
  const auto deadline = Clock::now() + kStartDeadline;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    const auto line = left.count() > 0 ? process->readLine(left) : std::nullopt;
    if (!line) {
      // Gone or silent: the caller reports the log; the destructor of `process` kills it.
      return false;
    }
    {
      std::lock_guard<std::mutex> lock(logMutex_);
      log_.push_back(*line);
    }
    if (line->find("Everything is ready") != std::string::npos) break;
  }
  process_ = std::move(process);
  // Keeps reading what Jaeger logs, so a full pipe never stops it.
  drain_ = std::thread([this] {
    while (const auto line = process_->readLine(std::chrono::hours(24))) {
      std::lock_guard<std::mutex> lock(logMutex_);
      log_.push_back(*line);
    }
  });
  return true;
}

JaegerV2::~JaegerV2() {
  if (!process_) return;
  process_->signal(SIGTERM);
  auto status = process_->wait(kStopDeadline);
  if (!status) {
    ADD_FAILURE() << "Jaeger v2 did not stop within 15 s of SIGTERM";
    process_->signal(SIGKILL);
    status = process_->wait(kStopDeadline);
  }
  drain_.join();
  if (status && !(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)) {
    ADD_FAILURE() << "Jaeger v2 " << describeStatus(*status) << "; it printed:\n" << log();
  }
}

uint16_t JaegerV2::port(const std::string& name) const {
  const auto found = ports_.find(name);
  return found == ports_.end() ? 0 : found->second;
}

std::string JaegerV2::collectorEndpoint() const {
  return "http://127.0.0.1:" + std::to_string(collectorPort()) + "/api/traces";
}

std::string JaegerV2::samplingEndpoint() const {
  return "http://127.0.0.1:" + std::to_string(samplingPort()) + "/sampling";
}

std::optional<nlohmann::json> JaegerV2::getJson(const std::string& path, std::string& error) const {
  return getJson(queryPort(), path, error);
}

std::optional<nlohmann::json> JaegerV2::getJson(uint16_t port, const std::string& path,
                                                std::string& error) const {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(2s);
  client.set_read_timeout(10s);
  const auto response = client.Get(path);
  if (!response) {
    error = "GET " + path + ": " + httplib::to_string(response.error());
    return std::nullopt;
  }
  if (response->status != 200) {
    error = "GET " + path + ": " + std::to_string(response->status) + " " + response->body;
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse(response->body);
  } catch (const nlohmann::json::exception& e) {
    error = "GET " + path + ": " + e.what() + ": " + response->body;
    return std::nullopt;
  }
}

std::vector<nlohmann::json> JaegerV2::waitForTraces(
    const std::string& service,
    const std::function<bool(const std::vector<nlohmann::json>&)>& complete,
    std::chrono::milliseconds deadline) {
  std::vector<nlohmann::json> traces;
  if (!process_) return traces;
  const auto until = Clock::now() + deadline;
  for (;;) {
    std::string error;
    const auto answer =
        getJson("/api/traces?service=" + service + "&lookback=1h&limit=1000", error);
    traces.clear();
    if (answer && answer->contains("data") && answer->at("data").is_array()) {
      for (const auto& trace : answer->at("data")) traces.push_back(trace);
    }
    if (complete(traces) || Clock::now() >= until || !runsAfter(kPollPace)) return traces;
  }
}

bool JaegerV2::runsAfter(std::chrono::milliseconds pace) {
  if (!process_) return false;
  if (process_->wait(pace)) {
    ADD_FAILURE() << "Jaeger v2 exited; it printed:\n" << log();
    return false;
  }
  return true;
}

std::optional<nlohmann::json> JaegerV2::waitForTrace(const std::string& service, size_t spans,
                                                     std::chrono::milliseconds deadline) {
  const auto traces = waitForTraces(
      service,
      [spans](const std::vector<nlohmann::json>& found) {
        return found.size() == 1 && found[0].at("spans").size() >= spans;
      },
      deadline);
  std::string shown;
  for (const auto& trace : traces) shown += trace.dump(1) + "\n";
  if (traces.size() != 1 || traces[0].at("spans").size() != spans) {
    ADD_FAILURE() << "expected one trace of " << spans << " spans for service " << service
                  << " within " << deadline.count() << " ms; Jaeger has " << traces.size()
                  << " traces:\n"
                  << shown;
    return std::nullopt;
  }
  // The trace as GET /api/traces/{id} returns it: what the UI shows.
  const std::string id = traces[0].at("traceID").get<std::string>();
  std::string error;
  const auto answer = getJson("/api/traces/" + id, error);
  if (!answer || answer->at("data").size() != 1) {
    ADD_FAILURE() << "GET /api/traces/" << id << ": " << (answer ? answer->dump() : error);
    return std::nullopt;
  }
  return answer->at("data")[0];
}

std::string JaegerV2::log() const {
  std::lock_guard<std::mutex> lock(logMutex_);
  std::string text;
  for (const auto& line : log_) text += line + "\n";
  return text;
}

const nlohmann::json* spanNamed(const nlohmann::json& trace, const std::string& operation) {
  const nlohmann::json* found = nullptr;
  for (const auto& span : trace.at("spans")) {
    if (span.at("operationName") == operation) {
      if (found != nullptr) return nullptr;
      found = &span;
    }
  }
  return found;
}

std::string serviceOf(const nlohmann::json& trace, const nlohmann::json& span) {
  return trace.at("processes").at(span.at("processID").get<std::string>()).at("serviceName");
}

const nlohmann::json* tagNamed(const nlohmann::json& tags, const std::string& key) {
  if (!tags.is_array()) return nullptr;
  for (const auto& tag : tags) {
    if (tag.at("key") == key) return &tag;
  }
  return nullptr;
}

std::string warningsOf(const nlohmann::json& trace) {
  std::string text;
  const auto add = [&text](const std::string& where, const nlohmann::json& warnings) {
    if (!warnings.is_array()) return;
    for (const auto& warning : warnings) text += where + ": " + warning.dump() + "\n";
  };
  if (trace.contains("warnings")) add("trace", trace.at("warnings"));
  for (const auto& span : trace.at("spans")) {
    if (span.contains("warnings"))
      add(span.at("operationName").get<std::string>(), span.at("warnings"));
  }
  return text;
}

}  // namespace testing
}  // namespace jaegertracing
