#ifndef JAEGERTRACING_TESTS_SUPPORT_TESTTRACER_H
#define JAEGERTRACING_TESTS_SUPPORT_TESTTRACER_H

#include <jaegertracing/Tracer.h>

#include <memory>
#include <string>

#include "support/InMemoryReporter.h"
#include "tracer/TracerCore.h"
#include "tracer/TracerLifetime.h"

namespace jaegertracing {
namespace testing {

// A real tracer whose finished spans land in memory instead of the network.
struct TestTracer {
  std::shared_ptr<Tracer> tracer;
  detail::InMemoryReporter* reporter;

  static TestTracer make(const Config& config = Config(false, false, samplers::Config("const", 1)),
                         const std::string& serviceName = "test-service") {
    auto reporter = std::make_unique<detail::InMemoryReporter>();
    detail::InMemoryReporter* raw = reporter.get();
    auto tracer = detail::TracerLifetime::make(std::make_unique<detail::TracerCore>(
        serviceName, config, std::shared_ptr<logging::Logger>(logging::nullLogger()),
        std::move(reporter)));
    return TestTracer{std::move(tracer), raw};
  }
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_TESTTRACER_H
