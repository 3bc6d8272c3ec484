// Environment variables set or unset for a test's scope, and put back as they were afterwards,
// so that neither the shell running the tests nor an earlier test changes what a test sees.
#ifndef JAEGERTRACING_TESTS_SUPPORT_SCOPEDENVIRONMENT_H
#define JAEGERTRACING_TESTS_SUPPORT_SCOPEDENVIRONMENT_H

#include <stdlib.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace testing {

// Sets (a value) or unsets (nullopt) one variable for a scope and puts back what was there.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
    if (const char* old = ::getenv(name_.c_str())) old_ = old;
    set(value);
  }
  ~ScopedEnv() { set(old_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void set(const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name_.c_str(), value->c_str(), 1);
    } else {
      ::unsetenv(name_.c_str());
    }
  }

  std::string name_;
  std::optional<std::string> old_;
};

// Any number of variables changed for a scope: each put back on destruction, the last changed
// first, so a variable changed twice ends as it was before the first change.
class ScopedEnvironment {
 public:
  // Starts with every one of `cleared` unset.
  template <typename Names>
  explicit ScopedEnvironment(const Names& cleared) {
    for (const char* name : cleared) unset(name);
  }
  ScopedEnvironment() = default;
  ~ScopedEnvironment() {
    while (!changes_.empty()) changes_.pop_back();
  }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

  void set(const std::string& name, const std::string& value) {
    changes_.emplace_back(std::make_unique<ScopedEnv>(name, value));
  }
  void unset(const std::string& name) {
    changes_.emplace_back(std::make_unique<ScopedEnv>(name, std::nullopt));
  }

 private:
  std::vector<std::unique_ptr<ScopedEnv>> changes_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_SCOPEDENVIRONMENT_H
