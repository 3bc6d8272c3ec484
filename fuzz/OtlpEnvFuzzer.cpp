// Config::fromEnv with OpenTelemetry's OTLP variables (endpoint, headers and the rest) and the
// Jaeger collector's endpoint set from arbitrary text: each line sets one variable, chosen by
// its first byte, to the rest of the line. fromEnv may refuse with a ConfigError that names a
// variable and leaves the config unchanged; what it accepts, Tracer::make's own check
// (detail::validate) must accept too, with one destination at most, an http(s) endpoint and
// headers that cannot break a request (no line break or NUL in a value, a token for a name).
#include <jaegertracing/Config.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>

#include "ConfigFuzzSupport.h"
#include "FuzzSupport.h"

namespace {

constexpr const char* kVariables[] = {
    "OTEL_EXPORTER_OTLP_ENDPOINT",    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    "OTEL_EXPORTER_OTLP_HEADERS",     "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
    "OTEL_EXPORTER_OTLP_TIMEOUT",     "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT",
    "OTEL_EXPORTER_OTLP_PROTOCOL",    "OTEL_EXPORTER_OTLP_COMPRESSION",
    "OTEL_EXPORTER_OTLP_CERTIFICATE", "OTEL_SERVICE_NAME",
    "OTEL_RESOURCE_ATTRIBUTES",       "JAEGER_ENDPOINT",
};

bool sameOtlp(const jaegertracing::reporters::OtlpConfig& a,
              const jaegertracing::reporters::OtlpConfig& b) {
  return a.endpoint == b.endpoint && a.protocol == b.protocol && a.headers == b.headers &&
         a.compression == b.compression && a.timeout == b.timeout && a.caFile == b.caFile;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing;
  static fuzz::LineEnvironment environment({std::begin(kVariables), std::end(kVariables)});
  environment.set(data, size);

  const auto accepted = fuzz::fromEnvUnlessRefused([](const Config& after, const Config& before) {
    return sameOtlp(after.reporter().otlp(), before.reporter().otlp()) &&
           after.reporter().endpoint() == before.reporter().endpoint();
  });
  if (!accepted) return 0;
  const Config& config = *accepted;
  const auto& otlp = config.reporter().otlp();
  FUZZ_CHECK(otlp.endpoint.empty() || config.reporter().endpoint().empty());
  for (const auto& [name, value] : otlp.headers) {
    FUZZ_CHECK(!name.empty());
    FUZZ_CHECK(value.find_first_of(std::string("\r\n\0", 3)) == std::string::npos);
  }
  fuzz::checkValidates(config, "Config::fromEnv");
  return 0;
}
