#include "platform/LogSafeText.h"

#include <algorithm>
#include <cstddef>

namespace jaegertracing {
namespace detail {

std::string urlWithoutUserInfo(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const size_t begin = scheme + 3;
  const size_t end = std::min(url.find_first_of("/?#", begin), url.size());
  // The last "@" of the authority: a password may contain one only percent-encoded, but be
  // lenient with what people write.
  const size_t at = url.rfind('@', end == begin ? begin : end - 1);
  if (at == std::string::npos || at < begin) return url;
  return url.substr(0, begin) + url.substr(at + 1);
}

std::string oneLine(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return line;
}

std::string printable(const std::string& text) {
  std::string line = oneLine(text);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

SecretRedactor::SecretRedactor(std::vector<std::string> secrets) : secrets_(std::move(secrets)) {
  secrets_.erase(std::remove(secrets_.begin(), secrets_.end(), std::string()), secrets_.end());
  // Longest first, so a secret inside another does not leave the rest of the other visible.
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string SecretRedactor::redact(std::string text) const {
  // Even a one-letter secret: a mangled line is better than a leaked password.
  for (const std::string& secret : secrets_) {
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

}  // namespace detail
}  // namespace jaegertracing
