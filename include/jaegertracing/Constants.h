// Names shared by the configuration, the samplers and the spans: sampler types, the tags the
// tracer adds, and the default header names. Values match jaeger-client-cpp's.
#ifndef JAEGERTRACING_CONSTANTS_H
#define JAEGERTRACING_CONSTANTS_H

#include <jaegertracing/Version.h>

namespace jaegertracing {

inline constexpr const char* kJaegerClientVersion = "C++-" JAEGERTRACING_VERSION;
inline constexpr const char* kJaegerClientVersionTagKey = "jaeger.version";
inline constexpr const char* kJaegerDebugHeader = "jaeger-debug-id";
inline constexpr const char* kJaegerBaggageHeader = "jaeger-baggage";
inline constexpr const char* kTracerHostnameTagKey = "hostname";
inline constexpr const char* kTracerIPTagKey = "ip";
inline constexpr const char* kSamplerTypeTagKey = "sampler.type";
inline constexpr const char* kSamplerParamTagKey = "sampler.param";
inline constexpr const char* kTraceContextHeaderName = "uber-trace-id";
inline constexpr const char* kTraceBaggageHeaderPrefix = "uberctx-";
inline constexpr const char* kSamplerTypeConst = "const";
inline constexpr const char* kSamplerTypeRemote = "remote";
inline constexpr const char* kSamplerTypeProbabilistic = "probabilistic";
inline constexpr const char* kSamplerTypeRateLimiting = "ratelimiting";
inline constexpr const char* kSamplerTypeLowerBound = "lowerbound";

}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONSTANTS_H
