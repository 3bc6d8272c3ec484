// jaeger-tail's stand-in for a Jaeger collector's HTTP endpoint: POST /api/traces with a
// binary-protocol Batch (Content-Type application/x-thrift or application/vnd.apache.thrift.binary,
// format=jaeger.thrift if a format is given), as HttpSender and Jaeger's clients send it. Serves
// from its own threads; every batch goes to the handler and is answered 202. Anything else is
// answered 4xx with the reason as a text body, counted, and the endpoint keeps serving.
#ifndef JAEGERTRACING_TOOLS_TAIL_COLLECTORENDPOINT_H
#define JAEGERTRACING_TOOLS_TAIL_COLLECTORENDPOINT_H

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

class CollectorEndpoint {
 public:
  using BatchHandler = std::function<void(jaegertracing::thrift::Batch&&)>;

  // Larger bodies are refused (413) before they are read: four times HttpSender's default
  // maxBatchBytes, and a bound on what a bad client can make us allocate.
  static constexpr size_t kMaxBodyBytes = 4 << 20;
  // At most this many reasons are kept for errors(); rejectedRequests() counts them all.
  static constexpr size_t kKeptErrors = 1000;

  // Binds host:port (0: the OS picks) and starts serving. Throws std::runtime_error when it
  // cannot bind.
  CollectorEndpoint(const std::string& host, uint16_t port, BatchHandler onBatch);
  // stop()s.
  ~CollectorEndpoint();

  CollectorEndpoint(const CollectorEndpoint&) = delete;
  CollectorEndpoint& operator=(const CollectorEndpoint&) = delete;

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

#endif  // JAEGERTRACING_TOOLS_TAIL_COLLECTORENDPOINT_H
