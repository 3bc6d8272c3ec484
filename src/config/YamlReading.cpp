#include "config/YamlReading.h"

#include <cmath>
#include <limits>

#include "config/ScalarParsing.h"

namespace jaegertracing {
namespace detail {
namespace config {
namespace {

// Far beyond any sensible interval, and far from overflowing nanoseconds in an int64_t.
constexpr double kMaxSeconds = 1e9;

// The scalar's text, or the error for a map or a list where a scalar belongs.
Checked<std::string> scalar(const YamlField& field) {
  if (!field.node.IsScalar()) {
    return fail(field.path, nodeText(field.node), "is not a single value");
  }
  return field.node.Scalar();
}

}  // namespace

YamlField::YamlField(const YAML::Node& section, const std::string& sectionPath,
                     const std::string& name)
    : path(sectionPath.empty() ? name : sectionPath + "." + name),
      // Indexing anything but a map throws (a zombie node) or inserts (a mutable null node).
      node(section.IsDefined() && section.IsMap() ? section[name] : YAML::Node()) {}

bool isAbsent(const YAML::Node& node) { return !node.IsDefined() || node.IsNull(); }

std::string nodeText(const YAML::Node& node) {
  if (isAbsent(node)) {
    return "";
  }
  if (node.IsScalar()) {
    return node.Scalar();
  }
  YAML::Emitter emitter;
  emitter.SetMapFormat(YAML::Flow);
  emitter.SetSeqFormat(YAML::Flow);
  emitter << node;
  return emitter.c_str();
}

Checked<void> checkSection(const std::string& path, const YAML::Node& node) {
  if (!isAbsent(node) && !node.IsMap()) {
    return fail(path, nodeText(node), "is not a map of keys and values");
  }
  return {};
}

Checked<std::optional<std::string>> readString(const YamlField& field) {
  if (isAbsent(field.node)) {
    return std::optional<std::string>();
  }
  auto text = scalar(field);
  if (!text) {
    return opentracing::make_unexpected(text.error());
  }
  return std::optional<std::string>(std::move(*text));
}

Checked<std::optional<bool>> readBool(const YamlField& field) {
  if (isAbsent(field.node)) {
    return std::optional<bool>();
  }
  const auto text = scalar(field);
  if (!text) {
    return opentracing::make_unexpected(text.error());
  }
  const auto value = parseYamlBool(trim(*text));
  if (!value) {
    return fail(field.path, *text, "is not a boolean (true or false)");
  }
  return value;
}

Checked<std::optional<int>> readInt(const YamlField& field) {
  if (isAbsent(field.node)) {
    return std::optional<int>();
  }
  const auto text = scalar(field);
  if (!text) {
    return opentracing::make_unexpected(text.error());
  }
  const auto value = parseInteger(trim(*text));
  if (!value) {
    return fail(field.path, *text, "is not an integer");
  }
  if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max()) {
    return fail(field.path, *text, "is out of range");
  }
  return std::optional<int>(static_cast<int>(*value));
}

Checked<std::optional<double>> readNumber(const YamlField& field) {
  if (isAbsent(field.node)) {
    return std::optional<double>();
  }
  const auto text = scalar(field);
  if (!text) {
    return opentracing::make_unexpected(text.error());
  }
  const auto value = parseNumber(trim(*text));
  if (!value) {
    return fail(field.path, *text, "is not a number");
  }
  return value;
}

Checked<std::optional<Duration>> readSeconds(const YamlField& field) {
  const auto seconds = readNumber(field);
  if (!seconds) {
    return opentracing::make_unexpected(seconds.error());
  }
  if (!*seconds) {
    return std::optional<Duration>();
  }
  if (std::fabs(**seconds) > kMaxSeconds) {
    return fail(field.path, nodeText(field.node), "is out of range (seconds)");
  }
  return std::optional<Duration>(
      std::chrono::duration_cast<Duration>(std::chrono::duration<double>(**seconds)));
}

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing
