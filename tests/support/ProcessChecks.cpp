#include "support/ProcessChecks.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

namespace jaegertracing {
namespace testing {

std::string listeningUrl(Process& server, std::chrono::milliseconds deadline,
                         const std::string& what) {
  const std::string prefix = "listening on ";
  const auto line = server.readLine(deadline);
  if (!line || line->rfind(prefix, 0) != 0) {
    ADD_FAILURE() << (what.empty() ? "" : what + ": ")
                  << "expected \"listening on 127.0.0.1:<port>\", got "
                  << (line ? "\"" + *line + "\"" : "nothing");
    return "";
  }
  return "http://" + line->substr(prefix.size());
}

void expectExitsWith(Process& process, int code, std::chrono::milliseconds deadline,
                     const std::string& what) {
  const auto status = process.wait(deadline);
  ASSERT_TRUE(status) << what << " still runs after "
                      << std::chrono::duration_cast<std::chrono::seconds>(deadline).count() << " s";
  ASSERT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == code)
      << what << " " << describeStatus(*status) << ", expected exit " << code;
}

}  // namespace testing
}  // namespace jaegertracing
