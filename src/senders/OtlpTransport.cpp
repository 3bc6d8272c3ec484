#include "senders/OtlpTransport.h"

#include <curl/curl.h>
#include <jaegertracing/Version.h>

#include <algorithm>

#include "platform/CurlMultiTransfer.h"
#include "senders/CurlSockets.h"

namespace jaegertracing {
namespace detail {
namespace {

// Enough of an answer for a partial_success (a few numbers and a message) and an error page.
constexpr size_t kResponseBytes = 64 * 1024;
constexpr size_t kBodyExcerptBytes = 200;
constexpr const char* kUserAgent = "jaegertracing-cpp/" JAEGERTRACING_VERSION;

bool isRetryableStatus(long status) {
  return status == 429 || status == 502 || status == 503 || status == 504;
}

// The connection failed before any answer: nothing reached the server's application.
bool isConnectionFailure(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      return true;
    default:
      return false;
  }
}

// Rounded up: libcurl reads a timeout of 0 ms as none at all.
long curlMilliseconds(std::chrono::steady_clock::duration duration) {
  return static_cast<long>(
      std::max<int64_t>(std::chrono::ceil<std::chrono::milliseconds>(duration).count(), 1));
}

}  // namespace

// One libcurl easy handle and what it points to. Reused across requests, so the connection
// stays open between batches.
struct OtlpTransport::Connection {
  CURL* handle = nullptr;
  curl_slist* headers = nullptr;
  char errorText[CURL_ERROR_SIZE] = {};
  std::string response;
  size_t responseBytes = 0;
  const SendDeadline* deadline = nullptr;  // of the request in progress

  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    if (handle != nullptr) curl_easy_cleanup(handle);
    curl_slist_free_all(headers);
  }

  static size_t keepResponse(char* data, size_t size, size_t count, void* context) {
    auto& connection = *static_cast<Connection*>(context);
    const size_t bytes = size * count;
    connection.responseBytes += bytes;
    if (connection.response.size() < kResponseBytes) {
      connection.response.append(data,
                                 std::min(bytes, kResponseBytes - connection.response.size()));
    }
    return bytes;
  }

  // A Close() whose deadline passes aborts the request in progress: libcurl calls
  // this at least once a second, and at every change in the transfer.
  static int checkDeadline(void* context, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto& connection = *static_cast<Connection*>(context);
    return std::chrono::steady_clock::now() >= connection.deadline->get() ? 1 : 0;
  }
};

OtlpTransport::OtlpTransport(OtlpTransportOptions options)
    : options_(std::move(options)), jitter_(std::random_device()()) {
  for (const auto& header : options_.headers) {
    if (!header.second.empty()) secrets_.push_back(header.second);
  }
  // Longest first, so a secret inside another does not leave the rest of the other visible.
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  // Now, on the thread of Tracer::make, rather than on the reporter's thread later.
  if (initializeLibcurl() == CURLE_OK) multi_ = curl_multi_init();
}

OtlpTransport::~OtlpTransport() {
  if (zlibReady_) deflateEnd(&zlib_);
  // The easy handle leaves the multi handle after each request; it goes first.
  connection_.reset();
  if (multi_ != nullptr) curl_multi_cleanup(multi_);
}

void OtlpTransport::wake() noexcept {
  if (multi_ != nullptr) curl_multi_wakeup(multi_);
}

