#include "platform/CurlGlobal.h"

#include <mutex>

namespace jaegertracing {
namespace detail {

CURLcode initializeCurlGlobal() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result;
}

}  // namespace detail
}  // namespace jaegertracing
