// The tracer's configuration: the jaeger-client-cpp YAML schema, the JAEGER_* environment
// variables, or values given in code. Config::parse and fromEnv throw ConfigError naming the
// key and the value; Tracer::make checks the whole configuration again before it starts.
#ifndef JAEGERTRACING_CONFIG_H
#define JAEGERTRACING_CONFIG_H

#include <jaegertracing/ConfigError.h>
#include <jaegertracing/Constants.h>
#include <jaegertracing/Tag.h>
#include <jaegertracing/baggage/RestrictionsConfig.h>
#include <jaegertracing/propagation/Format.h>
#include <jaegertracing/propagation/HeadersConfig.h>
#include <jaegertracing/reporters/Config.h>
#include <jaegertracing/samplers/Config.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace jaegertracing {

class Config {
 public:
  static constexpr const char* kJAEGER_SERVICE_NAME_ENV_PROP = "JAEGER_SERVICE_NAME";
  static constexpr const char* kJAEGER_TAGS_ENV_PROP = "JAEGER_TAGS";
  static constexpr const char* kJAEGER_JAEGER_DISABLED_ENV_PROP = "JAEGER_DISABLED";

  // Reads a whole configuration document. A missing section keeps its defaults; a value of
  // the wrong type or out of range throws ConfigError naming its YAML path and the value.
  static Config parse(const YAML::Node& configYAML);

  explicit Config(
      bool disabled = false, bool traceId128Bit = false,
      const samplers::Config& sampler = samplers::Config(),
      const reporters::Config& reporter = reporters::Config(),
      const propagation::HeadersConfig& headers = propagation::HeadersConfig(),
      const baggage::RestrictionsConfig& baggageRestrictions = baggage::RestrictionsConfig(),
      const std::string& serviceName = "", const std::vector<Tag>& tags = {},
      propagation::Format propagationFormat = propagation::Format::JAEGER)
      : disabled_(disabled),
        traceId128Bit_(traceId128Bit),
        propagationFormats_{propagationFormat},
        serviceName_(serviceName),
        tags_(tags),
        sampler_(sampler),
        reporter_(reporter),
        headers_(headers),
        baggageRestrictions_(baggageRestrictions) {}

  bool disabled() const { return disabled_; }
  bool traceId128Bit() const { return traceId128Bit_; }
  // The first of propagationFormats(): what jaeger-client-cpp had.
  propagation::Format propagationFormat() const { return propagationFormats_.front(); }
  // Inject writes every format listed; extract takes the first present and valid one.
  const std::vector<propagation::Format>& propagationFormats() const { return propagationFormats_; }
  const samplers::Config& sampler() const { return sampler_; }
  const reporters::Config& reporter() const { return reporter_; }
  const propagation::HeadersConfig& headers() const { return headers_; }
  const baggage::RestrictionsConfig& baggageRestrictions() const { return baggageRestrictions_; }
  const std::string& serviceName() const { return serviceName_; }
  const std::vector<Tag>& tags() const { return tags_; }

  // Never empty; throws ConfigError("propagation_format", ...) when it is.
  void setPropagationFormats(std::vector<propagation::Format> formats);

  // Applies the JAEGER_* variables over these values, as jaeger-client-cpp does: a non-empty
  // variable wins; JAEGER_TAGS adds to the tags. Throws ConfigError naming the variable when
  // its value is malformed.
  void fromEnv();

 private:
  bool disabled_;
  bool traceId128Bit_;
  std::vector<propagation::Format> propagationFormats_;
  std::string serviceName_;
  std::vector<Tag> tags_;
  samplers::Config sampler_;
  reporters::Config reporter_;
  propagation::HeadersConfig headers_;
  baggage::RestrictionsConfig baggageRestrictions_;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_H
