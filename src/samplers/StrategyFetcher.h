#ifndef JAEGERTRACING_SRC_SAMPLERS_STRATEGYFETCHER_H
#define JAEGERTRACING_SRC_SAMPLERS_STRATEGYFETCHER_H

#include <curl/curl.h>

#include <atomic>
#include <memory>
#include <string>

#include "platform/CurlEasy.h"

namespace jaegertracing {
namespace detail {

// The remote sampler's request: GET the strategy from the agent (or the sampling manager),
// with one libcurl handle made once, in a multi handle of its own, so that close() can end a
// request in progress (wake) instead of waiting for its timeout. No connection is kept
// between requests. The polling thread's, but for wake().
class StrategyFetcher {
 public:
  // Throws std::runtime_error saying what failed.
  explicit StrategyFetcher(const std::string& url);
  ~StrategyFetcher();

  StrategyFetcher(const StrategyFetcher&) = delete;
  StrategyFetcher& operator=(const StrategyFetcher&) = delete;

  // Gets the answer's body into body(), or says why not. Gives up at once, mid-request, when
  // `stopping` is or becomes true (see wake).
  bool fetch(const std::atomic<bool>& stopping, std::string& failure);
  const std::string& body() const { return easy_->body(); }

  // From any thread, after setting `stopping`: a fetch in progress looks at it at once.
  void wake() noexcept;

 private:
  std::unique_ptr<CurlEasy> easy_;
  CURLM* multi_ = nullptr;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_STRATEGYFETCHER_H
