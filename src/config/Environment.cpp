#include "config/Environment.h"

#include <cstdlib>
#include <limits>

#include "config/ScalarParsing.h"

namespace jaegertracing {
namespace detail {
namespace config {
namespace {

// "${VAR}" or "${VAR:default}" resolved; any other text as it is.
Checked<std::string> resolveReference(const std::string& name, const std::string& text,
                                      const std::string& value) {
  if (value.size() < 3 || value.compare(0, 2, "${") != 0 || value.back() != '}') {
    return value;
  }
  const auto reference = value.substr(2, value.size() - 3);
  const auto colon = reference.find(':');
  const auto variable = trim(reference.substr(0, colon));
  if (variable.empty()) {
    return fail(name, text, "has no variable name in \"" + value + "\"");
  }
  if (const auto resolved = envRawValue(variable.c_str())) {
    return *resolved;
  }
  return colon == std::string::npos ? std::string() : reference.substr(colon + 1);
}

}  // namespace

std::optional<std::string> envValue(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) {
    return std::nullopt;
  }
  auto trimmed = trim(value);
  if (trimmed.empty()) {
    return std::nullopt;
  }
  return trimmed;
}

std::optional<std::string> envRawValue(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    return std::nullopt;
  }
  return std::string(value);
}

Checked<std::optional<bool>> envBool(const char* name) {
  const auto text = envValue(name);
  if (!text) {
    return std::optional<bool>();
  }
  const auto value = parseBool(*text);
  if (!value) {
    return fail(name, *text, "is not a boolean (true, false, 1 or 0)");
  }
  return value;
}

Checked<std::optional<int>> envInt(const char* name) {
  const auto text = envValue(name);
  if (!text) {
    return std::optional<int>();
  }
  const auto value = parseInteger(*text);
  if (!value) {
    return fail(name, *text, "is not an integer");
  }
  if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max()) {
    return fail(name, *text, "is out of range");
  }
  return std::optional<int>(static_cast<int>(*value));
}

Checked<std::optional<double>> envNumber(const char* name) {
  const auto text = envValue(name);
  if (!text) {
    return std::optional<double>();
  }
  const auto value = parseNumber(*text);
  if (!value) {
    return fail(name, *text, "is not a number");
  }
  return value;
}

Checked<std::vector<Tag>> parseEnvTags(const std::string& name, const std::string& text) {
  std::vector<Tag> tags;
  for (const auto& item : splitList(text, ',')) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      return fail(name, text, "has an item without '=': \"" + item + "\"");
    }
    auto key = trim(item.substr(0, equals));
    if (key.empty()) {
      return fail(name, text, "has an item without a key: \"" + item + "\"");
    }
    auto value = resolveReference(name, text, trim(item.substr(equals + 1)));
    if (!value) {
      return opentracing::make_unexpected(value.error());
    }
    tags.emplace_back(std::move(key), std::move(*value));
  }
  return tags;
}

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing
