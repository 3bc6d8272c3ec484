// A tracer to compare, as the program sees it: a name and a way to make an opentracing::Tracer
// for a run. Either OpenTracing's no-op tracer (the floor), or an OpenTracing 1.6 plugin (a
// shared object exporting OpenTracingMakeTracerFactory) given a configuration text made from a
// template at run time. The program knows nothing else of any tracer.
#ifndef JAEGERTRACING_BENCH_COMPARE_TRACERSOURCE_H
#define JAEGERTRACING_BENCH_COMPARE_TRACERSOURCE_H

#include <opentracing/dynamic_load.h>
#include <opentracing/tracer.h>

#include <cstdint>
#include <memory>
#include <string>

namespace jaegertracing {
namespace compare {

// What a configuration template may ask for; each {{NAME}} is replaced by its value.
struct RunSettings {
  bool sampled = true;                  // {{SAMPLED}}: 1 or 0; {{SAMPLE_RATE}}: 1.0 or 0.0
  uint16_t jaegerAgentPort = 0;         // {{JAEGER_AGENT_PORT}}: Jaeger agent, UDP compact protocol
  uint16_t datadogAgentPort = 0;        // {{DATADOG_AGENT_PORT}}: Datadog agent, HTTP msgpack
  std::string serviceName = "compare";  // {{SERVICE}}
};

// The template with every placeholder replaced; an unknown {{NAME}} is left as it is.
std::string substitute(const std::string& configTemplate, const RunSettings& settings);

class TracerSource {
 public:
  static std::unique_ptr<TracerSource> noop(std::string name);
  // Loads the plugin now, so a bad path fails before anything is measured. On failure returns
  // nullptr and says why in error.
  static std::unique_ptr<TracerSource> plugin(std::string name, const std::string& path,
                                              std::string configTemplate, std::string& error);

  const std::string& name() const { return name_; }
  bool isNoop() const { return !library_; }

  // A new tracer for one run; nullptr and error when the plugin refuses the configuration.
  std::shared_ptr<opentracing::Tracer> make(const RunSettings& settings, std::string& error) const;

 private:
  TracerSource(std::string name, std::shared_ptr<opentracing::DynamicTracingLibraryHandle> library,
               std::string configTemplate);

  std::string name_;
  // Null for the no-op tracer. Shared: every copy keeps the library loaded while its tracers
  // may live.
  std::shared_ptr<opentracing::DynamicTracingLibraryHandle> library_;
  std::string configTemplate_;
};

}  // namespace compare
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_COMPARE_TRACERSOURCE_H
