#ifndef JAEGERTRACING_SRC_TEXT_HEX_H
#define JAEGERTRACING_SRC_TEXT_HEX_H

#include <array>
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
// A template argument, so that each parser is compiled for its case: W3C's extract parses 52
// digits per request.
enum class HexCase { kEither, kLowerOnly };

namespace detail {

// Each byte's value as a hex digit, -1 for a byte that is not one: a table, since extract reads
// every id of every request digit by digit.
constexpr std::array<signed char, 256> makeHexDigitValues(HexCase accepted) {
  std::array<signed char, 256> values{};
  for (auto& value : values) value = -1;
  for (int i = 0; i < 10; ++i) values['0' + i] = static_cast<signed char>(i);
  for (int i = 0; i < 6; ++i) {
    values['a' + i] = static_cast<signed char>(10 + i);
    if (accepted == HexCase::kEither) values['A' + i] = static_cast<signed char>(10 + i);
  }
  return values;
}

// Not a variable template: GCC exports its instances from the shared library despite
// -fvisibility=hidden (tests/library/LibraryExportsTest).
inline constexpr std::array<signed char, 256> kHexDigitValues =
    makeHexDigitValues(HexCase::kEither);
inline constexpr std::array<signed char, 256> kLowerHexDigitValues =
    makeHexDigitValues(HexCase::kLowerOnly);

}  // namespace detail

// The value of one hex digit, -1 for anything else.
template <HexCase kAccepted = HexCase::kEither>
inline int hexDigitValue(char c) {
  const auto& values =
      kAccepted == HexCase::kEither ? detail::kHexDigitValues : detail::kLowerHexDigitValues;
  return values[static_cast<unsigned char>(c)];
}

// 1 to 16 hex digits; nullopt for anything else.
template <HexCase kAccepted = HexCase::kEither>
inline std::optional<uint64_t> parseHex64(std::string_view digits) {
  if (digits.empty() || digits.size() > 16) return std::nullopt;
  uint64_t value = 0;
  for (char c : digits) {
    const int d = hexDigitValue<kAccepted>(c);
    if (d < 0) return std::nullopt;
    value = (value << 4) | static_cast<uint64_t>(d);
  }
  return value;
}

}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TEXT_HEX_H
