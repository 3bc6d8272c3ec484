#include <jaegertracing/samplers/Config.h>

#include "config/ConfigValidation.h"
#include "config/Environment.h"
#include "config/ScalarParsing.h"
#include "config/YamlReading.h"

namespace jaegertracing {
namespace samplers {
namespace {

namespace cfg = detail::config;

constexpr const char* kSection = "sampler";
constexpr const char* kTypeEnv = "JAEGER_SAMPLER_TYPE";
constexpr const char* kParamEnv = "JAEGER_SAMPLER_PARAM";
constexpr const char* kEndpointEnv = "JAEGER_SAMPLING_ENDPOINT";
constexpr const char* kManagerHostPortEnv = "JAEGER_SAMPLER_MANAGER_HOST_PORT";

// jaeger-client-cpp built ConstSampler(param != 0), so a const type that comes without a param
// of its own samples whatever the previous param let through at all.
double constParamFrom(double param) { return param != 0 ? 1 : 0; }

}  // namespace

Config Config::parse(const YAML::Node& node) {
  cfg::orThrow(cfg::checkSection(kSection, node));

  std::string type = kSamplerTypeRemote;
  const cfg::YamlField typeField(node, kSection, "type");
  if (const auto text = cfg::orThrow(cfg::readString(typeField));
      text && !cfg::trim(*text).empty()) {
    type = cfg::orThrow(cfg::checkSamplerType(typeField.path, *text));
  }

  // Without a param, const means "sample everything", as the default 0.001 meant to
  // jaeger-client-cpp; 0.001 itself would be refused below.
  double param = type == kSamplerTypeConst ? constParamFrom(kDefaultSamplingProbability)
                                           : kDefaultSamplingProbability;
  const cfg::YamlField paramField(node, kSection, "param");
  if (const auto value = cfg::orThrow(cfg::readNumber(paramField))) {
    param = *value;
    cfg::orThrow(
        cfg::checkSamplerParam(paramField.path, type, param, cfg::nodeText(paramField.node)));
  }

  std::string samplingServerURL = kDefaultSamplingServerURL;
  const cfg::YamlField urlField(node, kSection, "samplingServerURL");
  if (const auto text = cfg::orThrow(cfg::readString(urlField)); text && !text->empty()) {
    cfg::orThrow(cfg::checkUrl(urlField.path, *text));
    samplingServerURL = *text;
  }

  int maxOperations = kDefaultMaxOperations;
  const cfg::YamlField maxOperationsField(node, kSection, "maxOperations");
  if (const auto value = cfg::orThrow(cfg::readInt(maxOperationsField))) {
    cfg::orThrow(cfg::checkPositive(maxOperationsField.path, *value,
                                    cfg::nodeText(maxOperationsField.node)));
    maxOperations = *value;
  }

  auto samplingRefreshInterval = defaultSamplingRefreshInterval();
  const cfg::YamlField refreshField(node, kSection, "samplingRefreshInterval");
  if (const auto value = cfg::orThrow(cfg::readSeconds(refreshField))) {
    cfg::orThrow(cfg::checkPositive(refreshField.path, *value, cfg::nodeText(refreshField.node)));
    samplingRefreshInterval = *value;
  }

  return Config(type, param, samplingServerURL, maxOperations, samplingRefreshInterval);
}

void Config::fromEnv() {
  // Everything is checked before anything changes: a bad variable leaves the config as it was.
  auto type = type_;
  auto param = param_;
  auto samplingServerURL = samplingServerURL_;

  const auto envType = cfg::envValue(kTypeEnv);
  if (envType) {
    type = cfg::orThrow(cfg::checkSamplerType(kTypeEnv, *envType));
  }

  if (const auto envParam = cfg::orThrow(cfg::envNumber(kParamEnv))) {
    param = *envParam;
    cfg::orThrow(cfg::checkSamplerParam(kParamEnv, type, param, *cfg::envValue(kParamEnv)));
  } else if (envType && type != type_) {
    // A new type keeps the param it had, when that param means something to it.
    if (type == kSamplerTypeConst) {
      param = constParamFrom(param);
    } else if (!cfg::checkSamplerParam(kTypeEnv, type, param, *envType)) {
      throw ConfigError(kTypeEnv, *envType,
                        std::string("needs ") + kParamEnv + ": the sampler's param " +
                            cfg::formatNumber(param) + " is not valid for it");
    }
  }

  if (const auto endpoint = cfg::envValue(kEndpointEnv)) {
    cfg::orThrow(cfg::checkUrl(kEndpointEnv, *endpoint));
    samplingServerURL = *endpoint;
  } else if (const auto hostPort = cfg::envValue(kManagerHostPortEnv)) {
    cfg::orThrow(cfg::checkHostPort(kManagerHostPortEnv, *hostPort));
    samplingServerURL = "http://" + *hostPort + "/sampling";
  }

  type_ = std::move(type);
  param_ = param;
  samplingServerURL_ = std::move(samplingServerURL);
}

}  // namespace samplers
}  // namespace jaegertracing
