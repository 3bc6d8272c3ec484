#include "samplers/SamplerFactory.h"

#include <jaegertracing/ConfigError.h>

#include "samplers/ConstSampler.h"
#include "samplers/ProbabilisticSampler.h"
#include "samplers/RateLimitingSampler.h"

namespace jaegertracing {
namespace detail {

std::unique_ptr<Sampler> makeSampler(const samplers::Config& config, logging::Logger& logger) {
  const std::string& type = config.type();
  if (type == kSamplerTypeConst) {
    return std::make_unique<ConstSampler>(config.param() != 0);
  }
  if (type == kSamplerTypeProbabilistic) {
    return std::make_unique<ProbabilisticSampler>(config.param());
  }
  if (type == kSamplerTypeRateLimiting) {
    return std::make_unique<RateLimitingSampler>(config.param());
  }
  if (type == kSamplerTypeRemote) {
    // Polling the agent's strategies is not built yet: decide as the remote sampler does
    // before its first answer, with the configured probability.
    logger.info("sampler.type remote: strategies are not polled yet; sampling with probability " +
                std::to_string(config.param()));
    return std::make_unique<ProbabilisticSampler>(config.param());
  }
  throw ConfigError("sampler.type", type,
                    "is not a sampler type (const, probabilistic, ratelimiting, remote)");
}

}  // namespace detail
}  // namespace jaegertracing
