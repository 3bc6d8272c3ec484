#include "ConfigTemplates.h"

namespace jaegertracing {
namespace compare {
namespace {

// A const sampler; a queue that holds the whole 100,000-span burst; the agent compare runs.
constexpr const char* kJaegerTemplate = R"({
  "service_name": "{{SERVICE}}",
  "sampler": {"type": "const", "param": {{SAMPLED}}},
  "reporter": {
    "queueSize": 100000,
    "bufferFlushInterval": 1,
    "localAgentHostPort": "127.0.0.1:{{JAEGER_AGENT_PORT}}"
  }
})";

// dd-opentracing-cpp's JSON keys. Its sampling rules decide the sampling priority; a trace of
// priority "reject" is still recorded and sent to the agent, which drops it.
constexpr const char* kDatadogTemplate = R"({
  "service": "{{SERVICE}}",
  "agent_host": "127.0.0.1",
  "agent_port": {{DATADOG_AGENT_PORT}},
  "sampling_rules": [{"sample_rate": {{SAMPLE_RATE}}}]
})";

}  // namespace

const std::vector<NamedTemplate>& defaultTemplates() {
  static const std::vector<NamedTemplate> templates = {
      {"jaegertracing", kJaegerTemplate},
      {"jaeger-client-cpp", kJaegerTemplate},
      {"datadog", kDatadogTemplate},
  };
  return templates;
}

std::string defaultTemplate(const std::string& name) {
  for (const NamedTemplate& known : defaultTemplates()) {
    if (known.name == name) return known.text;
  }
  return "";
}

}  // namespace compare
}  // namespace jaegertracing
