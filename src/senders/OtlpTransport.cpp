#include "senders/OtlpTransport.h"

#include <curl/curl.h>

#include <algorithm>

#include "platform/CurlMultiTransfer.h"
#include "platform/CurlSockets.h"
#include "platform/LogSafeText.h"

namespace jaegertracing {
namespace detail {
namespace {

// Enough of an answer for a partial_success (a few numbers and a message) and an error page.
constexpr size_t kResponseBytes = 64 * 1024;
constexpr size_t kBodyExcerptBytes = 200;

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

// A Close() whose deadline passes aborts the request in progress: libcurl calls this at least
// once a second, and at every change in the transfer.
int OtlpTransport::checkDeadline(void* context, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto& transport = *static_cast<const OtlpTransport*>(context);
  return std::chrono::steady_clock::now() >= transport.requestDeadline_->get() ? 1 : 0;
}

OtlpTransport::OtlpTransport(OtlpTransportOptions options)
    : options_(std::move(options)), jitter_(std::random_device()()) {
  std::vector<std::string> secrets;
  for (const auto& header : options_.headers) secrets.push_back(header.second);
  redactor_ = SecretRedactor(std::move(secrets));
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
  CurlEasy& connection = *connection_;
  CURL* curl = connection.handle();
  requestDeadline_ = &deadline;
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
    connection.clearAnswer();
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
      delivery.failure = redactor_.redact(printable(connection.errorText(code)));
      retryable = isConnectionFailure(code);
    } else {
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &delivery.status);
      delivery.response = connection.body();
      if (delivery.status >= 200 && delivery.status < 300) {
        delivery.delivered = true;
        delivery.failure.clear();
        return delivery;
      }
      delivery.failure = "HTTP " + std::to_string(delivery.status);
      if (!connection.body().empty()) {
        delivery.failure +=
            ": " + redactor_.redact(printable(connection.body().substr(0, kBodyExcerptBytes)));
        if (connection.bodyBytes() > kBodyExcerptBytes) delivery.failure += "...";
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
  auto connection = CurlEasy::make(options_.url, CurlEasy::Sockets::kTrackedForFork,
                                   {kResponseBytes, /*failBeyond=*/false}, failure);
  if (!connection) return false;
  std::vector<std::string> headers;
  if (options_.gzip) headers.push_back("Content-Encoding: gzip");
  for (const auto& [name, value] : options_.headers) headers.push_back(name + ": " + value);
  connection->setUpPost(contentType, headers, options_.caFile);
  if (!options_.clientCertificate.empty()) {
    connection->set(CURLOPT_SSLCERT, options_.clientCertificate.c_str());
  }
  if (!options_.clientKey.empty()) connection->set(CURLOPT_SSLKEY, options_.clientKey.c_str());
  connection->set(CURLOPT_NOPROGRESS, 0L);
  connection->set(CURLOPT_XFERINFOFUNCTION, &OtlpTransport::checkDeadline);
  connection->set(CURLOPT_XFERINFODATA, static_cast<void*>(this));
  if (!connection->finishSetup(failure)) return false;
  connection_ = std::move(connection);
  contentType_ = contentType;
  return true;
}

}  // namespace detail
}  // namespace jaegertracing
