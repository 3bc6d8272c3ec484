// The OpenTracing TracerFactory of the plugin: makes a Jaeger tracer from configuration text, as
// nginx-opentracing, Envoy and HAProxy pass it. The text is the YAML schema of Config::parse,
// written as JSON or as block-style YAML; the JAEGER_* variables then apply, as they did in
// jaeger-client-cpp's plugin.
#ifndef JAEGERTRACING_PLUGIN_TRACERFACTORY_H
#define JAEGERTRACING_PLUGIN_TRACERFACTORY_H

#include <opentracing/tracer_factory.h>

#include <memory>
#include <string>

namespace jaegertracing {
namespace plugin {

class TracerFactory final : public opentracing::TracerFactory {
 public:
  // Never throws. Text that is neither JSON nor YAML fails with configuration_parse_error, a bad
  // value (or a missing service_name) with invalid_configuration_error; errorMessage then says
  // which key and value, e.g. sampler.param: "1.5" is not in [0, 1].
  opentracing::expected<std::shared_ptr<opentracing::Tracer>> MakeTracer(
      const char* configuration, std::string& errorMessage) const noexcept override;
};

}  // namespace plugin
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PLUGIN_TRACERFACTORY_H
