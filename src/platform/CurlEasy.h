#ifndef JAEGERTRACING_SRC_PLATFORM_CURLEASY_H
#define JAEGERTRACING_SRC_PLATFORM_CURLEASY_H

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace jaegertracing {
namespace detail {

// One libcurl easy handle set up as every HTTP client of the library uses it (the collector's
// sender, the OTLP transport, the remote sampler's poller), and what it points to: its header
// list, its error buffer and the answer's body. Made with the options they share: the URL over
// http or https only, no redirect followed (libcurl's default: a 3xx is a failure, and
// credentials go nowhere but the configured host), our user agent, no signals, close-on-exec
// sockets. Each user adds its own options (the method, timeouts, authentication) with set() and
// ends with finishSetup(). The handle is reused across transfers; it leaves any multi handle
// before it is destroyed (performInMulti sees to that).
class CurlEasy {
 public:
  enum class Sockets {
    // For a handle that keeps its connection alive: a forked child closes its copies
    // (CurlSockets.h).
    kTrackedForFork,
    // For a handle that keeps none (CURLOPT_FORBID_REUSE).
    kCloseOnExec,
  };
  // How much of an answer's body is kept.
  struct BodyLimit {
    size_t bytes;
    // Beyond `bytes`, false keeps the start and counts the rest (an excerpt for the log); true
    // fails the transfer (CURLE_WRITE_ERROR) and sets bodyTooLarge().
    bool failBeyond;
  };

  // nullptr, and why in `failure`, when libcurl cannot be initialized or the handle made.
  static std::unique_ptr<CurlEasy> make(const std::string& url, Sockets sockets,
                                        BodyLimit bodyLimit, std::string& failure);
  ~CurlEasy();

  CurlEasy(const CurlEasy&) = delete;
  CurlEasy& operator=(const CurlEasy&) = delete;

  // One more option; once one failed, the rest are skipped and finishSetup() says so.
  template <typename Value>
  void set(CURLoption option, Value value) {
    if (setupCode_ == CURLE_OK) setupCode_ = curl_easy_setopt(handle_, option, value);
  }
  // The senders' request: a POST with "Content-Type: contentType" and `headers` (whole lines),
  // to a peer whose certificate and host name are verified, against the CA certificates of
  // the PEM file caFile instead of the system's when it is not empty.
  void setUpPost(const std::string& contentType, const std::vector<std::string>& headers,
                 const std::string& caFile);
  // After the options: false, and why in `failure`, when one could not be set.
  bool finishSetup(std::string& failure) const;

  CURL* handle() const { return handle_; }

  // Before each transfer: forgets the last answer and error.
  void clearAnswer();
  // The answer's body as kept (see BodyLimit), and how many bytes of it came.
  const std::string& body() const { return body_; }
  size_t bodyBytes() const { return bodyBytes_; }
  bool bodyTooLarge() const { return bodyTooLarge_; }
  // Why a transfer ended with `code`, in libcurl's words: its error buffer, else the code's
  // description.
  const char* errorText(CURLcode code) const;

 private:
  explicit CurlEasy(BodyLimit bodyLimit) : bodyLimit_(bodyLimit) {}

  static size_t keepBody(char* data, size_t size, size_t count, void* context);

  CURL* handle_ = nullptr;
  curl_slist* headers_ = nullptr;
  bool headersFailed_ = false;
  CURLcode setupCode_ = CURLE_OK;
  const BodyLimit bodyLimit_;
  char errorBuffer_[CURL_ERROR_SIZE] = {};
  std::string body_;
  size_t bodyBytes_ = 0;
  bool bodyTooLarge_ = false;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PLATFORM_CURLEASY_H
