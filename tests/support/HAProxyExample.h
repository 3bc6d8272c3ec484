// examples/haproxy run as a user runs it: Debian's HAProxy with the OpenTracing filter and our
// plugin, in front of a backend server in the test, reporting to `agentHostPort`. The example's
// own files are the templates: only ports and paths are replaced, so the example is what is
// tested. HAProxy cannot report a port the OS picked: a free one is picked, and HAProxy is
// started again on another when it could not bind it.
//
// Only in builds without ASan or TSan: HAProxy is not instrumented, and refuses a plugin built
// with them ("ASan runtime does not come first in initial library list").
#ifndef JAEGERTRACING_TESTS_SUPPORT_HAPROXYEXAMPLE_H
#define JAEGERTRACING_TESTS_SUPPORT_HAPROXYEXAMPLE_H

#if defined(JAEGERTRACING_PLUGIN) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)

#include <httplib.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/HttpTestServer.h"
#include "support/Process.h"
#include "support/TempDirectory.h"

namespace jaegertracing {
namespace testing {

// What the backend answers to every GET.
inline constexpr const char* kHAProxyBackendAnswer = "hello from the backend";

// A web server on 127.0.0.1 that answers every GET and keeps the headers of each request.
class RecordingBackend {
 public:
  RecordingBackend();

  int port() const { return server_.port(); }
  std::vector<httplib::Headers> requests() const;

 private:
  std::vector<httplib::Headers> requests_;  // under server_.lock()
  HttpTestServer server_;                   // last: see HttpTestServer.h
};

class HAProxyExample {
 public:
  // Fails the test (ADD_FAILURE) in get() when HAProxy is not installed.
  explicit HAProxyExample(std::string agentHostPort);

  // Sends GET `target` through HAProxy, started on a free port, retrying while it is not yet
  // listening. HAProxy keeps running; nullopt when it never answered (the test has failed).
  std::optional<httplib::Response> get(const std::string& target);

  // A soft stop (SIGUSR1): HAProxy ends once idle, and the filter closes the tracer on the way
  // out. The raw exit status, or nullopt when it still runs at the deadline.
  std::optional<int> stop(std::chrono::milliseconds deadline);

  const RecordingBackend& backend() const { return backend_; }

 private:
  std::unique_ptr<Process> start(int frontendPort);

  std::string agentHostPort_;
  TempDirectory directory_;
  RecordingBackend backend_;
  std::unique_ptr<Process> haproxy_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PLUGIN, no ASan, no TSan
#endif  // JAEGERTRACING_TESTS_SUPPORT_HAPROXYEXAMPLE_H
