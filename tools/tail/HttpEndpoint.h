// jaeger-tail's HTTP receivers, one per protocol (tail/CollectorRoute.h, tail/OtlpRoute.h): a
// server on its own threads that takes POSTs to one path, gives every batch in them to the
// handler, and answers anything else 4xx with the reason as a text body. Every rejection is
// counted, and the endpoint keeps serving.
#ifndef JAEGERTRACING_TOOLS_TAIL_HTTPENDPOINT_H
#define JAEGERTRACING_TOOLS_TAIL_HTTPENDPOINT_H

#include <jaeger_types.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace jaegertracing {
namespace tail {

class HttpEndpoint {
 public:
  using BatchHandler = std::function<void(jaegertracing::thrift::Batch&&)>;

  // What one protocol makes of the endpoint: the path it takes POSTs on, and how it reads them.
  struct Route {
    std::string name;    // "collector": in the error when the port cannot be bound
    std::string path;    // "/api/traces"
    std::string posted;  // "batches": the 404 answer says "POST batches to /api/traces"
    // Answers a POST to `path` (a rejection through reject()) and returns the batches it held;
    // none when it was rejected.
    std::function<std::vector<jaegertracing::thrift::Batch>(const httplib::Request&,
                                                            httplib::Response&)>
        read;
  };

  // Larger bodies are refused (413) before they are read: four times HttpSender's default
  // maxBatchBytes, and a bound on what a bad client can make us allocate.
  static constexpr size_t kMaxBodyBytes = 4 << 20;
  // At most this many reasons are kept for errors(); rejectedRequests() counts them all.
  static constexpr size_t kKeptErrors = 1000;

  // Binds host:port (0: the OS picks) and starts serving. Throws std::runtime_error when it
  // cannot bind.
  HttpEndpoint(const std::string& host, uint16_t port, Route route, BatchHandler onBatch);
  // stop()s.
  ~HttpEndpoint();

  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  // How every request is rejected: the status, and the reason as a text body.
  static void reject(httplib::Response& response, int status, const std::string& reason);

  uint16_t port() const { return port_; }
  // host:port as bound, IPv6 in brackets.
  std::string hostPort() const;

  // Stops serving and joins the threads, so that the counts below are final. Idempotent.
  void stop();

  size_t acceptedRequests() const;
  // Spans of every accepted batch.
  size_t receivedSpans() const;
  size_t rejectedRequests() const;
  // Why each rejected request was rejected, in the order they were answered (the first
  // kKeptErrors).
  std::vector<std::string> errors() const;

 private:
  void handlePost(const httplib::Request& request, httplib::Response& response);
  // Every response passes here, including those cpp-httplib gives itself to requests that are
  // not HTTP: the one place where requests are counted.
  void count(const httplib::Request& request, const httplib::Response& response);

  Route route_;
  BatchHandler onBatch_;
  std::unique_ptr<httplib::Server> server_;
  std::string host_;
  uint16_t port_ = 0;

  mutable std::mutex mutex_;
  size_t accepted_ = 0;
  size_t spans_ = 0;
  size_t rejected_ = 0;
  std::vector<std::string> errors_;

  std::atomic<bool> listenReturned_{false};
  std::thread thread_;
};

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_HTTPENDPOINT_H
