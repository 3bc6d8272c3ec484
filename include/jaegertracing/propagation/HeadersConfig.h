// The names of the Jaeger propagation headers: the "headers:" section. Empty names fall back
// to the defaults.
#ifndef JAEGERTRACING_PROPAGATION_HEADERSCONFIG_H
#define JAEGERTRACING_PROPAGATION_HEADERSCONFIG_H

#include <jaegertracing/Constants.h>
#include <jaegertracing/Export.h>

#include <string>

namespace YAML {
class Node;
}

namespace jaegertracing {
namespace propagation {

/// The `headers:` section: the names of the Jaeger format's headers. An empty name means the
/// default.
class JAEGERTRACING_API HeadersConfig {
 public:
  /// Reads the `headers:` node.
  /// @throws ConfigError naming `headers.<key>` and the value
  static HeadersConfig parse(const YAML::Node& node);

  /// The default names.
  HeadersConfig() : HeadersConfig("", "", "", "") {}
  /// Names given in code, in jaeger-client-cpp's order; an empty one means the default.
  HeadersConfig(const std::string& jaegerDebugHeader, const std::string& jaegerBaggageHeader,
                const std::string& traceContextHeaderName,
                const std::string& traceBaggageHeaderPrefix)
      : jaegerDebugHeader_(jaegerDebugHeader.empty() ? kJaegerDebugHeader : jaegerDebugHeader),
        jaegerBaggageHeader_(jaegerBaggageHeader.empty() ? kJaegerBaggageHeader
                                                         : jaegerBaggageHeader),
        traceContextHeaderName_(traceContextHeaderName.empty() ? kTraceContextHeaderName
                                                               : traceContextHeaderName),
        traceBaggageHeaderPrefix_(traceBaggageHeaderPrefix.empty() ? kTraceBaggageHeaderPrefix
                                                                   : traceBaggageHeaderPrefix) {}

  /// `jaegerDebugHeader`, default `jaeger-debug-id`: asks for a debug trace.
  const std::string& jaegerDebugHeader() const { return jaegerDebugHeader_; }
  /// `jaegerBaggageHeader`, default `jaeger-baggage`: baggage as `k1=v1, k2=v2`, read only.
  const std::string& jaegerBaggageHeader() const { return jaegerBaggageHeader_; }
  /// `TraceContextHeaderName`, default `uber-trace-id`: the trace context.
  const std::string& traceContextHeaderName() const { return traceContextHeaderName_; }
  /// `traceBaggageHeaderPrefix`, default `uberctx-`: one header per baggage item.
  const std::string& traceBaggageHeaderPrefix() const { return traceBaggageHeaderPrefix_; }

 private:
  std::string jaegerDebugHeader_;
  std::string jaegerBaggageHeader_;
  std::string traceContextHeaderName_;
  std::string traceBaggageHeaderPrefix_;
};

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PROPAGATION_HEADERSCONFIG_H
