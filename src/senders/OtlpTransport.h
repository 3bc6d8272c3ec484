#ifndef JAEGERTRACING_SRC_SENDERS_OTLPTRANSPORT_H
#define JAEGERTRACING_SRC_SENDERS_OTLPTRANSPORT_H

#include <curl/curl.h>
#include <zlib.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/CurlEasy.h"
#include "platform/LogSafeText.h"
#include "senders/SendDeadline.h"

namespace jaegertracing {
namespace detail {

struct OtlpTransportOptions {
  // Where requests go, as given: http(s)://host:port/v1/traces.
  std::string url;
  // Sent with every request (authentication, tenancy); their values never reach a log.
  std::vector<std::pair<std::string, std::string>> headers;
  bool gzip = false;
  // PEM files: CA certificates instead of the system's; a client certificate and key (mTLS).
  std::string caFile;
  std::string clientCertificate;
  std::string clientKey;
  // One export, retries and waits included.
  std::chrono::milliseconds timeout{10000};
  // Waits between retries: exponential from initialBackoff, at most maxBackoff, jittered
  // within [1/2, 3/2] of the step, unless the server says when with Retry-After.
  std::chrono::milliseconds initialBackoff{1000};
  std::chrono::milliseconds maxBackoff{5000};
};

// What became of one export.
struct OtlpDelivery {
  bool delivered = false;
  long status = 0;  // the last answer's HTTP status; 0 when none came
  int attempts = 0;
  std::string failure;   // why it was not delivered: status and start of body, or error
  std::string response;  // the answer's body (its start, for a large one)
};

// Posts OTLP/HTTP requests with libcurl, under OTLP's delivery rules: 429, 502, 503, 504 and
// a failed connection are tried again, after Retry-After (seconds or an HTTP date) when the
// server gives it, else an exponential, jittered backoff; every other answer is final. Nothing
// is tried or waited for past the export timeout or the deadline Close() sets
// (Sender::giveUpAt). One libcurl handle keeps the connection alive between requests; with gzip,
// the body is compressed into a reused buffer. Reporter thread only.
class OtlpTransport {
 public:
  explicit OtlpTransport(OtlpTransportOptions options);
  ~OtlpTransport();

  OtlpTransport(const OtlpTransport&) = delete;
  OtlpTransport& operator=(const OtlpTransport&) = delete;

  // retryLimit: no retry starts after it (a waiting Flush()'s deadline; max() for none).
  OtlpDelivery post(std::string_view body, const char* contentType, const SendDeadline& deadline,
                    std::chrono::steady_clock::time_point retryLimit =
                        std::chrono::steady_clock::time_point::max());

  // From any thread: a request in progress looks at its deadline again at once.
  void wake() noexcept;

  // The bytes of the last request's body on the wire (compressed or not).
  size_t lastWireBytes() const { return lastWireBytes_; }
  const OtlpTransportOptions& options() const { return options_; }

 private:
  using Clock = std::chrono::steady_clock;

  // CURLOPT_XFERINFOFUNCTION: ends the request in progress at its deadline.
  static int checkDeadline(void* context, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

  bool connect(const char* contentType, std::string& failure);
  bool compress(std::string_view body, std::string& failure);
  std::chrono::milliseconds backoff(int retry);

  const OtlpTransportOptions options_;
  SecretRedactor redactor_;               // the headers' values
  std::unique_ptr<CurlEasy> connection_;  // reused across requests, so the connection stays open
  const SendDeadline* requestDeadline_ = nullptr;  // of the request in progress
  CURLM* multi_ = nullptr;   // made at construction: wake() may come before the first request
  std::string contentType_;  // of the connection's headers
  z_stream zlib_{};
  bool zlibReady_ = false;
  std::string compressed_;
  size_t lastWireBytes_ = 0;
  std::minstd_rand jitter_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_OTLPTRANSPORT_H