OtlpDelivery OtlpTransport::post(std::string_view body, const char* contentType,
                                 const SendDeadline& deadline, Clock::time_point retryLimit) {
  OtlpDelivery delivery;
  const auto exportDeadline = Clock::now() + options_.timeout;
  if (options_.gzip) {
    if (!compress(body, delivery.failure)) return delivery;
    body = std::string_view(compressed_.data(), lastWireBytes_);
  }
  lastWireBytes_ = body.size();
  if ((!connection_ || contentType_ != contentType) && !connect(contentType, delivery.failure)) {
    return delivery;
  }
  Connection& connection = *connection_;
  CURL* curl = connection.handle;
  connection.deadline = &deadline;
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());

  for (int retry = 0;; ++retry) {
    // A retry also stops at a waiting Flush()'s deadline; the first attempt does not.
    const auto limit = retry == 0 ? std::min(exportDeadline, deadline.get())
                                  : std::min({exportDeadline, deadline.get(), retryLimit});
    const auto now = Clock::now();
    if (now >= limit) {
      if (delivery.failure.empty()) delivery.failure = "no time left before the deadline";
      return delivery;
    }
    const long remaining = curlMilliseconds(limit - now);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, remaining);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, remaining);
    connection.errorText[0] = '\0';
    connection.response.clear();
    connection.responseBytes = 0;
    ++delivery.attempts;

    if (multi_ == nullptr) {
      delivery.failure = "cannot create a libcurl multi handle";
      return delivery;
    }
    // In the multi handle rather than curl_easy_perform: a Close() deadline set from another
    // thread mid-request ends it at once (OtlpSender::interrupt wakes the wait).
    const CurlMultiOutcome outcome = performInMulti(multi_, curl, [&] { return deadline.get(); });
    if (outcome.gaveUp) {
      // Its connection is in an unknown state: the next request opens a new one.
      connection_.reset();
      delivery.failure = "the deadline of a Close() came first";
      return delivery;
    }
    if (outcome.multiCode != CURLM_OK || !outcome.done) {
      delivery.failure = std::string("libcurl: ") + curl_multi_strerror(outcome.multiCode);
      return delivery;
    }
    const CURLcode code = outcome.code;
    bool retryable = false;
    std::chrono::milliseconds retryAfter{-1};
    delivery.status = 0;
    if (code == CURLE_ABORTED_BY_CALLBACK) {
      delivery.failure = "the deadline of a Close() came first";
      return delivery;
    }
    if (code != CURLE_OK) {
      delivery.failure = redact(printable(
          connection.errorText[0] != '\0' ? connection.errorText : curl_easy_strerror(code)));
      retryable = isConnectionFailure(code);
    } else {
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &delivery.status);
      delivery.response = connection.response;
      if (delivery.status >= 200 && delivery.status < 300) {
        delivery.delivered = true;
        delivery.failure.clear();
        return delivery;
      }
      delivery.failure = "HTTP " + std::to_string(delivery.status);
      if (!connection.response.empty()) {
        delivery.failure +=
            ": " + redact(printable(connection.response.substr(0, kBodyExcerptBytes)));
        if (connection.responseBytes > kBodyExcerptBytes) delivery.failure += "...";
      }
      retryable = isRetryableStatus(delivery.status);
      // libcurl reads both forms of Retry-After: seconds, and an HTTP date (as seconds from
      // now); 0 when there is none.
      curl_off_t seconds = 0;
      if (retryable && curl_easy_getinfo(curl, CURLINFO_RETRY_AFTER, &seconds) == CURLE_OK &&
          seconds > 0) {
        retryAfter = std::chrono::seconds(seconds);
      }
    }
    if (!retryable) return delivery;

    const auto wait = retryAfter.count() >= 0 ? retryAfter : backoff(retry);
    const auto wake = Clock::now() + wait;
    if (wake >= std::min({exportDeadline, deadline.get(), retryLimit})) {
      delivery.failure +=
          " (not tried again: the timeout, or the deadline of a Flush() or Close(), comes first)";
      return delivery;
    }
    if (!deadline.sleepUntil(wake)) {
      delivery.failure += " (not tried again: the deadline of a Close() came first)";
      return delivery;
    }
  }
}

std::chrono::milliseconds OtlpTransport::backoff(int retry) {
  auto step = options_.initialBackoff;
  for (int i = 0; i < retry && step < options_.maxBackoff; ++i) step *= 2;
  step = std::min(step, options_.maxBackoff);
  // Jitter, so that clients refused together do not come back together.
  std::uniform_int_distribution<int64_t> spread(step.count() / 2, step.count() * 3 / 2);
  return std::chrono::milliseconds(spread(jitter_));
}

