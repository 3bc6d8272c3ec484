#ifndef JAEGERTRACING_SRC_TEXT_HEX_H
#define JAEGERTRACING_SRC_TEXT_HEX_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jaegertracing {

// Ids and flags are written in lower case (Jaeger, W3C, B3); percent-escapes in upper case, as
// RFC 3986 recommends.
inline constexpr char kLowerHexDigits[] = "0123456789abcdef";
inline constexpr char kUpperHexDigits[] = "0123456789ABCDEF";

// Writes exactly 16 lower-case hex digits to out[0..15]; returns out + 16. For a header value
// built in a stack buffer, where a std::string would allocate.
inline char* writeHex16(char* out, uint64_t value) {
  for (int i = 15; i >= 0; --i) {
    out[i] = kLowerHexDigits[value & 0xf];
    value >>= 4;
  }
  return out + 16;
}

// Appends exactly 16 lower-case hex digits.
inline void appendHex16(std::string& out, uint64_t value) {
  char buffer[16];
  writeHex16(buffer, value);
  out.append(buffer, 16);
}

// Which digits a parser accepts: the W3C's traceparent forbids upper case, the rest allow both.
enum class HexCase { kEither, kLowerOnly };

// The value of one hex digit, -1 for anything else.
inline int hexDigitValue(char c, HexCase accepted = HexCase::kEither) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (accepted == HexCase::kEither && c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// 1 to 16 hex digits; nullopt for anything else.
inline std::optional<uint64_t> parseHex64(std::string_view digits,
                                          HexCase accepted = HexCase::kEither) {
  if (digits.empty() || digits.size() > 16) return std::nullopt;
  uint64_t value = 0;
  for (char c : digits) {
    const int d = hexDigitValue(c, accepted);
    if (d < 0) return std::nullopt;
    value = (value << 4) | static_cast<uint64_t>(d);
  }
  return value;
}

}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TEXT_HEX_H
