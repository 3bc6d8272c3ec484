// Names shared by the configuration, the samplers and the spans: sampler types, the tags the
// tracer adds, and the default header names. Values match jaeger-client-cpp's.
#ifndef JAEGERTRACING_CONSTANTS_H
#define JAEGERTRACING_CONSTANTS_H

#include <jaegertracing/Version.h>

/// Defined, as in jaeger-client-cpp, because YAML configuration (Config::parse) is always built
/// in: code guarded by `#ifdef JAEGERTRACING_WITH_YAML_CPP` keeps working.
#define JAEGERTRACING_WITH_YAML_CPP 1

namespace jaegertracing {

/// The value of the process tag `jaeger.version`: `C++-` and JAEGERTRACING_VERSION.
inline constexpr const char* kJaegerClientVersion = "C++-" JAEGERTRACING_VERSION;
/// The process tag naming the client and its version.
inline constexpr const char* kJaegerClientVersionTagKey = "jaeger.version";
/// The default header that asks for a debug trace (`headers.jaegerDebugHeader`).
inline constexpr const char* kJaegerDebugHeader = "jaeger-debug-id";
/// The default header of baggage as `k1=v1, k2=v2` (`headers.jaegerBaggageHeader`).
inline constexpr const char* kJaegerBaggageHeader = "jaeger-baggage";
/// The process tag of the host's name.
inline constexpr const char* kTracerHostnameTagKey = "hostname";
/// The process tag of the host's IPv4 address.
inline constexpr const char* kTracerIPTagKey = "ip";
/// The tag of a sampled root span naming its sampler's type.
inline constexpr const char* kSamplerTypeTagKey = "sampler.type";
/// The tag of a sampled root span holding its sampler's parameter.
inline constexpr const char* kSamplerParamTagKey = "sampler.param";
/// The default trace context header (`headers.TraceContextHeaderName`).
inline constexpr const char* kTraceContextHeaderName = "uber-trace-id";
/// The default prefix of baggage headers (`headers.traceBaggageHeaderPrefix`).
inline constexpr const char* kTraceBaggageHeaderPrefix = "uberctx-";
/// `sampler.type`: the same decision for every trace (param 1: all, 0: none).
inline constexpr const char* kSamplerTypeConst = "const";
/// `sampler.type`: the strategy the agent serves, polled from `samplingServerURL`.
inline constexpr const char* kSamplerTypeRemote = "remote";
/// `sampler.type`: each trace with probability param.
inline constexpr const char* kSamplerTypeProbabilistic = "probabilistic";
/// `sampler.type`: at most param traces per second.
inline constexpr const char* kSamplerTypeRateLimiting = "ratelimiting";
/// The `sampler.type` tag of a span sampled by a per-operation strategy's lower bound.
inline constexpr const char* kSamplerTypeLowerBound = "lowerbound";

}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONSTANTS_H
