// Debian's chromium, headless, for tests of the pages jaeger-tail writes: loads a file, lets its
// scripts run, and returns the DOM as HTML. Each call has a profile and home of its own under a
// fresh temporary directory, and a deadline; chromium's own chatter goes to a log file that is
// quoted when something goes wrong.
#ifndef JAEGERTRACING_TESTS_SUPPORT_HEADLESSCHROMIUM_H
#define JAEGERTRACING_TESTS_SUPPORT_HEADLESSCHROMIUM_H

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace jaegertracing {
namespace testing {

struct DumpedDom {
  bool ok = false;
  std::string dom;    // the serialized DOM after the page's scripts ran
  std::string error;  // when not ok: why, with the end of chromium's log
};

// `chromium`: the executable (JAEGERTRACING_CHROMIUM); a missing one is an error, not a skip.
DumpedDom dumpDom(const std::string& chromium, const std::filesystem::path& page,
                  std::chrono::seconds deadline = std::chrono::seconds(90));

// The opening tags of the elements with `attribute` in a serialized DOM, in document order, each
// as its attributes (entities in values decoded). Enough for the DOM chromium serializes; not a
// general HTML parser.
std::vector<std::map<std::string, std::string>> elementsWithAttribute(const std::string& dom,
                                                                      const std::string& attribute);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_HEADLESSCHROMIUM_H
