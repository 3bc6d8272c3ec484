// How the configuration's checks report a bad value: as a value (Checked), so that a caller
// can add context or try another source; only the entry points throw.
#ifndef JAEGERTRACING_CONFIG_CHECKED_H
#define JAEGERTRACING_CONFIG_CHECKED_H

#include <jaegertracing/ConfigError.h>

#include <string>
#include <system_error>
#include <utility>
// After <system_error>: expected.hpp uses std::error_code without including it.
#include <opentracing/expected/expected.hpp>

namespace jaegertracing {
namespace detail {
namespace config {

template <typename T>
using Checked = opentracing::expected<T, ConfigError>;

inline opentracing::unexpected_type<ConfigError> fail(std::string key, std::string value,
                                                      const std::string& why) {
  return opentracing::make_unexpected(ConfigError(std::move(key), std::move(value), why));
}

// The entry points (parse, fromEnv, validate) throw; everything below them returns Checked.
template <typename T>
T orThrow(Checked<T>&& checked) {
  if (!checked) {
    throw checked.error();
  }
  return std::move(*checked);
}
inline void orThrow(Checked<void>&& checked) {
  if (!checked) {
    throw checked.error();
  }
}

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_CHECKED_H
