// The plugin's entry point, the one symbol it exports (export.map): what
// opentracing::DynamicallyLoadTracingLibrary looks up after dlopen.
#include <opentracing/dynamic_load.h>
#include <opentracing/version.h>

#include <cstring>
#include <new>
#include <string>
#include <system_error>

#include "TracerFactory.h"

namespace {

// The host passes the opentracing-cpp it was compiled against. Types such as Tracer and Span
// cross the boundary, so their layout must be the one we were compiled against: as every known
// plugin (jaeger-client-cpp, Datadog, LightStep) does, accept exactly our version and ABI.
int makeTracerFactory(const char* opentracingVersion, const char* opentracingAbiVersion,
                      const void** errorCategory, void* errorMessage, void** tracerFactory) {
  if (errorCategory == nullptr || tracerFactory == nullptr) {
    return static_cast<int>(std::errc::invalid_argument);
  }
  if (opentracingVersion == nullptr || opentracingAbiVersion == nullptr ||
      std::strcmp(opentracingVersion, OPENTRACING_VERSION) != 0 ||
      std::strcmp(opentracingAbiVersion, OPENTRACING_ABI_VERSION) != 0) {
    if (errorMessage != nullptr) {
      // The contract types error_message as void*: opentracing-cpp passes a std::string.
      *static_cast<std::string*>(errorMessage) =
          std::string("libjaegertracing_plugin was built for OpenTracing ") + OPENTRACING_VERSION +
          " (ABI " + OPENTRACING_ABI_VERSION + "), the host uses " +
          (opentracingVersion != nullptr ? opentracingVersion : "an unknown version") + " (ABI " +
          (opentracingAbiVersion != nullptr ? opentracingAbiVersion : "unknown") + ")";
    }
    *errorCategory = &opentracing::dynamic_load_error_category();
    return opentracing::incompatible_library_versions_error.value();
  }
  *tracerFactory = new (std::nothrow) jaegertracing::plugin::TracerFactory();
  if (*tracerFactory == nullptr) {
    *errorCategory = &std::generic_category();
    return static_cast<int>(std::errc::not_enough_memory);
  }
  return 0;
}

}  // namespace

// Everything else is compiled with hidden visibility; the hook must be visible to dlsym.
#pragma GCC visibility push(default)
OPENTRACING_DECLARE_IMPL_FACTORY(makeTracerFactory)
#pragma GCC visibility pop
