#include "senders/CollectorUrl.h"

#include <cstddef>
#include <string_view>

#include "text/UrlEncoding.h"

namespace jaegertracing {
namespace detail {
namespace {

constexpr const char* kFormatParameter = "format=jaeger.thrift";

// Where the authority ("user:password@host:port") starts and ends, npos when there is no
// "scheme://".
struct Authority {
  size_t begin = std::string::npos;
  size_t end = std::string::npos;
};

Authority findAuthority(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  const size_t begin = scheme + 3;
  const size_t end = url.find_first_of("/?#", begin);
  return {begin, end == std::string::npos ? url.size() : end};
}

// The end of the userinfo ("@"), npos without one. The last "@" of the authority: a password
// may contain one only percent-encoded, but be lenient with what people write.
size_t userInfoEnd(const std::string& url, const Authority& authority) {
  if (authority.begin == std::string::npos || authority.end == authority.begin) {
    return std::string::npos;
  }
  const size_t at = url.rfind('@', authority.end - 1);
  return at != std::string::npos && at >= authority.begin ? at : std::string::npos;
}

bool hasParameter(const std::string& query, const std::string& name) {
  size_t begin = 0;
  while (begin <= query.size()) {
    size_t end = query.find('&', begin);
    if (end == std::string::npos) end = query.size();
    const std::string item = query.substr(begin, end - begin);
    if (item.substr(0, item.find('=')) == name) return true;
    begin = end + 1;
  }
  return false;
}

// Lenient, as with the '@': a '%' without two hex digits is taken as written.
std::string percentDecode(std::string_view encoded) {
  std::string decoded;
  text::appendPercentDecoded(decoded, encoded, text::PlusSign::kLiteral,
                             text::BadEscape::kKeepAsIs);
  return decoded;
}

}  // namespace

std::string collectorRequestUrl(const std::string& endpoint) {
  // The fragment, never sent, stays last.
  const size_t hash = endpoint.find('#');
  const std::string base = endpoint.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : endpoint.substr(hash);
  const size_t question = base.find('?');
  if (question == std::string::npos) {
    return base + "?" + kFormatParameter + fragment;
  }
  const std::string query = base.substr(question + 1);
  if (hasParameter(query, "format")) return endpoint;
  const bool needsSeparator = !query.empty() && query.back() != '&';
  return base + (needsSeparator ? "&" : "") + kFormatParameter + fragment;
}

UrlUserInfo urlUserInfo(const std::string& url) {
  const Authority authority = findAuthority(url);
  const size_t at = userInfoEnd(url, authority);
  if (at == std::string::npos) return {};
  const std::string userInfo = url.substr(authority.begin, at - authority.begin);
  const size_t colon = userInfo.find(':');
  if (colon == std::string::npos) return {percentDecode(userInfo), ""};
  return {percentDecode(userInfo.substr(0, colon)), percentDecode(userInfo.substr(colon + 1))};
}

}  // namespace detail
}  // namespace jaegertracing
