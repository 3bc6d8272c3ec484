// A Jaeger collector's HTTP endpoint for tests: POST /api/traces?format=jaeger.thrift with a
// binary-protocol Batch. It binds 127.0.0.1 on a port the OS picks (or a given one), serves
// from its own threads, and decodes every body with the generated Thrift types, which are the
// reference decoder. A request that breaks the protocol (method, path, query, content type,
// credentials, a body that is not exactly one Batch) is answered 400 and its problem recorded.
#ifndef JAEGERTRACING_TESTS_SUPPORT_COLLECTORSERVER_H
#define JAEGERTRACING_TESTS_SUPPORT_COLLECTORSERVER_H

#include <jaeger_types.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "support/HttpTestServer.h"

namespace jaegertracing {
namespace testing {

class CollectorServer {
 public:
  // What one request looked like, whether or not it was accepted.
  struct Request {
    std::string method;
    std::string target;  // path and query as sent
    std::string authorization;
    std::string contentType;
    size_t bodyBytes = 0;
    int remotePort = -1;  // the client's side of the connection: equal for a reused one
    int status = 0;       // what the collector answered
  };

  // 0: the OS picks a free port. Throws std::runtime_error when it cannot be bound.
  explicit CollectorServer(uint16_t port = 0);

  uint16_t port() const { return server_.port(); }
  // http://127.0.0.1:<port>/api/traces
  std::string endpoint() const;

  // The Authorization header every request must carry; empty: any or none.
  void expectAuthorization(const std::string& value);
  // Answer well-formed requests with this status and body (default 202, empty).
  void answer(int status, const std::string& body = "");
  // Hold every answer until the server is destroyed or resume(): a collector that hangs.
  void hang() { server_.hold(); }
  // Answers the held requests, and the later ones at once again.
  void resume() { server_.release(); }

  // Copies taken under the lock, in arrival order.
  std::vector<jaegertracing::thrift::Batch> batches() const;
  std::vector<jaegertracing::thrift::Span> spans() const;
  std::vector<Request> requests() const;
  // Why each rejected request was rejected.
  std::vector<std::string> errors() const;

  // Waits until at least n spans (of accepted batches) or n requests arrived; false when the
  // timeout came first.
  bool waitForSpans(size_t n, std::chrono::milliseconds timeout) const;
  bool waitForRequests(size_t n, std::chrono::milliseconds timeout) const;

 private:
  struct Reply {
    int status;
    std::string body;
  };
  Reply handle(const std::string& method, const std::string& path, const std::string& target,
               const std::string& query, const std::string& contentType,
               const std::string& authorization, const std::string& body, int remotePort);

  // Under server_.lock().
  std::string expectedAuthorization_;
  int status_ = 202;
  std::string body_;
  std::vector<jaegertracing::thrift::Batch> batches_;
  size_t spanCount_ = 0;
  std::vector<Request> requests_;
  std::vector<std::string> errors_;

  HttpTestServer server_;  // last: see HttpTestServer.h
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_COLLECTORSERVER_H
