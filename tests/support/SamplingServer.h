// A Jaeger agent's sampling endpoint for tests (GET /sampling?service=NAME on the agent's HTTP
// port): it binds 127.0.0.1 on a port the OS picks (or a given one), serves from its own
// threads, records every request, and answers each with the status and body the test set last.
// Tests wait on its count of requests (polls), never on the clock.
#ifndef JAEGERTRACING_TESTS_SUPPORT_SAMPLINGSERVER_H
#define JAEGERTRACING_TESTS_SUPPORT_SAMPLINGSERVER_H

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "support/HttpTestServer.h"

namespace jaegertracing {
namespace testing {

class SamplingServer {
 public:
  struct Request {
    std::string method;
    std::string path;
    std::string target;                         // path and query as sent
    std::map<std::string, std::string> params;  // the query, decoded
  };

  // 0: the OS picks a free port. Throws std::runtime_error when it cannot be bound.
  explicit SamplingServer(uint16_t port = 0);

  uint16_t port() const { return server_.port(); }
  // http://127.0.0.1:<port>/sampling
  std::string url() const;

  // Answer every request from now on with this status and body (application/json). Until
  // the first call: 404 and no body. Returns the number of requests answered before.
  size_t respond(int status, const std::string& body);
  size_t respond(const std::string& strategyJson) { return respond(200, strategyJson); }
  // Hold every answer until release() or destruction: an agent that hangs.
  void hold() { server_.hold(); }
  void release() { server_.release(); }

  // Requests received so far (held ones included), and copies of them in arrival order.
  size_t polls() const;
  std::vector<Request> requests() const;
  // Waits until at least n requests arrived; false when the timeout came first.
  bool waitForPolls(size_t n, std::chrono::milliseconds timeout) const;

 private:
  // Under server_.lock().
  int status_ = 404;
  std::string body_;
  std::vector<Request> requests_;

  HttpTestServer server_;  // last: see HttpTestServer.h
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_SAMPLINGSERVER_H
