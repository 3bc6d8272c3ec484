// The header formats the tracer injects and extracts.
#ifndef JAEGERTRACING_PROPAGATION_FORMAT_H
#define JAEGERTRACING_PROPAGATION_FORMAT_H

namespace jaegertracing {
namespace propagation {

enum class Format { JAEGER, W3C, B3 };

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PROPAGATION_FORMAT_H
