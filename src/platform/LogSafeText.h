// What the HTTP clients (the collector's and the OTLP sender, the remote sampler's poller) log
// about a server comes partly from the configuration and partly from the server and libcurl:
// it must neither show credentials nor break the log's lines.
#ifndef JAEGERTRACING_SRC_PLATFORM_LOGSAFETEXT_H
#define JAEGERTRACING_SRC_PLATFORM_LOGSAFETEXT_H

#include <string>
#include <string_view>
#include <vector>

namespace jaegertracing {
namespace detail {

// The URL as logs may show it: without the "user:password@" of its authority.
std::string urlWithoutUserInfo(const std::string& url);

// One line for the log: control characters (line breaks included) become spaces.
std::string oneLine(std::string_view text);
// oneLine, without the trailing spaces.
std::string printable(const std::string& text);

// Replaces every occurrence of a secret (a password, a token, a header's value) with "***" in
// what a server or libcurl wrote, which may echo it.
class SecretRedactor {
 public:
  SecretRedactor() = default;
  // Empty strings are no secrets.
  explicit SecretRedactor(std::vector<std::string> secrets);

  std::string redact(std::string text) const;

 private:
  std::vector<std::string> secrets_;  // longest first
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PLATFORM_LOGSAFETEXT_H
