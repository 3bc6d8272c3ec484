#ifndef JAEGERTRACING_SRC_SENDERS_HTTPSENDER_H
#define JAEGERTRACING_SRC_SENDERS_HTTPSENDER_H

#include <curl/curl.h>
#include <jaegertracing/Logging.h>
#include <thrift/protocol/TBinaryProtocol.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "metrics/Counters.h"
#include "platform/CurlEasy.h"
#include "platform/LogSafeText.h"
#include "senders/EncodeBuffer.h"
#include "senders/Sender.h"
#include "senders/ThriftSpanWriter.h"

namespace jaegertracing {
namespace detail {

struct HttpSenderOptions {
  // http(s)://[user:password@]host[:port]/path[?query], e.g. http://collector:14268/api/traces.
  std::string endpoint;
  // Basic auth when user is set; a non-empty authToken ("Authorization: Bearer") wins over it.
  std::string user;
  std::string password;
  std::string authToken;
  // PEM CA certificates for https instead of the system's; the peer and host are verified.
  std::string caFile;
  std::chrono::milliseconds connectTimeout{2000};
  std::chrono::milliseconds requestTimeout{5000};
  size_t maxBatchBytes = 1024 * 1024;
  size_t maxBatchSpans = 10000;
};

// Sends spans to a Jaeger collector: each request is a POST of one binary-protocol Batch
// (no message envelope) to the endpoint with format=jaeger.thrift. Spans are encoded once,
// straight into the reused request body; a batch is closed when the next span would take it
// past maxBatchBytes or maxBatchSpans, and a span that alone does not fit is dropped and
// counted. Each batch is tried once: an answer outside 2xx or a transport error counts its
// spans as failed. One libcurl handle, made on the first send, keeps the connection alive
// between requests. Logs never show the credentials.
//
// After fork() the child must not use or destroy an inherited HttpSender (the reporter
// abandons it and makes a new one): the child's copies of its sockets are closed at fork.
class HttpSender final : public Sender {
 public:
  HttpSender(HttpSenderOptions options, const std::string& serviceName,
             const std::vector<SpanTag>& processTags, Counters& counters, logging::Logger& logger);
  ~HttpSender() override;

  HttpSender(const HttpSender&) = delete;
  HttpSender& operator=(const HttpSender&) = delete;

  void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) override;

  // Bytes of a request body besides its spans: the Process, the field and list headers,
  // seqNo and ClientStats. Exact, as the binary protocol writes fixed-size numbers.
  size_t overheadBytes() const { return batchPrefix_.size() + trailerBytes_; }
  // Where requests go: the endpoint with format=jaeger.thrift.
  const std::string& requestUrl() const { return requestUrl_; }

 private:
  using Protocol = BinaryProtocol;

  void startBatch();
  void emitBatch();
  // seqNo, ClientStats from the counters, and the Batch's end: a fixed size.
  void writeTrailer();
  // Posts the body; on failure, says why (status and body, or the transport's error).
  bool post(std::string& failure);
  bool connect(std::string& failure);
  void interrupt() noexcept override;

  const HttpSenderOptions options_;
  const std::string requestUrl_;
  const std::string loggedUrl_;  // without user:password@
  // Every credential, for what the server or libcurl wrote.
  SecretRedactor redactor_;
  std::shared_ptr<EncodeBuffer> buffer_;  // the request body being built
  Protocol protocol_;
  std::string batchPrefix_;  // Batch fields up to the spans' list header
  size_t trailerBytes_ = 0;  // seqNo, stats and the Batch's stop
  std::string carry_;        // a span moved from a full batch to the next one
  uint32_t pendingSpans_ = 0;
  int64_t seqNo_ = 0;
  bool failing_ = false;
  std::unique_ptr<CurlEasy> connection_;  // reused across requests, so the connection stays open
  CURLM* multi_ = nullptr;  // made at construction: interrupt() may come before the first send
  Counters& counters_;
  logging::Logger& logger_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_HTTPSENDER_H
