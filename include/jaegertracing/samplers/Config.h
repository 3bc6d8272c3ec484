// How root spans are sampled: the "sampler:" section of the configuration.
#ifndef JAEGERTRACING_SAMPLERS_CONFIG_H
#define JAEGERTRACING_SAMPLERS_CONFIG_H

#include <jaegertracing/Constants.h>

#include <chrono>
#include <string>

namespace YAML {
class Node;
}

namespace jaegertracing {
namespace samplers {

class Config {
 public:
  using Clock = std::chrono::steady_clock;

  static constexpr double kDefaultSamplingProbability = 0.001;
  static constexpr const char* kDefaultSamplingServerURL = "http://127.0.0.1:5778/sampling";
  static constexpr int kDefaultMaxOperations = 2000;
  static Clock::duration defaultSamplingRefreshInterval() { return std::chrono::minutes(1); }

  // Reads the "sampler:" node. Throws ConfigError naming "sampler.<key>" and the value when a
  // value has the wrong type or is out of range, or the type is unknown.
  static Config parse(const YAML::Node& node);

  explicit Config(const std::string& type = kSamplerTypeRemote,
                  double param = kDefaultSamplingProbability,
                  const std::string& samplingServerURL = kDefaultSamplingServerURL,
                  int maxOperations = kDefaultMaxOperations,
                  const Clock::duration& samplingRefreshInterval = defaultSamplingRefreshInterval())
      : type_(type.empty() ? kSamplerTypeRemote : type),
        param_(param),
        samplingServerURL_(samplingServerURL.empty() ? kDefaultSamplingServerURL
                                                     : samplingServerURL),
        maxOperations_(maxOperations),
        samplingRefreshInterval_(samplingRefreshInterval) {}

  const std::string& type() const { return type_; }
  double param() const { return param_; }
  const std::string& samplingServerURL() const { return samplingServerURL_; }
  int maxOperations() const { return maxOperations_; }
  const Clock::duration& samplingRefreshInterval() const { return samplingRefreshInterval_; }

  // Applies JAEGER_SAMPLER_TYPE, JAEGER_SAMPLER_PARAM, JAEGER_SAMPLING_ENDPOINT and
  // JAEGER_SAMPLER_MANAGER_HOST_PORT over these values (a non-empty variable wins). Throws
  // ConfigError naming the variable when its value is malformed.
  void fromEnv();

 private:
  std::string type_;
  double param_;
  std::string samplingServerURL_;
  int maxOperations_;
  Clock::duration samplingRefreshInterval_;
};

}  // namespace samplers
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SAMPLERS_CONFIG_H
