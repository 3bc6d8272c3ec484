// The OTLP exporter's settings: `reporter.otlp:` in YAML, OpenTelemetry's OTEL_EXPORTER_OTLP_*
// variables, and the checks both share with Tracer::make's validation. Errors name the YAML
// key or the variable, and quote the value.
#ifndef JAEGERTRACING_CONFIG_OTLPSETTINGS_H
#define JAEGERTRACING_CONFIG_OTLPSETTINGS_H

#include <jaegertracing/reporters/OtlpConfig.h>

#include <string>

#include "config/ConfigValidation.h"
#include "config/YamlReading.h"

namespace jaegertracing {
namespace detail {
namespace config {

// The names the checks quote: YAML paths, or the variables a value came from.
struct OtlpKeys {
  std::string endpoint = "reporter.otlp.endpoint";
  std::string protocol = "reporter.otlp.protocol";
  std::string headers = "reporter.otlp.headers";
  std::string compression = "reporter.otlp.compression";
  std::string timeout = "reporter.otlp.timeout";
};

// `reporter.otlp`: a map, or absent (the defaults, no endpoint).
reporters::OtlpConfig readOtlpSection(const YamlField& field);

// The OTEL_EXPORTER_OTLP_* variables over `current`; `keys` gets the names of the variables
// that were set, for the checks that follow.
Checked<reporters::OtlpConfig> otlpFromEnv(const reporters::OtlpConfig& current, OtlpKeys& keys);

Checked<void> checkOtlp(const reporters::OtlpConfig& otlp, const OtlpKeys& keys);
// Exactly one destination: an OTLP endpoint excludes Jaeger's collector endpoint.
Checked<void> checkOneDestination(const std::string& otlpKey, const std::string& otlpEndpoint,
                                  const std::string& collectorKey,
                                  const std::string& collectorEndpoint);

// OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES: "k=v,k2=v2", keys and values
// trimmed, values percent-decoded (a '+' stays a '+': a base64 key must survive). With
// secretValues (headers), an error quotes a key at most, never a value.
Checked<std::vector<std::pair<std::string, std::string>>> parseKeyValueList(
    const std::string& name, const std::string& text, bool secretValues = false);

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_OTLPSETTINGS_H
