#include "samplers/SamplerFactory.h"

#include <jaegertracing/ConfigError.h>

#include "samplers/ConstSampler.h"
#include "samplers/ProbabilisticSampler.h"
#include "samplers/RateLimitingSampler.h"
#include "samplers/RemoteSampler.h"

namespace jaegertracing {
namespace detail {

std::unique_ptr<Sampler> makeSampler(const samplers::Config& config, const std::string& serviceName,
                                     logging::Logger& logger) {
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
    return std::make_unique<RemoteSampler>(config, serviceName, logger);
  }
  throw ConfigError("sampler.type", type,
                    "is not a sampler type (const, probabilistic, ratelimiting, remote)");
}

}  // namespace detail
}  // namespace jaegertracing
