#include <jaegertracing/Config.h>

#include <utility>

#include "config/ConfigValidation.h"
#include "config/Environment.h"
#include "config/OtlpSettings.h"
#include "config/PropagationFormats.h"
#include "config/ScalarParsing.h"
#include "config/YamlReading.h"

namespace jaegertracing {
namespace {

namespace cfg = detail::config;

constexpr const char* kPropagationKey = "propagation_format";
constexpr const char* kTagsKey = "tags";
constexpr const char* kPropagationEnv = "JAEGER_PROPAGATION";
constexpr const char* kTraceId128BitEnv = "JAEGER_TRACEID_128BIT";
constexpr const char* kOtelServiceNameEnv = "OTEL_SERVICE_NAME";
constexpr const char* kOtelResourceAttributesEnv = "OTEL_RESOURCE_ATTRIBUTES";

// "jaeger", "w3c, b3", or a YAML list of names; absent or "" is jaeger-client-cpp's default.
std::vector<propagation::Format> readPropagationFormats(const YAML::Node& root) {
  const cfg::YamlField field(root, "", kPropagationKey);
  const auto& node = field.node;
  if (cfg::isAbsent(node) || (node.IsScalar() && cfg::trim(node.Scalar()).empty())) {
    return {propagation::Format::JAEGER};
  }
  if (node.IsScalar()) {
    return cfg::orThrow(cfg::parsePropagationFormats(field.path, node.Scalar()));
  }
  if (!node.IsSequence()) {
    throw ConfigError(field.path, cfg::nodeText(node),
                      "is not a propagation format or a list of them");
  }
  std::vector<propagation::Format> formats;
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      throw ConfigError(field.path, cfg::nodeText(item), "is not a propagation format");
    }
    formats.push_back(cfg::orThrow(cfg::parsePropagationFormat(field.path, item.Scalar())));
  }
  if (formats.empty()) {
    throw ConfigError(field.path, cfg::nodeText(node), "names no propagation format");
  }
  return formats;
}

// A quoted scalar ("123", '1.5', !!str true) is the string as written; a plain one is typed.
bool isQuoted(const YAML::Node& node) {
  return node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str";
}

std::vector<Tag> readTags(const YAML::Node& root) {
  const cfg::YamlField field(root, "", kTagsKey);
  cfg::orThrow(cfg::checkSection(field.path, field.node));
  std::vector<Tag> tags;
  if (cfg::isAbsent(field.node)) {
    return tags;
  }
  for (const auto& entry : field.node) {
    if (!entry.first.IsScalar() || entry.first.Scalar().empty()) {
      throw ConfigError(field.path, cfg::nodeText(entry.first), "has a tag without a key");
    }
    const auto& key = entry.first.Scalar();
    const auto path = field.path + "." + key;
    const auto& value = entry.second;
    if (cfg::isAbsent(value)) {
      throw ConfigError(path, "", "has no value");
    }
    if (!value.IsScalar()) {
      throw ConfigError(path, cfg::nodeText(value), "is not a single value");
    }
    if (isQuoted(value)) {
      tags.emplace_back(key, value.Scalar());
    } else {
      tags.emplace_back(key, cfg::inferTagValue(value.Scalar()));
    }
  }
  return tags;
}

}  // namespace

Config Config::parse(const YAML::Node& configYAML) {
  if (cfg::isAbsent(configYAML)) {
    return Config();
  }
  if (!configYAML.IsMap()) {
    throw ConfigError("configuration", cfg::nodeText(configYAML),
                      "is not a map of keys and values");
  }
  const auto field = [&configYAML](const char* name) {
    return cfg::YamlField(configYAML, "", name);
  };

  const auto serviceName = cfg::orThrow(cfg::readString(field("service_name"))).value_or("");
  const auto disabled = cfg::orThrow(cfg::readBool(field("disabled"))).value_or(false);
  const auto traceId128Bit = cfg::orThrow(cfg::readBool(field("traceid_128bit"))).value_or(false);
  const auto formats = readPropagationFormats(configYAML);
  auto tags = readTags(configYAML);

  const auto sampler = samplers::Config::parse(field("sampler").node);
  const auto reporter = reporters::Config::parse(field("reporter").node);
  const auto headers = propagation::HeadersConfig::parse(field("headers").node);
  const auto baggageRestrictions =
      baggage::RestrictionsConfig::parse(field("baggage_restrictions").node);

  Config config(disabled, traceId128Bit, sampler, reporter, headers, baggageRestrictions,
                serviceName, std::move(tags));
  config.setPropagationFormats(formats);
  return config;
}

void Config::setPropagationFormats(std::vector<propagation::Format> formats) {
  if (formats.empty()) {
    throw ConfigError(kPropagationKey, "", "is empty: name at least one of jaeger, w3c or b3");
  }
  propagationFormats_ = cfg::withoutRepeats(formats);
}

void Config::fromEnv() {
  // Built on a copy so that a malformed variable leaves this config as it was.
  Config next = *this;
  // OpenTelemetry's resource attributes become tracer tags (resource attributes over OTLP,
  // process tags over Thrift), except service.name, which names the service unless
  // OTEL_SERVICE_NAME or JAEGER_SERVICE_NAME (the library's own, which wins) does.
  if (const auto text = cfg::envValue(kOtelResourceAttributesEnv)) {
    for (auto& [key, value] :
         cfg::orThrow(cfg::parseKeyValueList(kOtelResourceAttributesEnv, *text))) {
      if (key == "service.name") {
        if (!value.empty()) next.serviceName_ = std::move(value);
      } else {
        next.tags_.emplace_back(key, value);
      }
    }
  }
  if (auto serviceName = cfg::envValue(kOtelServiceNameEnv)) {
    next.serviceName_ = std::move(*serviceName);
  }
  if (auto serviceName = cfg::envValue(kJAEGER_SERVICE_NAME_ENV_PROP)) {
    next.serviceName_ = std::move(*serviceName);
  }
  next.disabled_ = cfg::orThrow(cfg::envBool(kJAEGER_JAEGER_DISABLED_ENV_PROP)).value_or(disabled_);
  next.traceId128Bit_ = cfg::orThrow(cfg::envBool(kTraceId128BitEnv)).value_or(traceId128Bit_);
  if (const auto formats = cfg::envValue(kPropagationEnv)) {
    next.propagationFormats_ =
        cfg::orThrow(cfg::parsePropagationFormats(kPropagationEnv, *formats));
  }
  if (const auto text = cfg::envValue(kJAEGER_TAGS_ENV_PROP)) {
    for (auto& tag : cfg::orThrow(cfg::parseEnvTags(kJAEGER_TAGS_ENV_PROP, *text))) {
      next.tags_.push_back(std::move(tag));
    }
  }
  next.sampler_.fromEnv();
  next.reporter_.fromEnv();
  *this = std::move(next);
}

}  // namespace jaegertracing
