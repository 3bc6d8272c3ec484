// Config::fromEnv with the JAEGER_* variables set from arbitrary text: each line sets one
// variable, chosen by its first byte, to the rest of the line. fromEnv may refuse a value with
// a ConfigError that leaves the config unchanged; anything else escaping, or a crash, is a bug.
// What it accepts, Tracer::make's own check (detail::validate) must accept too.
#include <jaegertracing/Config.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>

#include "ConfigFuzzSupport.h"
#include "FuzzSupport.h"

namespace {

// The variables fromEnv reads, and one that JAEGER_TAGS may refer to as ${FUZZ_TAG_VALUE}.
constexpr const char* kVariables[] = {
    "JAEGER_SERVICE_NAME",
    "JAEGER_DISABLED",
    "JAEGER_TRACEID_128BIT",
    "JAEGER_PROPAGATION",
    "JAEGER_TAGS",
    "JAEGER_AGENT_HOST",
    "JAEGER_AGENT_PORT",
    "JAEGER_ENDPOINT",
    "JAEGER_USER",
    "JAEGER_PASSWORD",
    "JAEGER_AUTH_TOKEN",
    "JAEGER_REPORTER_LOG_SPANS",
    "JAEGER_REPORTER_MAX_QUEUE_SIZE",
    "JAEGER_REPORTER_FLUSH_INTERVAL",
    "JAEGER_SAMPLER_TYPE",
    "JAEGER_SAMPLER_PARAM",
    "JAEGER_SAMPLING_ENDPOINT",
    "JAEGER_SAMPLER_MANAGER_HOST_PORT",
    "FUZZ_TAG_VALUE",
};

// Same values as each other, to compare a config before and after a refused fromEnv.
bool sameConfig(const jaegertracing::Config& a, const jaegertracing::Config& b) {
  return a.serviceName() == b.serviceName() && a.disabled() == b.disabled() &&
         a.traceId128Bit() == b.traceId128Bit() &&
         a.propagationFormats() == b.propagationFormats() && a.tags().size() == b.tags().size() &&
         a.sampler().type() == b.sampler().type() && a.sampler().param() == b.sampler().param() &&
         a.sampler().samplingServerURL() == b.sampler().samplingServerURL() &&
         a.reporter().localAgentHostPort() == b.reporter().localAgentHostPort() &&
         a.reporter().endpoint() == b.reporter().endpoint() &&
         a.reporter().queueSize() == b.reporter().queueSize() &&
         a.reporter().bufferFlushInterval() == b.reporter().bufferFlushInterval() &&
         a.reporter().logSpans() == b.reporter().logSpans() &&
         a.reporter().user() == b.reporter().user() &&
         a.reporter().password() == b.reporter().password() &&
         a.reporter().authToken() == b.reporter().authToken();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing;
  static fuzz::LineEnvironment environment({std::begin(kVariables), std::end(kVariables)});
  environment.set(data, size);

  const auto config = fuzz::fromEnvUnlessRefused(sameConfig);
  if (config) fuzz::checkValidates(*config, "Config::fromEnv");
  return 0;
}
