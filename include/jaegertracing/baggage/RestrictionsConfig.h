// The "baggage_restrictions:" section, kept for configuration compatibility with
// jaeger-client-cpp.
#ifndef JAEGERTRACING_BAGGAGE_RESTRICTIONSCONFIG_H
#define JAEGERTRACING_BAGGAGE_RESTRICTIONSCONFIG_H

#include <chrono>
#include <string>

namespace YAML {
class Node;
}

namespace jaegertracing {
namespace baggage {

class RestrictionsConfig {
 public:
  using Clock = std::chrono::steady_clock;

  // Reads the "baggage_restrictions:" node. Throws ConfigError naming the key and the value.
  static RestrictionsConfig parse(const YAML::Node& node);

  explicit RestrictionsConfig(bool denyBaggageOnInitializationFailure = false,
                              const std::string& hostPort = "",
                              const Clock::duration& refreshInterval = Clock::duration::zero())
      : denyBaggageOnInitializationFailure_(denyBaggageOnInitializationFailure),
        hostPort_(hostPort),
        refreshInterval_(refreshInterval) {}

  bool denyBaggageOnInitializationFailure() const { return denyBaggageOnInitializationFailure_; }
  const std::string& hostPort() const { return hostPort_; }
  const Clock::duration& refreshInterval() const { return refreshInterval_; }

 private:
  bool denyBaggageOnInitializationFailure_;
  std::string hostPort_;
  Clock::duration refreshInterval_;
};

}  // namespace baggage
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BAGGAGE_RESTRICTIONSCONFIG_H
