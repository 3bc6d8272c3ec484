#include "samplers/StrategyFetcher.h"

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string_view>

#include "platform/CurlMultiTransfer.h"
#include "platform/LogSafeText.h"

namespace jaegertracing {
namespace detail {
namespace {

constexpr long kConnectTimeoutMillis = 1000;
constexpr long kRequestTimeoutMillis = 5000;
// A strategy for thousands of operations is a few hundred kilobytes.
constexpr size_t kMaxAnswerBytes = 8 * 1024 * 1024;
constexpr size_t kBodyExcerptChars = 200;

std::string excerpt(std::string_view text, size_t limit) {
  return oneLine(text.substr(0, limit)) + (text.size() > limit ? "..." : "");
}

}  // namespace

StrategyFetcher::StrategyFetcher(const std::string& url) {
  std::string failure;
  easy_ = CurlEasy::make(url, CurlEasy::Sockets::kCloseOnExec,
                         {kMaxAnswerBytes, /*failBeyond=*/true}, failure);
  if (!easy_) throw std::runtime_error(failure);
  easy_->set(CURLOPT_HTTPGET, 1L);
  easy_->set(CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMillis);
  easy_->set(CURLOPT_TIMEOUT_MS, kRequestTimeoutMillis);
  // One request a refresh interval gains nothing from a kept connection, and a forked child
  // then inherits none.
  easy_->set(CURLOPT_FORBID_REUSE, 1L);
  if (!easy_->finishSetup(failure)) throw std::runtime_error(failure);
  multi_ = curl_multi_init();
  if (multi_ == nullptr) throw std::runtime_error("cannot create a libcurl multi handle");
}

StrategyFetcher::~StrategyFetcher() {
  if (multi_ != nullptr) curl_multi_cleanup(multi_);
}

void StrategyFetcher::wake() noexcept { curl_multi_wakeup(multi_); }

bool StrategyFetcher::fetch(const std::atomic<bool>& stopping, std::string& failure) {
  easy_->clearAnswer();
  const CurlMultiOutcome outcome = performInMulti(multi_, easy_->handle(), [&stopping] {
    return stopping.load(std::memory_order_acquire) ? std::chrono::steady_clock::time_point::min()
                                                    : std::chrono::steady_clock::time_point::max();
  });
  if (outcome.gaveUp) {
    failure = "stopped";
    return false;
  }
  if (outcome.multiCode != CURLM_OK || !outcome.done) {
    failure = std::string("libcurl: ") + curl_multi_strerror(outcome.multiCode);
    return false;
  }
  const CURLcode result = outcome.code;
  if (result != CURLE_OK) {
    if (easy_->bodyTooLarge()) {
      failure = "the answer is larger than " + std::to_string(kMaxAnswerBytes) + " bytes";
    } else {
      failure = easy_->errorText(result);
    }
    return false;
  }
  long status = 0;
  curl_easy_getinfo(easy_->handle(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) {
    failure = "HTTP " + std::to_string(status);
    if (!easy_->body().empty()) failure += ": " + excerpt(easy_->body(), kBodyExcerptChars);
    return false;
  }
  return true;
}

}  // namespace detail
}  // namespace jaegertracing
