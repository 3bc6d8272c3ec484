// Reading the JAEGER_* variables. A variable that is unset, empty or blank changes nothing; a
// malformed one is a ConfigError naming the variable and quoting its value.
#ifndef JAEGERTRACING_CONFIG_ENVIRONMENT_H
#define JAEGERTRACING_CONFIG_ENVIRONMENT_H

#include <jaegertracing/Tag.h>

#include <optional>
#include <string>
#include <vector>

#include "config/ConfigValidation.h"

namespace jaegertracing {
namespace detail {
namespace config {

// The value without surrounding blanks; nullopt when there is nothing left.
std::optional<std::string> envValue(const char* name);
// The value as set, for credentials whose blanks may matter; nullopt when unset or empty.
std::optional<std::string> envRawValue(const char* name);

// true, false, 1 or 0, in any case.
Checked<std::optional<bool>> envBool(const char* name);
Checked<std::optional<int>> envInt(const char* name);
Checked<std::optional<double>> envNumber(const char* name);

// JAEGER_TAGS' "k=v,k2=v2": keys and values trimmed, every value a string. A value written
// "${VAR}" or "${VAR:default}" is VAR's value, or the default (empty without one) when VAR is
// unset or empty. An item without "=" or with an empty key is an error naming `name`.
Checked<std::vector<Tag>> parseEnvTags(const std::string& name, const std::string& text);

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_ENVIRONMENT_H
