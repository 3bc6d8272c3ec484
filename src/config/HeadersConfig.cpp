#include <jaegertracing/propagation/HeadersConfig.h>

#include "config/ConfigValidation.h"
#include "config/YamlReading.h"

namespace jaegertracing {
namespace propagation {
namespace {

namespace cfg = detail::config;

constexpr const char* kSection = "headers";

// A header name, or "" for the default (the constructor's fallback).
std::string readHeaderName(const YAML::Node& node, const char* name) {
  const cfg::YamlField field(node, kSection, name);
  const auto text = cfg::orThrow(cfg::readString(field)).value_or("");
  if (!text.empty()) {
    cfg::orThrow(cfg::checkHeaderName(field.path, text));
  }
  return text;
}

}  // namespace

HeadersConfig HeadersConfig::parse(const YAML::Node& node) {
  cfg::orThrow(cfg::checkSection(kSection, node));
  // Key spellings are jaeger-client-cpp's, including the capital T.
  const auto jaegerDebugHeader = readHeaderName(node, "jaegerDebugHeader");
  const auto jaegerBaggageHeader = readHeaderName(node, "jaegerBaggageHeader");
  const auto traceContextHeaderName = readHeaderName(node, "TraceContextHeaderName");
  const auto traceBaggageHeaderPrefix = readHeaderName(node, "traceBaggageHeaderPrefix");
  HeadersConfig headers(jaegerDebugHeader, jaegerBaggageHeader, traceContextHeaderName,
                        traceBaggageHeaderPrefix);
  cfg::orThrow(cfg::checkHeaderNamesApart(headers));
  return headers;
}

}  // namespace propagation
}  // namespace jaegertracing
