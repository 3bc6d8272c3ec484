// The error of a bad configuration value. what() names the key (a YAML path such as
// "sampler.param", or a JAEGER_* variable) and quotes the value, e.g.
//   sampler.param: "1.5" is not in [0, 1]
#ifndef JAEGERTRACING_CONFIGERROR_H
#define JAEGERTRACING_CONFIGERROR_H

#include <jaegertracing/Export.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace jaegertracing {

/// The error of a bad configuration value, thrown by Config::parse, Config::fromEnv and
/// Tracer::make. what() names the key and quotes the value, e.g.
/// `sampler.param: "1.5" is not in [0, 1]`. A `std::invalid_argument`, so code written for
/// jaeger-client-cpp that catches `std::exception` catches it too.
struct JAEGERTRACING_API ConfigError : std::invalid_argument {
  /// what() becomes `key: "value" why`.
  ConfigError(std::string key, std::string value, const std::string& why)
      : std::invalid_argument(key + ": \"" + value + "\" " + why),
        key(std::move(key)),
        value(std::move(value)) {}

  /// The YAML path (`sampler.param`) or the variable (`JAEGER_SAMPLER_PARAM`).
  std::string key;
  /// The value as written.
  std::string value;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIGERROR_H
