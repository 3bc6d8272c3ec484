// The error of a bad configuration value. what() names the key (a YAML path such as
// "sampler.param", or a JAEGER_* variable) and quotes the value, e.g.
//   sampler.param: "1.5" is not in [0, 1]
#ifndef JAEGERTRACING_CONFIGERROR_H
#define JAEGERTRACING_CONFIGERROR_H

#include <stdexcept>
#include <string>
#include <utility>

namespace jaegertracing {

struct ConfigError : std::invalid_argument {
  ConfigError(std::string key, std::string value, const std::string& why)
      : std::invalid_argument(key + ": \"" + value + "\" " + why),
        key(std::move(key)),
        value(std::move(value)) {}

  std::string key;
  std::string value;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIGERROR_H
