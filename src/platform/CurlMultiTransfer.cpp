#include "platform/CurlMultiTransfer.h"

#include <algorithm>
#include <cstdint>

namespace jaegertracing {
namespace detail {

CurlMultiOutcome performInMulti(
    CURLM* multi, CURL* easy,
    const std::function<std::chrono::steady_clock::time_point()>& giveUpAt) {
  using Clock = std::chrono::steady_clock;
  CurlMultiOutcome outcome;
  outcome.multiCode = curl_multi_add_handle(multi, easy);
  if (outcome.multiCode != CURLM_OK) return outcome;
  for (;;) {
    int running = 0;
    outcome.multiCode = curl_multi_perform(multi, &running);
    if (outcome.multiCode != CURLM_OK || running == 0) break;
    const auto until = giveUpAt();
    const auto now = Clock::now();
    if (now >= until) {
      outcome.gaveUp = true;
      break;
    }
    const auto left = until - now;  // after the test above: no overflow, even from min()
    const auto wait =
        std::min<int64_t>(1000, std::chrono::ceil<std::chrono::milliseconds>(left).count());
    outcome.multiCode = curl_multi_poll(multi, nullptr, 0, static_cast<int>(wait), nullptr);
    if (outcome.multiCode != CURLM_OK) break;
  }
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
    if (message->msg == CURLMSG_DONE && message->easy_handle == easy) {
      outcome.done = true;
      outcome.code = message->data.result;
    }
  }
  curl_multi_remove_handle(multi, easy);
  if (outcome.done) outcome.gaveUp = false;
  return outcome;
}

}  // namespace detail
}  // namespace jaegertracing
