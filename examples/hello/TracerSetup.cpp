#include "TracerSetup.h"

#include <jaegertracing/Config.h>
#include <jaegertracing/ConfigError.h>
#include <jaegertracing/Logging.h>
#include <jaegertracing/Tracer.h>
#include <yaml-cpp/yaml.h>

#include <iostream>

namespace hello {

namespace {

// The tutorial's initJaeger: every trace sampled (const, 1) and each span logged, so the first
// run of the three programs gives a trace in Jaeger. The library's own default, the remote
// sampler at 0.1% until its first poll answers, would drop the starter's root span.
jaegertracing::Config tutorialConfig() {
  return jaegertracing::Config(
      false, false, jaegertracing::samplers::Config(jaegertracing::kSamplerTypeConst, 1),
      jaegertracing::reporters::Config(
          jaegertracing::reporters::Config::kDefaultQueueSize,
          jaegertracing::reporters::Config::defaultBufferFlushInterval(), true));
}

}  // namespace

std::shared_ptr<opentracing::Tracer> setUpTracer(const std::string& serviceName,
                                                 const std::string& configFile) {
  try {
    jaegertracing::Config config = tutorialConfig();
    if (!configFile.empty()) {
      config = jaegertracing::Config::parse(YAML::LoadFile(configFile));
    }
    config.fromEnv();
    std::shared_ptr<opentracing::Tracer> tracer =
        jaegertracing::Tracer::make(serviceName, config, jaegertracing::logging::consoleLogger());
    opentracing::Tracer::InitGlobal(tracer);
    return tracer;
  } catch (const jaegertracing::ConfigError& e) {
    std::cerr << serviceName << ": bad configuration: " << e.what() << std::endl;
  } catch (const YAML::Exception& e) {
    // A missing file or a YAML syntax error, with its line and column.
    std::cerr << serviceName << ": cannot read " << configFile << ": " << e.what() << std::endl;
  } catch (const std::exception& e) {
    std::cerr << serviceName << ": cannot start the tracer: " << e.what() << std::endl;
  }
  return nullptr;
}

const char* optionValue(int argc, char** argv, int& i) {
  if (i + 1 >= argc) {
    std::cerr << argv[0] << ": " << argv[i] << " needs a value" << std::endl;
    return nullptr;
  }
  return argv[++i];
}

int parsePort(const std::string& text) {
  if (text.empty() || text.size() > 5 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  const int port = std::stoi(text);
  return port <= 65535 ? port : -1;
}

}  // namespace hello
