// A logger that keeps every line the library logs, prefixed "ERROR: " or "INFO: ", so a test can
// assert on what an operator would read.
#ifndef JAEGERTRACING_TESTS_SUPPORT_CAPTURINGLOGGER_H
#define JAEGERTRACING_TESTS_SUPPORT_CAPTURINGLOGGER_H

#include <jaegertracing/Logging.h>

#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace testing {

class CapturingLogger final : public logging::Logger {
 public:
  void error(const std::string& message) override { add("ERROR: " + message); }
  void info(const std::string& message) override { add("INFO: " + message); }

  std::vector<std::string> lines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_;
  }
  std::vector<std::string> linesStartingWith(const std::string& prefix) const {
    std::vector<std::string> matching;
    for (const auto& line : lines()) {
      if (line.rfind(prefix, 0) == 0) matching.push_back(line);
    }
    return matching;
  }
  std::vector<std::string> errors() const { return linesStartingWith("ERROR: "); }

 private:
  void add(std::string line) {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.push_back(std::move(line));
  }

  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_CAPTURINGLOGGER_H
