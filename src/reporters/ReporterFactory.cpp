#include "reporters/ReporterFactory.h"

#include <chrono>

#include "config/ConfigValidation.h"
#include "reporters/RemoteReporter.h"
#include "senders/HttpSender.h"
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

}  // namespace

std::unique_ptr<Reporter> makeReporter(const reporters::Config& config,
                                       const std::string& serviceName,
                                       const std::vector<SpanTag>& processTags, Counters& counters,
                                       logging::Logger& logger) {
  // Called again in a forked child, which needs a sender of its own.
  SenderFactory makeSender;
  if (!config.endpoint().empty()) {
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
