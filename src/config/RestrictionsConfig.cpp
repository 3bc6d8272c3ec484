#include <jaegertracing/baggage/RestrictionsConfig.h>

#include "config/ConfigValidation.h"
#include "config/YamlReading.h"

namespace jaegertracing {
namespace baggage {
namespace {

namespace cfg = detail::config;

constexpr const char* kSection = "baggage_restrictions";

}  // namespace

RestrictionsConfig RestrictionsConfig::parse(const YAML::Node& node) {
  cfg::orThrow(cfg::checkSection(kSection, node));

  const auto denyBaggageOnInitializationFailure =
      cfg::orThrow(
          cfg::readBool(cfg::YamlField(node, kSection, "denyBaggageOnInitializationFailure")))
          .value_or(false);

  const cfg::YamlField hostPortField(node, kSection, "hostPort");
  const auto hostPort = cfg::orThrow(cfg::readString(hostPortField)).value_or("");
  if (!hostPort.empty()) {
    cfg::orThrow(cfg::checkHostPort(hostPortField.path, hostPort));
  }

  auto refreshInterval = Clock::duration::zero();
  const cfg::YamlField refreshField(node, kSection, "refreshInterval");
  if (const auto value = cfg::orThrow(cfg::readSeconds(refreshField))) {
    cfg::orThrow(
        cfg::checkNonNegative(refreshField.path, *value, cfg::nodeText(refreshField.node)));
    refreshInterval = *value;
  }

  return RestrictionsConfig(denyBaggageOnInitializationFailure, hostPort, refreshInterval);
}

}  // namespace baggage
}  // namespace jaegertracing
