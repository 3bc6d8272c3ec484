// Where finished spans go and how they are queued: the "reporter:" section.
#ifndef JAEGERTRACING_REPORTERS_CONFIG_H
#define JAEGERTRACING_REPORTERS_CONFIG_H

#include <chrono>
#include <string>

namespace YAML {
class Node;
}

namespace jaegertracing {
namespace reporters {

class Config {
 public:
  using Clock = std::chrono::steady_clock;

  static constexpr int kDefaultQueueSize = 100;
  static constexpr const char* kDefaultLocalAgentHostPort = "127.0.0.1:6831";
  static constexpr const char* kDefaultEndpoint = "";
  // The agent drops datagrams larger than this.
  static constexpr int kDefaultMaxPacketSize = 65000;
  static Clock::duration defaultBufferFlushInterval() { return std::chrono::seconds(10); }
  // Limits of one request to the collector (reporter.endpoint set).
  static constexpr int kDefaultMaxBatchBytes = 1024 * 1024;
  static constexpr int kDefaultMaxBatchSpans = 10000;
  static Clock::duration defaultConnectTimeout() { return std::chrono::seconds(2); }
  static Clock::duration defaultRequestTimeout() { return std::chrono::seconds(5); }

  // Reads the "reporter:" node. Throws ConfigError naming "reporter.<key>" and the value.
  static Config parse(const YAML::Node& node);

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

  int queueSize() const { return queueSize_; }
  const Clock::duration& bufferFlushInterval() const { return bufferFlushInterval_; }
  bool logSpans() const { return logSpans_; }
  // "host:port" of the agent's compact-protocol UDP port.
  const std::string& localAgentHostPort() const { return localAgentHostPort_; }
  // The collector's URL; when non-empty spans go there over HTTP instead of to the agent.
  const std::string& endpoint() const { return endpoint_; }
  const std::string& user() const { return user_; }
  const std::string& password() const { return password_; }
  const std::string& authToken() const { return authToken_; }
  int maxPacketSize() const { return maxPacketSize_; }

  // The collector's settings, unused when spans go to the agent. A PEM file of the CA
  // certificates that https verifies the collector against, instead of the system's (empty:
  // the system's). The peer and the host name are always verified.
  const std::string& caFile() const { return caFile_; }
  // The time allowed to connect (name lookup and TLS handshake included), and for a whole
  // request; a batch not answered within it is counted as failed and not tried again.
  const Clock::duration& connectTimeout() const { return connectTimeout_; }
  const Clock::duration& requestTimeout() const { return requestTimeout_; }
  // At most this many bytes (the whole request body) and spans in one request; a span that
  // alone does not fit in maxBatchBytes is dropped and counted.
  int maxBatchBytes() const { return maxBatchBytes_; }
  int maxBatchSpans() const { return maxBatchSpans_; }

  // For configurations made in code; Tracer::make checks the values as parse does.
  Config& setCaFile(const std::string& caFile) {
    caFile_ = caFile;
    return *this;
  }
  Config& setConnectTimeout(const Clock::duration& timeout) {
    connectTimeout_ = timeout;
    return *this;
  }
  Config& setRequestTimeout(const Clock::duration& timeout) {
    requestTimeout_ = timeout;
    return *this;
  }
  Config& setMaxBatchBytes(int bytes) {
    maxBatchBytes_ = bytes;
    return *this;
  }
  Config& setMaxBatchSpans(int spans) {
    maxBatchSpans_ = spans;
    return *this;
  }

  // Applies JAEGER_AGENT_HOST, JAEGER_AGENT_PORT, JAEGER_ENDPOINT, JAEGER_USER,
  // JAEGER_PASSWORD, JAEGER_AUTH_TOKEN, JAEGER_REPORTER_LOG_SPANS,
  // JAEGER_REPORTER_MAX_QUEUE_SIZE and JAEGER_REPORTER_FLUSH_INTERVAL (milliseconds).
  // Throws ConfigError naming the variable when its value is malformed.
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
};

}  // namespace reporters
}  // namespace jaegertracing

#endif  // JAEGERTRACING_REPORTERS_CONFIG_H
