// What the configuration fuzz targets share: environment variables set from an input, fromEnv's
// promise for a refusal, and the check that what Config accepted, Tracer::make's own check
// (detail::validate) accepts too.
#ifndef JAEGERTRACING_FUZZ_CONFIGFUZZSUPPORT_H
#define JAEGERTRACING_FUZZ_CONFIGFUZZSUPPORT_H

#include <jaegertracing/Config.h>
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "FuzzSupport.h"
#include "config/ConfigValidation.h"

namespace jaegertracing {
namespace fuzz {

// Sets variables from arbitrary text: each line sets one of `names`, chosen by its first byte,
// to the rest of the line; the others are unset. The order of `names` is what the seed corpus
// means: append, never reorder.
class LineEnvironment {
 public:
  explicit LineEnvironment(std::vector<const char*> names)
      : names_(std::move(names)), entries_(names_.size()) {}

  void set(const uint8_t* data, std::size_t size) {
    for (const char* name : names_) unsetenv(name);
    std::string_view input(reinterpret_cast<const char*>(data), size);
    while (!input.empty()) {
      const std::size_t newline = input.find('\n');
      const std::string_view line = input.substr(0, newline);
      input = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
      if (line.empty()) continue;
      const std::size_t index = static_cast<unsigned char>(line[0]) % names_.size();
      // putenv with strings kept here, not setenv: glibc keeps every value setenv was ever
      // given, which over millions of inputs reaches libFuzzer's RSS limit. Out of the
      // environment before its string changes. A C string: a NUL ends the value, as in a real
      // environment.
      unsetenv(names_[index]);
      entries_[index] = std::string(names_[index]) + "=" + std::string(line.substr(1));
      putenv(entries_[index].data());
    }
  }

 private:
  std::vector<const char*> names_;
  std::vector<std::string> entries_;  // putenv's strings, one a variable
};

// Config::fromEnv on a default Config, or nullopt when it refused: a refusal must name a key
// and leave the config as it was, which `unchanged(after, before)` judges.
template <typename Unchanged>
std::optional<Config> fromEnvUnlessRefused(const Unchanged& unchanged) {
  Config config;
  const Config before = config;
  try {
    config.fromEnv();
  } catch (const ConfigError& error) {
    FUZZ_CHECK(!error.key.empty());
    FUZZ_CHECK(unchanged(config, before));
    return std::nullopt;
  }
  return config;
}

// Aborts, so libFuzzer keeps the input, when `config`, which `reader` ("Config::parse")
// accepted, fails detail::validate. Tracer::make requires a service name; the rest must pass
// as the reader left it.
inline void checkValidates(const Config& config, const char* reader) {
  const std::string serviceName =
      config.serviceName().find_first_not_of(" \t\n\r\f\v") == std::string::npos
          ? std::string("fuzz")
          : config.serviceName();
  try {
    detail::validate(config, serviceName);
  } catch (const ConfigError& error) {
    std::fprintf(stderr, "%s accepted what validate refuses: %s\n", reader, error.what());
    std::abort();
  }
}

}  // namespace fuzz
}  // namespace jaegertracing

#endif  // JAEGERTRACING_FUZZ_CONFIGFUZZSUPPORT_H
