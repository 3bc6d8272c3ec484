// Typed reading of one key of a YAML section, with the key's path for errors. A missing key,
// or one written without a value ("key:" or "key: ~"), reads as std::nullopt: the caller keeps
// its default. A value of the wrong type is a ConfigError quoting the scalar as written.
#ifndef JAEGERTRACING_CONFIG_YAMLREADING_H
#define JAEGERTRACING_CONFIG_YAMLREADING_H

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "config/ConfigValidation.h"

namespace jaegertracing {
namespace detail {
namespace config {

// A key of a section and its path: YamlField(node, "reporter", "queueSize") is the node's
// "queueSize" child named "reporter.queueSize"; an empty section path names the key alone.
struct YamlField {
  YamlField(const YAML::Node& section, const std::string& sectionPath, const std::string& name);

  std::string path;
  YAML::Node node;
};

// Undefined or null: nothing written.
bool isAbsent(const YAML::Node& node);
// The text to quote in an error: a scalar as written, anything else in flow style.
std::string nodeText(const YAML::Node& node);

// A section is a map, or absent; `path` names it in the error ("sampler: 5").
Checked<void> checkSection(const std::string& path, const YAML::Node& node);

Checked<std::optional<std::string>> readString(const YamlField& field);
Checked<std::optional<bool>> readBool(const YamlField& field);
Checked<std::optional<int>> readInt(const YamlField& field);
Checked<std::optional<double>> readNumber(const YamlField& field);
// A number of seconds, decimals allowed ("0.5"), within +-1e9 seconds.
Checked<std::optional<Duration>> readSeconds(const YamlField& field);

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_YAMLREADING_H
