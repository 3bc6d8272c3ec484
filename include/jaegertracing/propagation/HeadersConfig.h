// The names of the Jaeger propagation headers: the "headers:" section. Empty names fall back
// to the defaults.
#ifndef JAEGERTRACING_PROPAGATION_HEADERSCONFIG_H
#define JAEGERTRACING_PROPAGATION_HEADERSCONFIG_H

#include <jaegertracing/Constants.h>

#include <string>

namespace YAML {
class Node;
}

namespace jaegertracing {
namespace propagation {

class HeadersConfig {
 public:
  // Reads the "headers:" node. Throws ConfigError naming "headers.<key>" and the value.
  static HeadersConfig parse(const YAML::Node& node);

  HeadersConfig() : HeadersConfig("", "", "", "") {}
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

  const std::string& jaegerDebugHeader() const { return jaegerDebugHeader_; }
  const std::string& jaegerBaggageHeader() const { return jaegerBaggageHeader_; }
  const std::string& traceContextHeaderName() const { return traceContextHeaderName_; }
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
