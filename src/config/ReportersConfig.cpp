#include <jaegertracing/reporters/Config.h>

#include <string>
#include <utility>

#include "config/ConfigValidation.h"
#include "config/Environment.h"
#include "config/OtlpSettings.h"
#include "config/YamlReading.h"

namespace jaegertracing {
namespace reporters {
namespace {

namespace cfg = detail::config;

constexpr const char* kSection = "reporter";
constexpr const char* kAgentHostEnv = "JAEGER_AGENT_HOST";
constexpr const char* kAgentPortEnv = "JAEGER_AGENT_PORT";
constexpr const char* kEndpointEnv = "JAEGER_ENDPOINT";
constexpr const char* kUserEnv = "JAEGER_USER";
constexpr const char* kPasswordEnv = "JAEGER_PASSWORD";
constexpr const char* kAuthTokenEnv = "JAEGER_AUTH_TOKEN";
constexpr const char* kLogSpansEnv = "JAEGER_REPORTER_LOG_SPANS";
constexpr const char* kMaxQueueSizeEnv = "JAEGER_REPORTER_MAX_QUEUE_SIZE";
constexpr const char* kFlushIntervalEnv = "JAEGER_REPORTER_FLUSH_INTERVAL";

// The agent address with JAEGER_AGENT_HOST and JAEGER_AGENT_PORT each replacing its half.
std::string agentHostPort(const std::string& current) {
  const auto envHost = cfg::envValue(kAgentHostEnv);
  const auto envPort = cfg::envValue(kAgentPortEnv);
  if (!envHost && !envPort) {
    return current;
  }
  std::string host;
  std::string port;
  if (!envHost || !envPort) {
    // Only now does the current value matter: its other half is kept.
    const auto parsed = cfg::orThrow(cfg::checkHostPort("reporter.localAgentHostPort", current));
    host = parsed.host.find(':') == std::string::npos ? parsed.host : "[" + parsed.host + "]";
    port = std::to_string(parsed.port);
  }
  if (envHost) {
    host = cfg::orThrow(cfg::checkHost(kAgentHostEnv, *envHost));
  }
  if (envPort) {
    port = std::to_string(cfg::orThrow(cfg::checkPort(kAgentPortEnv, *envPort)));
  }
  return host + ":" + port;
}

}  // namespace

Config Config::parse(const YAML::Node& node) {
  cfg::orThrow(cfg::checkSection(kSection, node));

  int queueSize = kDefaultQueueSize;
  const cfg::YamlField queueSizeField(node, kSection, "queueSize");
  if (const auto value = cfg::orThrow(cfg::readInt(queueSizeField))) {
    cfg::orThrow(
        cfg::checkPositive(queueSizeField.path, *value, cfg::nodeText(queueSizeField.node)));
    queueSize = *value;
  }

  auto bufferFlushInterval = defaultBufferFlushInterval();
  const cfg::YamlField flushField(node, kSection, "bufferFlushInterval");
  if (const auto value = cfg::orThrow(cfg::readSeconds(flushField))) {
    cfg::orThrow(cfg::checkPositive(flushField.path, *value, cfg::nodeText(flushField.node)));
    bufferFlushInterval = *value;
  }

  const auto logSpans =
      cfg::orThrow(cfg::readBool(cfg::YamlField(node, kSection, "logSpans"))).value_or(false);

  std::string localAgentHostPort = kDefaultLocalAgentHostPort;
  const cfg::YamlField agentField(node, kSection, "localAgentHostPort");
  if (const auto text = cfg::orThrow(cfg::readString(agentField)); text && !text->empty()) {
    cfg::orThrow(cfg::checkHostPort(agentField.path, *text));
    localAgentHostPort = *text;
  }

  std::string endpoint = kDefaultEndpoint;
  const cfg::YamlField endpointField(node, kSection, "endpoint");
  if (const auto text = cfg::orThrow(cfg::readString(endpointField)); text && !text->empty()) {
    cfg::orThrow(cfg::checkUrl(endpointField.path, *text));
    endpoint = *text;
  }

  const auto readText = [&node](const char* name) {
    return cfg::orThrow(cfg::readString(cfg::YamlField(node, kSection, name))).value_or("");
  };
  const auto user = readText("user");
  const auto password = readText("password");
  const auto authToken = readText("authToken");

  int maxPacketSize = kDefaultMaxPacketSize;
  const cfg::YamlField packetField(node, kSection, "maxPacketSize");
  if (const auto value = cfg::orThrow(cfg::readInt(packetField))) {
    cfg::orThrow(
        cfg::checkMaxPacketSize(packetField.path, *value, cfg::nodeText(packetField.node)));
    maxPacketSize = *value;
  }

  Config config(queueSize, bufferFlushInterval, logSpans, localAgentHostPort, endpoint, user,
                password, authToken, maxPacketSize);

  // The collector's settings, read whether or not an endpoint is set: a typo is an error now,
  // not when someone later sets JAEGER_ENDPOINT.
  config.caFile_ = readText("caFile");
  const auto readTimeout = [&node](const char* name, Clock::duration& timeout) {
    const cfg::YamlField field(node, kSection, name);
    if (const auto value = cfg::orThrow(cfg::readSeconds(field))) {
      cfg::orThrow(cfg::checkPositive(field.path, *value, cfg::nodeText(field.node)));
      timeout = *value;
    }
  };
  readTimeout("connectTimeout", config.connectTimeout_);
  readTimeout("requestTimeout", config.requestTimeout_);

  const cfg::YamlField batchBytesField(node, kSection, "maxBatchBytes");
  if (const auto value = cfg::orThrow(cfg::readInt(batchBytesField))) {
    cfg::orThrow(
        cfg::checkMaxBatchBytes(batchBytesField.path, *value, cfg::nodeText(batchBytesField.node)));
    config.maxBatchBytes_ = *value;
  }
  const cfg::YamlField batchSpansField(node, kSection, "maxBatchSpans");
  if (const auto value = cfg::orThrow(cfg::readInt(batchSpansField))) {
    cfg::orThrow(
        cfg::checkPositive(batchSpansField.path, *value, cfg::nodeText(batchSpansField.node)));
    config.maxBatchSpans_ = *value;
  }

  config.otlp_ = cfg::readOtlpSection(cfg::YamlField(node, kSection, "otlp"));
  cfg::orThrow(cfg::checkOneDestination("reporter.otlp.endpoint", config.otlp_.endpoint,
                                        "reporter.endpoint", config.endpoint_));
  return config;
}

void Config::fromEnv() {
  // Everything is checked before anything changes: a bad variable leaves the config as it was.
  auto localAgentHostPort = agentHostPort(localAgentHostPort_);

  auto endpoint = endpoint_;
  if (const auto text = cfg::envValue(kEndpointEnv)) {
    cfg::orThrow(cfg::checkUrl(kEndpointEnv, *text));
    endpoint = *text;
  }

  const auto logSpans = cfg::orThrow(cfg::envBool(kLogSpansEnv)).value_or(logSpans_);

  cfg::OtlpKeys otlpKeys;
  auto otlp = cfg::orThrow(cfg::otlpFromEnv(otlp_, otlpKeys));
  cfg::orThrow(cfg::checkOneDestination(
      otlpKeys.endpoint, otlp.endpoint,
      cfg::envValue(kEndpointEnv) ? kEndpointEnv : "reporter.endpoint", endpoint));

  auto queueSize = queueSize_;
  if (const auto value = cfg::orThrow(cfg::envInt(kMaxQueueSizeEnv))) {
    cfg::orThrow(cfg::checkPositive(kMaxQueueSizeEnv, *value, *cfg::envValue(kMaxQueueSizeEnv)));
    queueSize = *value;
  }

  auto bufferFlushInterval = bufferFlushInterval_;
  if (const auto milliseconds = cfg::orThrow(cfg::envInt(kFlushIntervalEnv))) {
    cfg::orThrow(
        cfg::checkPositive(kFlushIntervalEnv, *milliseconds, *cfg::envValue(kFlushIntervalEnv)));
    bufferFlushInterval = std::chrono::milliseconds(*milliseconds);
  }

  localAgentHostPort_ = std::move(localAgentHostPort);
  endpoint_ = std::move(endpoint);
  logSpans_ = logSpans;
  queueSize_ = queueSize;
  bufferFlushInterval_ = bufferFlushInterval;
  otlp_ = std::move(otlp);
  user_ = cfg::envRawValue(kUserEnv).value_or(user_);
  password_ = cfg::envRawValue(kPasswordEnv).value_or(password_);
  authToken_ = cfg::envRawValue(kAuthTokenEnv).value_or(authToken_);
}

}  // namespace reporters
}  // namespace jaegertracing
