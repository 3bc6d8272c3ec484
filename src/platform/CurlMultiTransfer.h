#ifndef JAEGERTRACING_SRC_PLATFORM_CURLMULTITRANSFER_H
#define JAEGERTRACING_SRC_PLATFORM_CURLMULTITRANSFER_H

#include <curl/curl.h>

#include <chrono>
#include <functional>

namespace jaegertracing {
namespace detail {

// How one transfer ended.
struct CurlMultiOutcome {
  bool done = false;  // libcurl finished it; `code` says how
  CURLcode code = CURLE_OK;
  bool gaveUp = false;             // the caller's deadline came first: abandoned mid-transfer
  CURLMcode multiCode = CURLM_OK;  // a failure of the multi interface itself
};

// Runs the transfer of `easy` inside `multi` (which holds no other), instead of
// curl_easy_perform, so that another thread can end the wait: it re-reads `giveUpAt` each time
// curl_multi_poll returns, which is at the latest after a second (libcurl's own timers), at the
// deadline, or at once when the other thread calls curl_multi_wakeup(multi). The easy handle
// leaves the multi handle before this returns, and keeps its connection for reuse unless given
// up.
CurlMultiOutcome performInMulti(
    CURLM* multi, CURL* easy,
    const std::function<std::chrono::steady_clock::time_point()>& giveUpAt);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PLATFORM_CURLMULTITRANSFER_H
