#include "config/PropagationFormats.h"

#include <algorithm>

#include "config/ScalarParsing.h"

namespace jaegertracing {
namespace detail {
namespace config {
namespace {

constexpr const char* kKnownFormats = "(jaeger, w3c or b3)";

}  // namespace

Checked<propagation::Format> parsePropagationFormat(const std::string& key,
                                                    const std::string& text) {
  const auto name = toLower(trim(text));
  if (name == "jaeger") {
    return propagation::Format::JAEGER;
  }
  if (name == "w3c") {
    return propagation::Format::W3C;
  }
  if (name == "b3") {
    return propagation::Format::B3;
  }
  return fail(key, text, std::string("is not a propagation format ") + kKnownFormats);
}

Checked<std::vector<propagation::Format>> parsePropagationFormats(const std::string& key,
                                                                  const std::string& text) {
  std::vector<propagation::Format> formats;
  for (const auto& name : splitList(text, ',')) {
    const auto format = parsePropagationFormat(key, name);
    if (!format) {
      return fail(key, text, "has an unknown propagation format \"" + name + "\" " + kKnownFormats);
    }
    formats.push_back(*format);
  }
  if (formats.empty()) {
    return fail(key, text, std::string("names no propagation format ") + kKnownFormats);
  }
  return withoutRepeats(formats);
}

std::vector<propagation::Format> withoutRepeats(const std::vector<propagation::Format>& formats) {
  std::vector<propagation::Format> unique;
  for (const auto format : formats) {
    if (std::find(unique.begin(), unique.end(), format) == unique.end()) {
      unique.push_back(format);
    }
  }
  return unique;
}

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing
