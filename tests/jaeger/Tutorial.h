// The tutorial's three programs (examples/hello) run as a user runs them: no configuration file,
// so the tutorial's defaults apply (every trace sampled), and only the given JAEGER_* variables
// (where the spans go); every other JAEGER_* variable of the test's environment is blanked.
#ifndef JAEGERTRACING_TESTS_JAEGER_TUTORIAL_H
#define JAEGERTRACING_TESTS_JAEGER_TUTORIAL_H

#include <map>
#include <string>

namespace jaegertracing {
namespace testing {

struct TutorialRun {
  std::string formatterUrl;  // http://127.0.0.1:<port>
  std::string publisherUrl;
};

// Starts formatter and publisher on ports the OS picks, runs `starter Bryan` against them, then
// stops both servers with SIGTERM (they send their spans when they close their tracer). Failures
// are gtest failures (the caller checks HasFailure()).
TutorialRun runTutorial(const std::map<std::string, std::string>& reporting);

// The environment of a tutorial program: JAEGER_* blanked, then `reporting`.
std::map<std::string, std::string> tutorialEnvironment(
    const std::map<std::string, std::string>& reporting);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_JAEGER_TUTORIAL_H
