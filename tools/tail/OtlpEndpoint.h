// jaeger-tail's OTLP/HTTP receiver: POST /v1/traces with an ExportTraceServiceRequest in
// protobuf or JSON, gzip or not, as the library's OTLP sender and OpenTelemetry's SDKs send
// it. Each request's spans go to the handler as Jaeger Batches (tail/OtlpToJaeger.h), so they
// show as Thrift spans do, and it is answered 200 with an empty ExportTraceServiceResponse.
// Anything else is answered 4xx with the reason as a text body, counted, and the endpoint
// keeps serving.
#ifndef JAEGERTRACING_TOOLS_TAIL_OTLPENDPOINT_H
#define JAEGERTRACING_TOOLS_TAIL_OTLPENDPOINT_H

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

class OtlpEndpoint {
 public:
  using BatchHandler = std::function<void(jaegertracing::thrift::Batch&&)>;

  // Larger bodies are refused (413) before they are read.
  static constexpr size_t kMaxBodyBytes = 4 << 20;
  static constexpr size_t kKeptErrors = 1000;

  // Binds host:port (0: the OS picks) and starts serving. Throws std::runtime_error when it
  // cannot bind.
  OtlpEndpoint(const std::string& host, uint16_t port, BatchHandler onBatch);
  ~OtlpEndpoint();

  OtlpEndpoint(const OtlpEndpoint&) = delete;
  OtlpEndpoint& operator=(const OtlpEndpoint&) = delete;

  uint16_t port() const { return port_; }
  std::string hostPort() const;
  void stop();

  size_t acceptedRequests() const;
  size_t receivedSpans() const;
  size_t rejectedRequests() const;
  std::vector<std::string> errors() const;

 private:
  void handlePost(const httplib::Request& request, httplib::Response& response);
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

#endif  // JAEGERTRACING_TOOLS_TAIL_OTLPENDPOINT_H