bool OtlpTransport::compress(std::string_view body, std::string& failure) {
  if (!zlibReady_) {
    // 15 + 16: a gzip wrapper around deflate. The fastest level: the reporter's thread is
    // better spent on spans than on the last few percent of bytes.
    if (deflateInit2(&zlib_, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      failure = "cannot initialize zlib";
      return false;
    }
    zlibReady_ = true;
  } else {
    deflateReset(&zlib_);
  }
  const size_t bound = deflateBound(&zlib_, static_cast<uLong>(body.size()));
  if (compressed_.size() < bound) compressed_.resize(bound);
  zlib_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  zlib_.avail_in = static_cast<uInt>(body.size());
  zlib_.next_out = reinterpret_cast<Bytef*>(compressed_.data());
  zlib_.avail_out = static_cast<uInt>(compressed_.size());
  if (deflate(&zlib_, Z_FINISH) != Z_STREAM_END) {
    failure = "cannot compress the request";
    return false;
  }
  lastWireBytes_ = zlib_.total_out;
  return true;
}

bool OtlpTransport::connect(const char* contentType, std::string& failure) {
  connection_.reset();
  if (const CURLcode init = initializeLibcurl(); init != CURLE_OK) {
    failure = std::string("cannot initialize libcurl: ") + curl_easy_strerror(init);
    return false;
  }
  auto connection = std::make_unique<Connection>();
  connection->handle = curl_easy_init();
  if (connection->handle == nullptr) {
    failure = "cannot create a libcurl handle";
    return false;
  }
  std::vector<std::string> headers = {std::string("Content-Type: ") + contentType,
                                      // No "Expect: 100-continue" wait before large bodies.
                                      "Expect:"};
  if (options_.gzip) headers.push_back("Content-Encoding: gzip");
  for (const auto& [name, value] : options_.headers) headers.push_back(name + ": " + value);
  for (const std::string& header : headers) {
    curl_slist* appended = curl_slist_append(connection->headers, header.c_str());
    if (appended == nullptr) {
      failure = "cannot build the request headers";
      return false;
    }
    connection->headers = appended;
  }

  CURL* curl = connection->handle;
  CURLcode code = CURLE_OK;
  const auto set = [&](CURLoption option, auto value) {
    if (code == CURLE_OK) code = curl_easy_setopt(curl, option, value);
  };
  set(CURLOPT_URL, options_.url.c_str());
#if LIBCURL_VERSION_NUM >= 0x075500
  set(CURLOPT_PROTOCOLS_STR, "http,https");
#else
  set(CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  // Redirects are not followed: the headers (credentials) go nowhere but the configured host.
  set(CURLOPT_POST, 1L);
  set(CURLOPT_HTTPHEADER, connection->headers);
  set(CURLOPT_USERAGENT, kUserAgent);
  // Timeouts without SIGALRM, which would hit any thread of the application.
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_SSL_VERIFYPEER, 1L);
  set(CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options_.caFile.empty()) set(CURLOPT_CAINFO, options_.caFile.c_str());
  if (!options_.clientCertificate.empty()) {
    set(CURLOPT_SSLCERT, options_.clientCertificate.c_str());
  }
  if (!options_.clientKey.empty()) set(CURLOPT_SSLKEY, options_.clientKey.c_str());
  set(CURLOPT_ERRORBUFFER, connection->errorText);
  set(CURLOPT_WRITEFUNCTION, &Connection::keepResponse);
  set(CURLOPT_WRITEDATA, static_cast<void*>(connection.get()));
  set(CURLOPT_NOPROGRESS, 0L);
  set(CURLOPT_XFERINFOFUNCTION, &Connection::checkDeadline);
  set(CURLOPT_XFERINFODATA, static_cast<void*>(connection.get()));
  set(CURLOPT_OPENSOCKETFUNCTION, &openTrackedSocket);
  set(CURLOPT_CLOSESOCKETFUNCTION, &closeTrackedSocket);
  if (code != CURLE_OK) {
    failure = std::string("cannot set up libcurl: ") + curl_easy_strerror(code);
    return false;
  }
  connection_ = std::move(connection);
  contentType_ = contentType;
  return true;
}

std::string OtlpTransport::redact(std::string text) const {
  for (const std::string& secret : secrets_) {
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

}  // namespace detail
}  // namespace jaegertracing
