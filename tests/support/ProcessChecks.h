// GoogleTest checks on a child process (support/Process) that the end-to-end tests share: the
// URL a server of examples/hello (or its Node.js twin) announces, and how a process exits.
#ifndef JAEGERTRACING_TESTS_SUPPORT_PROCESSCHECKS_H
#define JAEGERTRACING_TESTS_SUPPORT_PROCESSCHECKS_H

#include <chrono>
#include <string>

#include "support/Process.h"

namespace jaegertracing {
namespace testing {

// The server's URL from its first line, "listening on 127.0.0.1:<port>"; empty, and a failure
// that names `what` (when given), if it did not say so within `deadline`.
std::string listeningUrl(Process& server, std::chrono::milliseconds deadline,
                         const std::string& what = "");

// Fails the test unless `process` exits with `code` within `deadline`; `what` names it.
void expectExitsWith(Process& process, int code, std::chrono::milliseconds deadline,
                     const std::string& what);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_PROCESSCHECKS_H
