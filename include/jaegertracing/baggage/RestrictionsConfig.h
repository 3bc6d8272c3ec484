// The "baggage_restrictions:" section, kept for configuration compatibility with
// jaeger-client-cpp.
#ifndef JAEGERTRACING_BAGGAGE_RESTRICTIONSCONFIG_H
#define JAEGERTRACING_BAGGAGE_RESTRICTIONSCONFIG_H

#include <jaegertracing/Export.h>

#include <chrono>
#include <string>

namespace YAML {
class Node;
}

namespace jaegertracing {
/// The `baggage_restrictions:` section, kept for compatibility.
namespace baggage {

/// The `baggage_restrictions:` section of jaeger-client-cpp's schema. Its values are read
/// and checked so that existing configuration files still parse.
class JAEGERTRACING_API RestrictionsConfig {
 public:
  /// The clock of refreshInterval().
  using Clock = std::chrono::steady_clock;

  /// Reads the `baggage_restrictions:` node.
  /// @throws ConfigError naming the key and the value
  static RestrictionsConfig parse(const YAML::Node& node);

  /// A configuration made in code, with jaeger-client-cpp's parameters.
  explicit RestrictionsConfig(bool denyBaggageOnInitializationFailure = false,
                              const std::string& hostPort = "",
                              const Clock::duration& refreshInterval = Clock::duration::zero())
      : denyBaggageOnInitializationFailure_(denyBaggageOnInitializationFailure),
        hostPort_(hostPort),
        refreshInterval_(refreshInterval) {}

  /// `denyBaggageOnInitializationFailure`.
  bool denyBaggageOnInitializationFailure() const { return denyBaggageOnInitializationFailure_; }
  /// `hostPort`.
  const std::string& hostPort() const { return hostPort_; }
  /// `refreshInterval`, in seconds in YAML.
  const Clock::duration& refreshInterval() const { return refreshInterval_; }

 private:
  bool denyBaggageOnInitializationFailure_;
  std::string hostPort_;
  Clock::duration refreshInterval_;
};

}  // namespace baggage
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BAGGAGE_RESTRICTIONSCONFIG_H
