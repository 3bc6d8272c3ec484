#ifndef JAEGERTRACING_SRC_SENDERS_CURLSOCKETS_H
#define JAEGERTRACING_SRC_SENDERS_CURLSOCKETS_H

#include <curl/curl.h>

#include <string>

namespace jaegertracing {
namespace detail {

// What the HTTP senders (Jaeger's collector, OTLP) share about libcurl: the sockets they open
// are tracked so that a forked child closes its copies (see CurlSockets.cpp), and libcurl is
// initialized once for the process.

// libcurl's process-wide initialization and the fork handler, once.
CURLcode initializeLibcurl();
// CURLOPT_OPENSOCKETFUNCTION and CURLOPT_CLOSESOCKETFUNCTION.
curl_socket_t openTrackedSocket(void*, curlsocktype, curl_sockaddr* address);
int closeTrackedSocket(void*, curl_socket_t fd);

// One line for the log: no line breaks or control characters from the server.
std::string printable(const std::string& text);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_CURLSOCKETS_H
