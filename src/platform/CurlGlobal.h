// libcurl's process-wide initialization, shared by every part of the library that uses libcurl.
#ifndef JAEGERTRACING_SRC_PLATFORM_CURLGLOBAL_H
#define JAEGERTRACING_SRC_PLATFORM_CURLGLOBAL_H

#include <curl/curl.h>

namespace jaegertracing {
namespace detail {

// Calls curl_global_init once per process, before the first handle is made, and returns its
// result (the same on every call). curl_global_cleanup is never called: other code of the
// process may use libcurl too. Call it on the thread that builds the tracer, before any
// handle exists.
CURLcode initializeCurlGlobal();

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PLATFORM_CURLGLOBAL_H
