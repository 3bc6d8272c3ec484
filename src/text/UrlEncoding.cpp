#include "text/UrlEncoding.h"

#include <cstddef>

namespace jaegertracing {
namespace text {

bool appendPercentDecoded(std::string& out, std::string_view value, PlusSign plus,
                          BadEscape badEscape) {
  out.reserve(out.size() + value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '+' && plus == PlusSign::kSpace) {
      out.push_back(' ');
      continue;
    }
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    const int high = i + 2 < value.size() ? hexDigitValue(value[i + 1]) : -1;
    const int low = i + 2 < value.size() ? hexDigitValue(value[i + 2]) : -1;
    if (high < 0 || low < 0) {
      if (badEscape == BadEscape::kFail) return false;
      // Kept, and the bytes after it read as they would be without it: "%%41" is "%A".
      out.push_back(c);
      continue;
    }
    out.push_back(static_cast<char>((high << 4) | low));
    i += 2;
  }
  return true;
}

std::optional<std::string> percentDecode(std::string_view value, PlusSign plus,
                                         BadEscape badEscape) {
  std::string out;
  if (!appendPercentDecoded(out, value, plus, badEscape)) return std::nullopt;
  return out;
}

void appendUrlEncoded(std::string& out, std::string_view value) {
  out.reserve(out.size() + value.size());
  appendPercentEncoded(out, value, [](unsigned char c) { return isUrlUnreserved(c); });
}

std::string urlEncode(std::string_view value) {
  std::string out;
  appendUrlEncoded(out, value);
  return out;
}

bool appendUrlDecoded(std::string& out, std::string_view value) {
  return appendPercentDecoded(out, value, PlusSign::kSpace, BadEscape::kFail);
}

std::optional<std::string> urlDecode(std::string_view value) {
  return percentDecode(value, PlusSign::kSpace, BadEscape::kFail);
}

}  // namespace text
}  // namespace jaegertracing
