#ifndef JAEGERTRACING_SRC_PLATFORM_CURLSOCKETS_H
#define JAEGERTRACING_SRC_PLATFORM_CURLSOCKETS_H

#include <curl/curl.h>

namespace jaegertracing {
namespace detail {

// The sockets libcurl opens for the library, through CURLOPT_OPENSOCKETFUNCTION: close-on-exec,
// and for the handles that keep a connection alive between requests (the HTTP senders'),
// tracked so that a forked child closes its copies (see CurlSockets.cpp). CurlEasy sets them.

// libcurl's process-wide initialization and the fork handler for the tracked sockets, once.
CURLcode initializeLibcurl();
// CURLOPT_OPENSOCKETFUNCTION and CURLOPT_CLOSESOCKETFUNCTION of a handle whose sockets are
// tracked.
curl_socket_t openTrackedSocket(void*, curlsocktype, curl_sockaddr* address);
int closeTrackedSocket(void*, curl_socket_t fd);
// CURLOPT_OPENSOCKETFUNCTION of a handle that keeps no connection (CURLOPT_FORBID_REUSE):
// close-on-exec only.
curl_socket_t openCloseOnExecSocket(void*, curlsocktype, curl_sockaddr* address);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PLATFORM_CURLSOCKETS_H
