#include "reporters/ReporterFactory.h"

#include <cctype>
#include <chrono>

#include "config/HostPort.h"
#include "reporters/RemoteReporter.h"
#include "senders/HttpSender.h"
#include "senders/OtlpSender.h"
#include "senders/UdpSender.h"

namespace jaegertracing {
namespace detail {
namespace {

HttpSenderOptions httpSenderOptions(const reporters::Config& config) {
  HttpSenderOptions options;
  options.endpoint = config.endpoint();
  options.user = config.user();
  options.password = config.password();
  options.authToken = config.authToken();
  options.caFile = config.caFile();
  // Rounded up: libcurl reads a timeout of 0 ms as none at all.
  options.connectTimeout = std::chrono::ceil<std::chrono::milliseconds>(config.connectTimeout());
  options.requestTimeout = std::chrono::ceil<std::chrono::milliseconds>(config.requestTimeout());
  options.maxBatchBytes = static_cast<size_t>(config.maxBatchBytes());
  options.maxBatchSpans = static_cast<size_t>(config.maxBatchSpans());
  return options;
}

OtlpSenderOptions otlpSenderOptions(const reporters::Config& config) {
  const reporters::OtlpConfig& otlp = config.otlp();
  OtlpSenderOptions options;
  options.transport.url = otlp.endpoint;
  options.transport.headers = otlp.headers;
  // Validated already, in any case: none or gzip, http/protobuf or http/json.
  const auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  options.transport.gzip = lower(otlp.compression) == "gzip";
  options.transport.caFile = otlp.caFile;
  options.transport.clientCertificate = otlp.clientCertificate;
  options.transport.clientKey = otlp.clientKey;
  options.transport.timeout = std::chrono::ceil<std::chrono::milliseconds>(otlp.timeout);
  options.json = lower(otlp.protocol) == reporters::OtlpConfig::kJson;
  options.maxBatchBytes = static_cast<size_t>(config.maxBatchBytes());
  options.maxBatchSpans = static_cast<size_t>(config.maxBatchSpans());
  return options;
}

}  // namespace

std::unique_ptr<Reporter> makeReporter(const reporters::Config& config,
                                       const std::string& serviceName,
                                       const std::vector<SpanTag>& processTags, Counters& counters,
                                       logging::Logger& logger) {
  // Called again in a forked child, which needs a sender of its own.
  SenderFactory makeSender;
  if (!config.otlp().endpoint.empty()) {
    makeSender = [options = otlpSenderOptions(config), serviceName, processTags, &counters,
                  &logger] {
      return std::make_unique<OtlpSender>(options, serviceName, processTags, counters, logger);
    };
  } else if (!config.endpoint().empty()) {
    // The collector, and not the agent. Nothing connects before the first batch: a collector
    // that is not up yet does not fail Tracer::make.
    makeSender = [options = httpSenderOptions(config), serviceName, processTags, &counters,
                  &logger] {
      return std::make_unique<HttpSender>(options, serviceName, processTags, counters, logger);
    };
  } else {
    const HostPort agent =
        parseHostPort("reporter.localAgentHostPort", config.localAgentHostPort());
    makeSender = [agent, maxPacketSize = static_cast<size_t>(config.maxPacketSize()), serviceName,
                  processTags, &counters, &logger] {
      return std::make_unique<UdpSender>(agent.host, agent.port, maxPacketSize, serviceName,
                                         processTags, counters, logger);
    };
  }
  return std::make_unique<RemoteReporter>(static_cast<size_t>(config.queueSize()),
                                          config.bufferFlushInterval(), std::move(makeSender),
                                          counters, logger, config.logSpans());
}

}  // namespace detail
}  // namespace jaegertracing
