#include "samplers/SamplingRequestUrl.h"

#include "text/UrlEncoding.h"

namespace jaegertracing {
namespace detail {

std::string samplingRequestUrl(const std::string& samplingServerURL,
                               const std::string& serviceName) {
  std::string url = samplingServerURL.substr(0, samplingServerURL.find('#'));
  if (url.find('?') == std::string::npos) {
    url += '?';
  } else if (url.back() != '?' && url.back() != '&') {
    url += '&';
  }
  url += "service=";
  // RFC 3986's unreserved characters stay; a space becomes %20.
  text::appendUrlEncoded(url, serviceName);
  return url;
}

}  // namespace detail
}  // namespace jaegertracing
