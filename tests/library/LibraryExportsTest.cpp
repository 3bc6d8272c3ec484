// libjaegertracing.so exports its public API and nothing else: the library is compiled with
// hidden visibility and include/jaegertracing marks the API JAEGERTRACING_API (Export.h). Read
// with nm from the built library, by mangled name (demangled names hold spaces).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "support/Process.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kLineDeadline = 30s;
constexpr auto kExitDeadline = 30s;

std::set<std::string> definedDynamicSymbols() {
  Process nm(
      {JAEGERTRACING_NM, "--dynamic", "--defined-only", "--format=posix", JAEGERTRACING_LIBRARY});
  std::set<std::string> names;
  while (auto line = nm.readLine(kLineDeadline)) {
    names.insert(line->substr(0, line->find(' ')));
  }
  const auto status = nm.wait(kExitDeadline);
  EXPECT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "nm " << (status ? describeStatus(*status) : "still runs");
  return names;
}

// What follows "13jaegertracing" in a name of ours: the public class or function it belongs to.
const std::vector<std::string> kPublicNames = {
    "6Config",
    "11ConfigError",
    "11SpanContext",
    "7TraceID",
    "3Tag",
    "6Tracer",
    "11TracerStats",
    "7logging6Logger",
    "7logging13consoleLogger",
    "7logging10nullLogger",
    "7baggage18RestrictionsConfig",
    "11propagation13HeadersConfig",
    "9reporters6Config",
    "8samplers6Config",
};

// A symbol of namespace jaegertracing itself (a function, or a class's vtable, typeinfo or
// typeinfo name), as opposed to a template instance that only takes our types as arguments.
bool isOurs(const std::string& name, std::string* rest) {
  for (const char* prefix : {"_ZN13jaegertracing", "_ZNK13jaegertracing", "_ZTVN13jaegertracing",
                             "_ZTIN13jaegertracing", "_ZTSN13jaegertracing"}) {
    const std::string p(prefix);
    if (name.compare(0, p.size(), p) == 0) {
      *rest = name.substr(p.size());
      return true;
    }
  }
  return false;
}

TEST(LibraryExportsTest, exportsOnlyThePublicApi) {
  const auto names = definedDynamicSymbols();
  int ours = 0;
  for (const auto& name : names) {
    std::string rest;
    if (!isOurs(name, &rest)) continue;
    ++ours;
    bool isPublic = false;
    for (const auto& publicName : kPublicNames) {
      isPublic = isPublic || rest.compare(0, publicName.size(), publicName) == 0;
    }
    EXPECT_TRUE(isPublic) << name << " is exported but is not part of include/jaegertracing";
  }
  // The check above reads mangled names: prove it sees ours.
  EXPECT_GT(ours, 0);
}

TEST(LibraryExportsTest, exportsWhatAUserCalls) {
  const auto names = definedDynamicSymbols();
  for (const char* name : {
           "_ZN13jaegertracing6Config5parseERKN4YAML4NodeE",  // Config::parse
           "_ZN13jaegertracing6Config7fromEnvEv",             // Config::fromEnv
           "_ZN13jaegertracing6Tracer4makeERKNS_6ConfigE",    // Tracer::make(Config)
           "_ZN13jaegertracing7logging13consoleLoggerEv",     // logging::consoleLogger
           "_ZNK13jaegertracing6Tracer5statsEv",              // Tracer::stats
           "_ZTIN13jaegertracing11ConfigErrorE",              // catch (ConfigError&)
           "_ZN13jaegertracing11propagation13HeadersConfig5parseERKN4YAML4NodeE",
       }) {
    EXPECT_EQ(names.count(name), 1u) << name << " is not exported";
  }
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
