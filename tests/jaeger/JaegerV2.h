// Jaeger v2 itself (the binary scripts/jaeger builds) as a child process of a test, with the
// project's configuration (tests/jaeger/jaeger.yaml, or jaeger-adaptive.yaml over it), every
// endpoint on 127.0.0.1 on ports free a moment before, and a client for its query API
// (GET /api/traces). Jaeger cannot report a port the OS picked: the ports are picked by binding
// port 0, and Jaeger is started again on others when it could not bind one (something took it
// meanwhile). It is stopped with SIGTERM when the object dies, killed if it does not stop.
#ifndef JAEGERTRACING_TESTS_JAEGER_JAEGERV2_H
#define JAEGERTRACING_TESTS_JAEGER_JAEGERV2_H

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/Process.h"

namespace jaegertracing {
namespace testing {

class JaegerV2 {
 public:
  struct Options {
    // remote_sampling from this strategies file (read again every second); empty: Jaeger's
    // default strategy, every trace sampled.
    std::filesystem::path strategiesFile;
    // jaeger-adaptive.yaml over jaeger.yaml: the adaptive_sampling processor and the
    // remote_sampling extension's adaptive provider, with these JAEGER_V2_ADAPTIVE_* variables.
    bool adaptive = false;
    std::map<std::string, std::string> environment;
  };

  // Starts Jaeger and waits until it logs "Everything is ready"; failures are reported with
  // ADD_FAILURE (see ready()).
  explicit JaegerV2(const Options& options);
  JaegerV2() : JaegerV2(Options{}) {}
  ~JaegerV2();

  JaegerV2(const JaegerV2&) = delete;
  JaegerV2& operator=(const JaegerV2&) = delete;

  // The binary: $JAEGER_V2_BINARY, else build/jaeger/jaeger in the source tree.
  static std::filesystem::path binary();

  bool ready() const { return process_ != nullptr; }

  uint16_t compactPort() const { return port("COMPACT"); }
  uint16_t binaryPort() const { return port("BINARY"); }
  uint16_t collectorPort() const { return port("COLLECTOR"); }
  uint16_t otlpHttpPort() const { return port("OTLP_HTTP"); }
  uint16_t samplingPort() const { return port("SAMPLING"); }
  uint16_t queryPort() const { return port("QUERY"); }
  // Jaeger's own metrics (GET /metrics), with Options::adaptive only.
  uint16_t metricsPort() const { return port("METRICS"); }

  // JAEGER_ENDPOINT for the tracer: http://127.0.0.1:<collector>/api/traces
  std::string collectorEndpoint() const;
  // JAEGER_SAMPLING_ENDPOINT for the tracer: http://127.0.0.1:<sampling>/sampling
  std::string samplingEndpoint() const;

  // GET path on the query port (or `port`): the parsed JSON, or nullopt with the reason in
  // `error`.
  std::optional<nlohmann::json> getJson(const std::string& path, std::string& error) const;
  std::optional<nlohmann::json> getJson(uint16_t port, const std::string& path,
                                        std::string& error) const;

  // Waits `pace` for Jaeger's exit: true when it still runs. Paces a test's polls by a condition
  // that ends them should Jaeger die.
  bool runsAfter(std::chrono::milliseconds pace);

  // The traces of a service (GET /api/traces?service=S), each as the API returns it, once
  // `complete` says they are, or whatever came last at the deadline. Polls; the pace between
  // polls is a wait for Jaeger's exit, which ends the wait too.
  std::vector<nlohmann::json> waitForTraces(
      const std::string& service,
      const std::function<bool(const std::vector<nlohmann::json>&)>& complete,
      std::chrono::milliseconds deadline);

  // The one trace of `service` once it has `spans` spans (GET /api/traces/{id} of the trace
  // found), or nullopt with a failure that shows what Jaeger had.
  std::optional<nlohmann::json> waitForTrace(const std::string& service, size_t spans,
                                             std::chrono::milliseconds deadline);

  // What Jaeger printed (its log), for failure messages.
  std::string log() const;

 private:
  bool start(const Options& options);
  uint16_t port(const std::string& name) const;

  std::map<std::string, uint16_t> ports_;
  std::unique_ptr<Process> process_;
  std::thread drain_;
  mutable std::mutex logMutex_;
  std::vector<std::string> log_;
};

// A span of a trace from the query API, by operation name (nullptr unless exactly one).
const nlohmann::json* spanNamed(const nlohmann::json& trace, const std::string& operation);
// The service of a span, from the trace's processes.
std::string serviceOf(const nlohmann::json& trace, const nlohmann::json& span);
// A tag of a span, a log or a process ({"key", "type", "value"}), or nullptr.
const nlohmann::json* tagNamed(const nlohmann::json& tags, const std::string& key);
// Every span's warnings and the trace's, one a line; empty when there are none.
std::string warningsOf(const nlohmann::json& trace);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_JAEGER_JAEGERV2_H
