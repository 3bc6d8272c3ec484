#include <jaegertracing/Logging.h>

#include <cstdio>

namespace jaegertracing {
namespace logging {
namespace {

class ConsoleLogger final : public Logger {
 public:
  // One fprintf per line so lines from several threads do not interleave.
  void error(const std::string& message) override {
    std::fprintf(stderr, "ERROR: %s\n", message.c_str());
  }
  void info(const std::string& message) override {
    std::fprintf(stderr, "INFO: %s\n", message.c_str());
  }
};

class NullLogger final : public Logger {
 public:
  void error(const std::string&) override {}
  void info(const std::string&) override {}
};

}  // namespace

std::unique_ptr<Logger> consoleLogger() { return std::make_unique<ConsoleLogger>(); }
std::unique_ptr<Logger> nullLogger() { return std::make_unique<NullLogger>(); }

}  // namespace logging
}  // namespace jaegertracing
