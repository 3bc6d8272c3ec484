#include "TracerSource.h"

#include <opentracing/noop.h>

#include <utility>

namespace jaegertracing {
namespace compare {
namespace {

void replaceAll(std::string& text, const std::string& placeholder, const std::string& value) {
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
}

}  // namespace

std::string substitute(const std::string& configTemplate, const RunSettings& settings) {
  std::string text = configTemplate;
  replaceAll(text, "{{SAMPLED}}", settings.sampled ? "1" : "0");
  replaceAll(text, "{{SAMPLE_RATE}}", settings.sampled ? "1.0" : "0.0");
  replaceAll(text, "{{JAEGER_AGENT_PORT}}", std::to_string(settings.jaegerAgentPort));
  replaceAll(text, "{{DATADOG_AGENT_PORT}}", std::to_string(settings.datadogAgentPort));
  replaceAll(text, "{{SERVICE}}", settings.serviceName);
  return text;
}

TracerSource::TracerSource(std::string name,
                           std::shared_ptr<opentracing::DynamicTracingLibraryHandle> library,
                           std::string configTemplate)
    : name_(std::move(name)),
      library_(std::move(library)),
      configTemplate_(std::move(configTemplate)) {}

std::unique_ptr<TracerSource> TracerSource::noop(std::string name) {
  return std::unique_ptr<TracerSource>(new TracerSource(std::move(name), nullptr, ""));
}

std::unique_ptr<TracerSource> TracerSource::plugin(std::string name, const std::string& path,
                                                   std::string configTemplate, std::string& error) {
  std::string loadError;
  auto handle = opentracing::DynamicallyLoadTracingLibrary(path.c_str(), loadError);
  if (!handle) {
    error = name + ": cannot load " + path + ": " + handle.error().message() +
            (loadError.empty() ? "" : " (" + loadError + ")");
    return nullptr;
  }
  auto library = std::make_shared<opentracing::DynamicTracingLibraryHandle>(std::move(*handle));
  return std::unique_ptr<TracerSource>(
      new TracerSource(std::move(name), std::move(library), std::move(configTemplate)));
}

std::shared_ptr<opentracing::Tracer> TracerSource::make(const RunSettings& settings,
                                                        std::string& error) const {
  if (!library_) return opentracing::MakeNoopTracer();
  const std::string configuration = substitute(configTemplate_, settings);
  std::string makeError;
  auto tracer = library_->tracer_factory().MakeTracer(configuration.c_str(), makeError);
  if (!tracer || *tracer == nullptr) {
    error = name_ + ": MakeTracer refused the configuration " + configuration + ": " +
            (tracer ? "no tracer" : tracer.error().message()) +
            (makeError.empty() ? "" : " (" + makeError + ")");
    return nullptr;
  }
  return *tracer;
}

}  // namespace compare
}  // namespace jaegertracing
