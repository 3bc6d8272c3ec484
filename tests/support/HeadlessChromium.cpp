#include "support/HeadlessChromium.h"

#include <sys/wait.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

#include "support/Process.h"
#include "support/TempDirectory.h"

namespace jaegertracing {
namespace testing {
namespace {

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string logTail(const std::filesystem::path& log) {
  const std::string text = readFile(log);
  constexpr size_t kShown = 2000;
  return text.size() <= kShown ? text : "..." + text.substr(text.size() - kShown);
}

std::string decodeEntities(std::string text) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", "\xc2\xa0"}, {"&amp;", "&"}};
  for (const auto& [entity, character] : kEntities) {
    for (size_t at = text.find(entity); at != std::string::npos;
         at = text.find(entity, at + std::char_traits<char>::length(character))) {
      text.replace(at, std::char_traits<char>::length(entity), character);
    }
  }
  return text;
}

}  // namespace

DumpedDom dumpDom(const std::string& chromium, const std::filesystem::path& page,
                  std::chrono::seconds deadline) {
  DumpedDom result;
  if (chromium.empty() || !std::filesystem::exists(chromium)) {
    result.error = "no chromium at \"" + chromium +
                   "\": the page cannot be checked (scripts/bootstrap installs Debian's chromium)";
    return result;
  }
  const TempDirectory home;
  const auto log = home.path() / "chromium.log";
  // A shell only to send chromium's stderr (D-Bus and GPU complaints) to the log.
  Process browser({"/bin/sh", "-c", "exec \"$@\" 2>\"$CHROMIUM_LOG\"", "sh", chromium, "--headless",
                   "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                   "--no-default-browser-check", "--disable-extensions",
                   "--user-data-dir=" + (home.path() / "profile").string(),
                   // Lets timers and scripts finish without waiting in real time.
                   "--virtual-time-budget=5000", "--dump-dom",
                   "file://" + std::filesystem::absolute(page).string()},
                  {{"CHROMIUM_LOG", log.string()},
                   {"HOME", home.path().string()},
                   {"XDG_CONFIG_HOME", (home.path() / "config").string()},
                   {"XDG_CACHE_HOME", (home.path() / "cache").string()}});

  const auto until = std::chrono::steady_clock::now() + deadline;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      break;
    }
    const auto line = browser.readLine(left);
    if (!line) {
      break;  // end of output, or the deadline
    }
    result.dom += *line;
    result.dom += '\n';
  }
  const auto status = browser.wait(std::chrono::seconds(10));
  if (!status) {
    result.error = "chromium did not finish within " + std::to_string(deadline.count()) +
                   " s; its log:\n" + logTail(log);
  } else if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    result.error = "chromium " + describeStatus(*status) + "; its log:\n" + logTail(log);
  } else if (result.dom.find("<html") == std::string::npos) {
    result.error = "chromium printed no DOM; its log:\n" + logTail(log);
  } else {
    result.ok = true;
  }
  return result;
}

std::vector<std::map<std::string, std::string>> elementsWithAttribute(
    const std::string& dom, const std::string& attribute) {
  // A scanner rather than std::regex, whose recursion grows with the input.
  const auto isNameChar = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == ':' ||
           c == '.';
  };
  std::vector<std::map<std::string, std::string>> elements;
  for (size_t at = dom.find('<'); at != std::string::npos; at = dom.find('<', at)) {
    ++at;
    if (at >= dom.size() || std::isalpha(static_cast<unsigned char>(dom[at])) == 0) {
      continue;  // a closing tag, a comment, a doctype
    }
    while (at < dom.size() && isNameChar(dom[at])) {
      ++at;
    }
    std::map<std::string, std::string> parsed;
    // Serialized attributes: name, or name="value" with '"' written as &quot;.
    while (at < dom.size() && dom[at] != '>') {
      if (!isNameChar(dom[at])) {
        ++at;
        continue;
      }
      const size_t nameStart = at;
      while (at < dom.size() && isNameChar(dom[at])) {
        ++at;
      }
      const std::string name = dom.substr(nameStart, at - nameStart);
      std::string value;
      if (dom.compare(at, 2, "=\"") == 0) {
        const size_t close = dom.find('"', at + 2);
        if (close == std::string::npos) {
          return elements;
        }
        value = decodeEntities(dom.substr(at + 2, close - at - 2));
        at = close + 1;
      }
      parsed[name] = value;
    }
    if (parsed.count(attribute) != 0) {
      elements.push_back(std::move(parsed));
    }
  }
  return elements;
}

}  // namespace testing
}  // namespace jaegertracing
