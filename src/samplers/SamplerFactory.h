#ifndef JAEGERTRACING_SRC_SAMPLERS_SAMPLERFACTORY_H
#define JAEGERTRACING_SRC_SAMPLERS_SAMPLERFACTORY_H

#include <jaegertracing/Logging.h>
#include <jaegertracing/samplers/Config.h>

#include <memory>
#include <string>

#include "samplers/Sampler.h"

namespace jaegertracing {
namespace detail {

// The sampler a validated configuration asks for. The remote sampler asks the agent for the
// strategy of serviceName, and logs through logger from its own thread: logger must outlive it.
std::unique_ptr<Sampler> makeSampler(const samplers::Config& config, const std::string& serviceName,
                                     logging::Logger& logger);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_SAMPLERFACTORY_H
