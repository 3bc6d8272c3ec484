#include "text/UrlEncoding.h"

#include <cstddef>

#include "text/Hex.h"

namespace jaegertracing {
namespace text {
namespace {

bool isUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

void appendUrlEncoded(std::string& out, std::string_view value) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  out.reserve(out.size() + value.size());
  for (const char ch : value) {
    // Through unsigned char: a signed char >= 0x80 would index before kDigits (and
    // jaeger-client-cpp wrote such bytes as %FFFFFFC3).
    const auto c = static_cast<unsigned char>(ch);
    if (isUnreserved(c)) {
      out.push_back(ch);
    } else {
      const char escape[3] = {'%', kDigits[c >> 4], kDigits[c & 0xf]};
      out.append(escape, 3);
    }
  }
}

std::string urlEncode(std::string_view value) {
  std::string out;
  appendUrlEncoded(out, value);
  return out;
}

bool appendUrlDecoded(std::string& out, std::string_view value) {
  out.reserve(out.size() + value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c != '%') {
      out.push_back(c);
    } else {
      if (i + 2 >= value.size()) return false;
      const int high = hexDigitValue(value[i + 1]);
      const int low = hexDigitValue(value[i + 2]);
      if (high < 0 || low < 0) return false;
      out.push_back(static_cast<char>((high << 4) | low));
      i += 2;
    }
  }
  return true;
}

std::optional<std::string> urlDecode(std::string_view value) {
  std::string out;
  if (!appendUrlDecoded(out, value)) return std::nullopt;
  return out;
}

}  // namespace text
}  // namespace jaegertracing
