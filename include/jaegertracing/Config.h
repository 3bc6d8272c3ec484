// The tracer's configuration: the jaeger-client-cpp YAML schema, the JAEGER_* environment
// variables, or values given in code. Config::parse and fromEnv throw ConfigError naming the
// key and the value; Tracer::make checks the whole configuration again before it starts.
#ifndef JAEGERTRACING_CONFIG_H
#define JAEGERTRACING_CONFIG_H

#include <jaegertracing/ConfigError.h>
#include <jaegertracing/Constants.h>
#include <jaegertracing/Export.h>
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

/// The whole configuration of a tracer, as jaeger-client-cpp had it: a service name, the
/// sampler, the reporter, the header names, the propagation formats and tracer tags.
///
/// Made by parse() from YAML, by the constructor in code, or both; fromEnv() then applies the
/// JAEGER_* variables. Tracer::make checks the whole configuration again before it starts.
class JAEGERTRACING_API Config {
 public:
  /// The variable holding the service name: `JAEGER_SERVICE_NAME`.
  static constexpr const char* kJAEGER_SERVICE_NAME_ENV_PROP = "JAEGER_SERVICE_NAME";
  /// The variable of extra tracer tags: `JAEGER_TAGS` (`k=v,k2=v2`, a value may be
  /// `${ENV_VAR:default}`).
  static constexpr const char* kJAEGER_TAGS_ENV_PROP = "JAEGER_TAGS";
  /// The variable that disables tracing: `JAEGER_DISABLED`.
  static constexpr const char* kJAEGER_JAEGER_DISABLED_ENV_PROP = "JAEGER_DISABLED";

  /// Reads a whole configuration document (jaeger-client-cpp's YAML schema). A missing key or
  /// section keeps its default; unknown keys are ignored.
  /// @param configYAML the document's root, e.g. `YAML::LoadFile("config.yml")`
  /// @throws ConfigError naming the YAML path and the value, for a value of the wrong type or
  ///         out of range, or an unknown sampler type or propagation format
  static Config parse(const YAML::Node& configYAML);

  /// A configuration made in code, with jaeger-client-cpp's parameters in its order. The
  /// defaults are those of an empty YAML document: enabled, 64-bit trace ids, the remote
  /// sampler, the agent at 127.0.0.1:6831, Jaeger propagation.
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

  /// `disabled:` true makes Tracer::make return OpenTracing's no-op tracer.
  bool disabled() const { return disabled_; }
  /// `traceid_128bit:` true makes new traces 128-bit.
  bool traceId128Bit() const { return traceId128Bit_; }
  /// The first of propagationFormats(): what jaeger-client-cpp had.
  propagation::Format propagationFormat() const { return propagationFormats_.front(); }
  /// `propagation_format:`, never empty. Inject writes every format listed; Extract takes the
  /// first one, in this order, whose headers are present and valid.
  const std::vector<propagation::Format>& propagationFormats() const { return propagationFormats_; }
  /// The `sampler:` section.
  const samplers::Config& sampler() const { return sampler_; }
  /// The `reporter:` section.
  const reporters::Config& reporter() const { return reporter_; }
  /// The `headers:` section: names of the Jaeger propagation headers.
  const propagation::HeadersConfig& headers() const { return headers_; }
  /// The `baggage_restrictions:` section, accepted for compatibility.
  const baggage::RestrictionsConfig& baggageRestrictions() const { return baggageRestrictions_; }
  /// `service_name:` or `JAEGER_SERVICE_NAME`: used by Tracer::make(const Config&); the
  /// overloads that take a service name use their argument instead.
  const std::string& serviceName() const { return serviceName_; }
  /// `tags:` and `JAEGER_TAGS`: tracer tags, sent in every batch's Process.
  const std::vector<Tag>& tags() const { return tags_; }

  /// Replaces the propagation formats; repeated formats are kept once.
  /// @throws ConfigError naming `propagation_format` when `formats` is empty
  void setPropagationFormats(std::vector<propagation::Format> formats);

  /// Applies the JAEGER_* variables over these values, as jaeger-client-cpp does: a non-empty
  /// variable wins; `JAEGER_TAGS` adds to the tags. The sampler's and the reporter's variables
  /// are applied too (samplers::Config::fromEnv, reporters::Config::fromEnv).
  /// @throws ConfigError naming the variable when its value is malformed; the configuration is
  ///         then left as it was
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
