#include "reporters/ReporterFactory.h"

#include "config/ConfigValidation.h"
#include "reporters/RemoteReporter.h"
#include "senders/UdpSender.h"

namespace jaegertracing {
namespace detail {

std::unique_ptr<Reporter> makeReporter(const reporters::Config& config,
                                       const std::string& serviceName,
                                       const std::vector<SpanTag>& processTags, Counters& counters,
                                       logging::Logger& logger) {
  if (!config.endpoint().empty()) {
    logger.error("reporter.endpoint " + config.endpoint() +
                 ": the HTTP collector sender is not built yet; sending to the agent at " +
                 config.localAgentHostPort());
  }
  const HostPort agent = parseHostPort("reporter.localAgentHostPort", config.localAgentHostPort());
  // Called again in a forked child, which needs a sender of its own.
  SenderFactory makeSender = [agent, maxPacketSize = static_cast<size_t>(config.maxPacketSize()),
                              serviceName, processTags, &counters, &logger] {
    return std::make_unique<UdpSender>(agent.host, agent.port, maxPacketSize, serviceName,
                                       processTags, counters, logger);
  };
  return std::make_unique<RemoteReporter>(static_cast<size_t>(config.queueSize()),
                                          config.bufferFlushInterval(), std::move(makeSender),
                                          counters, logger, config.logSpans());
}

}  // namespace detail
}  // namespace jaegertracing
