#include "TracerFactory.h"

#include <jaegertracing/Config.h>
#include <jaegertracing/Logging.h>
#include <jaegertracing/Tracer.h>
#include <yaml-cpp/yaml.h>

#include <exception>
#include <memory>
#include <new>
#include <string>
#include <system_error>
#include <utility>

namespace jaegertracing {
namespace plugin {
namespace {

opentracing::expected<std::shared_ptr<opentracing::Tracer>> fail(std::error_code code,
                                                                 std::string& errorMessage,
                                                                 std::string message) {
  errorMessage = std::move(message);
  return opentracing::make_unexpected(code);
}

}  // namespace

opentracing::expected<std::shared_ptr<opentracing::Tracer>> TracerFactory::MakeTracer(
    const char* configuration, std::string& errorMessage) const noexcept {
  try {
    if (configuration == nullptr) {
      return fail(opentracing::invalid_configuration_error, errorMessage,
                  "configuration: no text given");
    }
    // JSON is YAML (flow style), so one parser reads what every host passes.
    YAML::Node document;
    try {
      document = YAML::Load(configuration);
    } catch (const YAML::Exception& error) {
      return fail(opentracing::configuration_parse_error, errorMessage,
                  std::string("configuration is neither JSON nor YAML: ") + error.what());
    }
    auto config = Config::parse(document);
    config.fromEnv();
    // A host has no way to hand us a logger; stderr is where its operator looks (HAProxy -db,
    // nginx's error log), and the tracer only writes there on start-up and once per outage.
    return Tracer::make(config.serviceName(), config, logging::consoleLogger());
  } catch (const std::bad_alloc&) {
    return fail(std::make_error_code(std::errc::not_enough_memory), errorMessage, "out of memory");
  } catch (const std::exception& error) {
    return fail(opentracing::invalid_configuration_error, errorMessage, error.what());
  } catch (...) {
    return fail(opentracing::invalid_configuration_error, errorMessage,
                "unknown error while making the tracer");
  }
}

}  // namespace plugin
}  // namespace jaegertracing
