// Where finished spans go and how they are queued: the "reporter:" section.
#ifndef JAEGERTRACING_REPORTERS_CONFIG_H
#define JAEGERTRACING_REPORTERS_CONFIG_H

#include <jaegertracing/Export.h>
#include <jaegertracing/reporters/OtlpConfig.h>

#include <chrono>
#include <string>

namespace YAML {
class Node;
}

namespace jaegertracing {
/// The reporter's settings: where finished spans go and how they wait to be sent.
namespace reporters {

/// The `reporter:` section: the bounded queue between Finish and the reporter's thread, and
/// where spans are sent: the agent over UDP, or the collector over HTTP when endpoint() is set.
class JAEGERTRACING_API Config {
 public:
  /// The clock of the durations here.
  using Clock = std::chrono::steady_clock;

  /// `queueSize`: spans waiting for the reporter's thread; more are dropped and counted.
  static constexpr int kDefaultQueueSize = 100;
  /// `localAgentHostPort`: the agent's compact-protocol UDP port on this host.
  static constexpr const char* kDefaultLocalAgentHostPort = "127.0.0.1:6831";
  /// `endpoint`: empty, so spans go to the agent.
  static constexpr const char* kDefaultEndpoint = "";
  /// `maxPacketSize`: the agent drops datagrams larger than this.
  static constexpr int kDefaultMaxPacketSize = 65000;
  /// `bufferFlushInterval`: 10 s; the queue is also sent whenever it is half full.
  static Clock::duration defaultBufferFlushInterval() { return std::chrono::seconds(10); }
  /// `maxBatchBytes`: the most bytes in one request to the collector.
  static constexpr int kDefaultMaxBatchBytes = 1024 * 1024;
  /// `maxBatchSpans`: the most spans in one request to the collector.
  static constexpr int kDefaultMaxBatchSpans = 10000;
  /// `connectTimeout`: 2 s to connect to the collector.
  static Clock::duration defaultConnectTimeout() { return std::chrono::seconds(2); }
  /// `requestTimeout`: 5 s for a whole request to the collector.
  static Clock::duration defaultRequestTimeout() { return std::chrono::seconds(5); }

  /// Reads the `reporter:` node; missing keys keep their defaults. The collector's keys are
  /// checked even when no endpoint is set.
  /// @throws ConfigError naming `reporter.<key>` and the value
  static Config parse(const YAML::Node& node);

  /// A configuration made in code: jaeger-client-cpp's five parameters first, in its order,
  /// then the collector's credentials and maxPacketSize. An empty localAgentHostPort means the
  /// default.
  explicit Config(int queueSize = kDefaultQueueSize,
                  const Clock::duration& bufferFlushInterval = defaultBufferFlushInterval(),
                  bool logSpans = false,
                  const std::string& localAgentHostPort = kDefaultLocalAgentHostPort,
                  const std::string& endpoint = kDefaultEndpoint, const std::string& user = "",
                  const std::string& password = "", const std::string& authToken = "",
                  int maxPacketSize = kDefaultMaxPacketSize)
      : queueSize_(queueSize),
        bufferFlushInterval_(bufferFlushInterval),
        logSpans_(logSpans),
        localAgentHostPort_(localAgentHostPort.empty() ? kDefaultLocalAgentHostPort
                                                       : localAgentHostPort),
        endpoint_(endpoint),
        user_(user),
        password_(password),
        authToken_(authToken),
        maxPacketSize_(maxPacketSize) {}

  /// `queueSize`: the bound of the queue, in spans.
  int queueSize() const { return queueSize_; }
  /// `bufferFlushInterval`: how often the reporter's thread sends what is queued.
  const Clock::duration& bufferFlushInterval() const { return bufferFlushInterval_; }
  /// `logSpans`: also log each reported span through the tracer's logger.
  bool logSpans() const { return logSpans_; }
  /// `localAgentHostPort`: "host:port" of the agent's compact-protocol UDP port; the host
  /// is a name, an IPv4 address or a bracketed IPv6 address.
  const std::string& localAgentHostPort() const { return localAgentHostPort_; }
  /// `endpoint`: the collector's URL; when non-empty spans go there over HTTP instead of to
  /// the agent.
  const std::string& endpoint() const { return endpoint_; }
  /// `user`: the collector's basic-auth user.
  const std::string& user() const { return user_; }
  /// `password`: the collector's basic-auth password.
  const std::string& password() const { return password_; }
  /// `authToken`: a bearer token for the collector; wins over user and password.
  const std::string& authToken() const { return authToken_; }
  /// `maxPacketSize`: the largest UDP datagram sent to the agent, in bytes.
  int maxPacketSize() const { return maxPacketSize_; }

