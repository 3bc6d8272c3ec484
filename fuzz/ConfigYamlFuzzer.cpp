// Config::parse on whatever YAML::Load makes of arbitrary text. Parse may refuse a document with
// a ConfigError (or a yaml-cpp exception); anything else escaping, or a crash, is a bug. What
// parse accepts, Tracer::make's own check (detail::validate) must accept too.
#include <jaegertracing/Config.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "ConfigFuzzSupport.h"
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing;
  YAML::Node document;
  try {
    document = YAML::Load(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const YAML::Exception&) {
    return 0;
  }

  Config config;
  try {
    config = Config::parse(document);
  } catch (const ConfigError& error) {
    FUZZ_CHECK(!error.key.empty());
    return 0;
  } catch (const YAML::Exception&) {
    return 0;
  }

  fuzz::checkValidates(config, "Config::parse");
  FUZZ_CHECK(!config.propagationFormats().empty());
  return 0;
}
