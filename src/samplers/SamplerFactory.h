#ifndef JAEGERTRACING_SRC_SAMPLERS_SAMPLERFACTORY_H
#define JAEGERTRACING_SRC_SAMPLERS_SAMPLERFACTORY_H

#include <jaegertracing/Logging.h>
#include <jaegertracing/samplers/Config.h>

#include <memory>

#include "samplers/Sampler.h"

namespace jaegertracing {
namespace detail {

// The sampler a validated configuration asks for.
std::unique_ptr<Sampler> makeSampler(const samplers::Config& config, logging::Logger& logger);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_SAMPLERFACTORY_H
