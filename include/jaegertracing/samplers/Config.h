// How root spans are sampled: the "sampler:" section of the configuration.
#ifndef JAEGERTRACING_SAMPLERS_CONFIG_H
#define JAEGERTRACING_SAMPLERS_CONFIG_H

#include <jaegertracing/Constants.h>
#include <jaegertracing/Export.h>

#include <chrono>
#include <string>

namespace YAML {
class Node;
}

namespace jaegertracing {
/// The sampler's settings: which root spans are sampled.
namespace samplers {

/// The `sampler:` section. Only root spans are sampled; a child follows its parent's decision.
class JAEGERTRACING_API Config {
 public:
  /// The clock of the durations here.
  using Clock = std::chrono::steady_clock;

  /// `param` by default: the probability the remote sampler uses until the agent answers.
  static constexpr double kDefaultSamplingProbability = 0.001;
  /// `samplingServerURL`: the agent's sampling-strategy endpoint on this host.
  static constexpr const char* kDefaultSamplingServerURL = "http://127.0.0.1:5778/sampling";
  /// `maxOperations`: the most operations a per-operation strategy tracks.
  static constexpr int kDefaultMaxOperations = 2000;
  /// `samplingRefreshInterval`: the remote sampler polls the agent once a minute.
  static Clock::duration defaultSamplingRefreshInterval() { return std::chrono::minutes(1); }

  /// Reads the `sampler:` node; missing keys keep their defaults.
  /// @throws ConfigError naming `sampler.<key>` and the value when a value has the wrong type
  ///         or is out of range, or the type is unknown
  static Config parse(const YAML::Node& node);

  /// A configuration made in code, with jaeger-client-cpp's parameters in its order. An empty
  /// type or samplingServerURL means the default. `type` is one of kSamplerTypeConst,
  /// kSamplerTypeProbabilistic, kSamplerTypeRateLimiting and kSamplerTypeRemote; Tracer::make
  /// rejects any other.
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

  /// `type`: `const`, `probabilistic`, `ratelimiting` or `remote`.
  const std::string& type() const { return type_; }
  /// `param`: const: 0 or 1; probabilistic: a probability in [0, 1]; ratelimiting: traces
  /// per second; remote: the probability used until the agent answers.
  double param() const { return param_; }
  /// `samplingServerURL`: where the remote sampler gets its strategy (`?service=NAME` is
  /// added).
  const std::string& samplingServerURL() const { return samplingServerURL_; }
  /// `maxOperations`: the most operations a per-operation strategy tracks.
  int maxOperations() const { return maxOperations_; }
  /// `samplingRefreshInterval`: how often the remote sampler polls.
  const Clock::duration& samplingRefreshInterval() const { return samplingRefreshInterval_; }

  /// Applies `JAEGER_SAMPLER_TYPE`, `JAEGER_SAMPLER_PARAM`, `JAEGER_SAMPLING_ENDPOINT` and
  /// `JAEGER_SAMPLER_MANAGER_HOST_PORT` over these values (a non-empty variable wins).
  /// @throws ConfigError naming the variable when its value is malformed
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
