#ifndef JAEGERTRACING_SRC_TEXT_HEX_H
#define JAEGERTRACING_SRC_TEXT_HEX_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jaegertracing {

// Appends exactly 16 lower-case hex digits.
inline void appendHex16(std::string& out, uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  char buffer[16];
  for (int i = 15; i >= 0; --i) {
    buffer[i] = kDigits[value & 0xf];
    value >>= 4;
  }
  out.append(buffer, 16);
}

// Writes exactly 16 lower-case hex digits to out[0..15]; returns out + 16. For a header value
// built in a stack buffer, where a std::string would allocate.
inline char* writeHex16(char* out, uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i) {
    out[i] = kDigits[value & 0xf];
    value >>= 4;
  }
  return out + 16;
}

inline int hexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// 1 to 16 hex digits of either case; nullopt for anything else.
inline std::optional<uint64_t> parseHex64(std::string_view digits) {
  if (digits.empty() || digits.size() > 16) return std::nullopt;
  uint64_t value = 0;
  for (char c : digits) {
    const int d = hexDigitValue(c);
    if (d < 0) return std::nullopt;
    value = (value << 4) | static_cast<uint64_t>(d);
  }
  return value;
}

}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TEXT_HEX_H