  /// `caFile`, a collector setting (unused when spans go to the agent): a PEM file of the CA
  /// certificates that https verifies the collector against, instead of the system's (empty:
  /// the system's). The peer and the host name are always verified.
  const std::string& caFile() const { return caFile_; }
  /// `connectTimeout`: the time allowed to connect to the collector, name lookup and TLS
  /// handshake included.
  const Clock::duration& connectTimeout() const { return connectTimeout_; }
  /// `requestTimeout`: the time allowed for a whole request; a batch not answered within it
  /// is counted as failed and not tried again.
  const Clock::duration& requestTimeout() const { return requestTimeout_; }
  /// `maxBatchBytes`: at most this many bytes (the whole request body) in one request; a span
  /// that alone does not fit is dropped and counted.
  int maxBatchBytes() const { return maxBatchBytes_; }
  /// `maxBatchSpans`: at most this many spans in one request.
  int maxBatchSpans() const { return maxBatchSpans_; }

  /// Sets caFile(), for configurations made in code; Tracer::make checks the values as parse
  /// does. The setters return `*this`, so they chain.
  Config& setCaFile(const std::string& caFile) {
    caFile_ = caFile;
    return *this;
  }
  /// Sets connectTimeout().
  Config& setConnectTimeout(const Clock::duration& timeout) {
    connectTimeout_ = timeout;
    return *this;
  }
  /// Sets requestTimeout().
  Config& setRequestTimeout(const Clock::duration& timeout) {
    requestTimeout_ = timeout;
    return *this;
  }
  /// Sets maxBatchBytes().
  Config& setMaxBatchBytes(int bytes) {
    maxBatchBytes_ = bytes;
    return *this;
  }
  /// Sets maxBatchSpans().
  Config& setMaxBatchSpans(int spans) {
    maxBatchSpans_ = spans;
    return *this;
  }

  /// `otlp`: OTLP/HTTP instead of Jaeger's protocols when its endpoint is set.
  const OtlpConfig& otlp() const { return otlp_; }
  /// Sets otlp().
  Config& setOtlp(const OtlpConfig& otlp) {
    otlp_ = otlp;
    return *this;
  }

  /// Applies `JAEGER_AGENT_HOST`, `JAEGER_AGENT_PORT` (each replaces its half of
  /// localAgentHostPort()), `JAEGER_ENDPOINT`, `JAEGER_USER`, `JAEGER_PASSWORD`,
  /// `JAEGER_AUTH_TOKEN`, `JAEGER_REPORTER_LOG_SPANS`, `JAEGER_REPORTER_MAX_QUEUE_SIZE` and
  /// `JAEGER_REPORTER_FLUSH_INTERVAL` (milliseconds) over these values, and OpenTelemetry's
  /// `OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT`, `_HEADERS`, `_TIMEOUT`, `_COMPRESSION`,
  /// `_PROTOCOL`, `_CERTIFICATE`, `_CLIENT_KEY` and `_CLIENT_CERTIFICATE` over otlp() (each
  /// `TRACES_` form wins over the generic one).
  /// @throws ConfigError naming the variable when its value is malformed; nothing is changed
  ///         then
  void fromEnv();

 private:
  int queueSize_;
  Clock::duration bufferFlushInterval_;
  bool logSpans_;
  std::string localAgentHostPort_;
  std::string endpoint_;
  std::string user_;
  std::string password_;
  std::string authToken_;
  int maxPacketSize_;
  std::string caFile_;
  Clock::duration connectTimeout_ = defaultConnectTimeout();
  Clock::duration requestTimeout_ = defaultRequestTimeout();
  int maxBatchBytes_ = kDefaultMaxBatchBytes;
  int maxBatchSpans_ = kDefaultMaxBatchSpans;
  OtlpConfig otlp_;
};

}  // namespace reporters
}  // namespace jaegertracing

#endif  // JAEGERTRACING_REPORTERS_CONFIG_H
