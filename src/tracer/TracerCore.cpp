#include "tracer/TracerCore.h"

#include <jaegertracing/Constants.h>
#include <jaegertracing/Tracer.h>

#include "model/TagValueConversion.h"
#include "platform/HostInfo.h"
#include "propagation/B3Propagator.h"
#include "propagation/JaegerPropagator.h"
#include "propagation/W3CPropagator.h"
#include "reporters/ReporterFactory.h"
#include "samplers/SamplerFactory.h"

namespace jaegertracing {
namespace detail {
namespace {

std::vector<SpanTag> makeProcessTags(const Config& config, logging::Logger& logger) {
  std::vector<SpanTag> tags;
  tags.push_back(SpanTag{kJaegerClientVersionTagKey, std::string(kJaegerClientVersion)});
  const std::string host = hostname();
  if (!host.empty()) tags.push_back(SpanTag{kTracerHostnameTagKey, host});
  const std::string ip = localIPv4();
  if (ip.empty()) {
    logger.error("cannot determine this host's IPv4 address; the ip process tag is left out");
  } else {
    tags.push_back(SpanTag{kTracerIPTagKey, ip});
  }
  for (const Tag& tag : config.tags()) {
    tags.push_back(SpanTag{tag.key(), toTagValue(tag.value())});
  }
  return tags;
}

// In the configured order, which is extract's order of preference; inject writes them all.
// B3 injects the multiple headers (what Zipkin's and Envoy's defaults send) and extracts both
// the multiple headers and the single b3 header.
std::vector<std::unique_ptr<propagation::TextMapPropagator>> makePropagators(const Config& config) {
  std::vector<std::unique_ptr<propagation::TextMapPropagator>> propagators;
  for (const propagation::Format format : config.propagationFormats()) {
    switch (format) {
      case propagation::Format::JAEGER:
        propagators.push_back(std::make_unique<propagation::JaegerPropagator>(config.headers()));
        break;
      case propagation::Format::W3C:
        propagators.push_back(std::make_unique<propagation::W3CPropagator>());
        break;
      case propagation::Format::B3:
        propagators.push_back(std::make_unique<propagation::B3Propagator>(
            propagation::B3Propagator::Encoding::kMultipleHeaders));
        break;
    }
  }
  // Config never has an empty list; should one get here, Jaeger's headers are the default.
  if (propagators.empty()) {
    propagators.push_back(std::make_unique<propagation::JaegerPropagator>(config.headers()));
  }
  return propagators;
}

}  // namespace

TracerCore::TracerCore(const std::string& serviceName, const Config& config,
                       std::shared_ptr<logging::Logger> logger, std::unique_ptr<Reporter> reporter)
    : serviceName_(serviceName),
      traceId128Bit_(config.traceId128Bit()),
      logger_(logger ? std::move(logger) : std::shared_ptr<logging::Logger>(logging::nullLogger())),
      processTags_(makeProcessTags(config, *logger_)),
      sampler_(makeSampler(config.sampler(), serviceName_, *logger_)),
      propagators_(makePropagators(config)),
      reporter_(reporter ? std::move(reporter)
                         : makeReporter(config.reporter(), serviceName_, processTags_, counters_,
                                        *logger_)) {}

TracerCore::~TracerCore() = default;

}  // namespace detail
}  // namespace jaegertracing
