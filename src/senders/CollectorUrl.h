#ifndef JAEGERTRACING_SRC_SENDERS_COLLECTORURL_H
#define JAEGERTRACING_SRC_SENDERS_COLLECTORURL_H

#include <string>

namespace jaegertracing {
namespace detail {

// The URL the HTTP sender posts to: the configured endpoint with "format=jaeger.thrift" added
// to its query ("?" or "&"), the user's own parameters kept. An endpoint whose query already
// has a "format" parameter is used as it is.
std::string collectorRequestUrl(const std::string& endpoint);

// The credentials written in the URL's authority ("user:password@host"), percent-decoded;
// empty when it has none.
struct UrlUserInfo {
  std::string user;
  std::string password;
};
UrlUserInfo urlUserInfo(const std::string& url);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_COLLECTORURL_H
