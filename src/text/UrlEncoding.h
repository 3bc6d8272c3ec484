// Percent-encoding (RFC 3986, section 2.1): the one coder behind every %XX of this library.
// Its users differ in which bytes they write as they are, in what a '+' means and in what a
// '%' without two hex digits does; those are the parameters of appendPercentEncoded and
// appendPercentDecoded. The URL profile (urlEncode, urlDecode) is the one Jaeger's headers and
// the sampling query use; W3C baggage, OTLP header values and a collector URL's userinfo call
// the general functions with their own choices.
#ifndef JAEGERTRACING_SRC_TEXT_URLENCODING_H
#define JAEGERTRACING_SRC_TEXT_URLENCODING_H

#include <optional>
#include <string>
#include <string_view>

#include "text/Hex.h"

namespace jaegertracing {
namespace text {

// RFC 3986's unreserved characters: A-Z a-z 0-9 - . _ ~
inline bool isUrlUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Appends the byte as %XX, with upper-case hex digits.
inline void appendPercentEscape(std::string& out, unsigned char c) {
  const char escape[3] = {'%', kUpperHexDigits[c >> 4], kUpperHexDigits[c & 0xf]};
  out.append(escape, 3);
}

// Appends `value` with every byte for which keep(byte) is false written as %XX. `keep` must be
// false for '%' itself, or the result does not decode back. A template, so that the predicate is
// inlined into the loop: Inject encodes every baggage value with it.
template <typename KeepByte>
void appendPercentEncoded(std::string& out, std::string_view value, KeepByte keep) {
  for (const char ch : value) {
    // Through unsigned char: a signed char >= 0x80 would index before the digits (and
    // jaeger-client-cpp wrote such bytes as %FFFFFFC3).
    const auto c = static_cast<unsigned char>(ch);
    if (keep(c)) {
      out.push_back(ch);
    } else {
      appendPercentEscape(out, c);
    }
  }
}

// What a '+' in encoded text means: a space in HTML forms and Java's URLEncoder; itself in
// RFC 3986, W3C baggage and OTLP's header values.
enum class PlusSign { kLiteral, kSpace };
// A '%' not followed by two hex digits: an error, or (lenient, for text people write by hand)
// a '%' like any other byte.
enum class BadEscape { kFail, kKeepAsIs };

// Decodes %XX (hex digits of either case) and appends the result; every other byte is kept.
// False only with BadEscape::kFail, on a '%' without two hex digits; `out` then holds a prefix.
bool appendPercentDecoded(std::string& out, std::string_view value, PlusSign plus,
                          BadEscape badEscape);
// nullopt where appendPercentDecoded returns false.
std::optional<std::string> percentDecode(std::string_view value, PlusSign plus,
                                         BadEscape badEscape);

// Percent-encodes every byte except RFC 3986's unreserved ones (A-Z a-z 0-9 - . _ ~), with
// upper-case hex digits. A space becomes %20, not '+': every decoder reads %20 as a space,
// while decodeURIComponent (Jaeger's Node client) and Python's unquote leave '+' as it is.
std::string urlEncode(std::string_view value);
void appendUrlEncoded(std::string& out, std::string_view value);

// Decodes %XX (hex digits of either case), and '+' as a space: Jaeger's Go and Java clients
// encode a space as '+' (url.QueryEscape, URLEncoder) and every client encodes a literal '+' as
// %2B. nullopt (false) when a '%' is not followed by two hex digits; `out` then holds a prefix.
std::optional<std::string> urlDecode(std::string_view value);
bool appendUrlDecoded(std::string& out, std::string_view value);

}  // namespace text
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TEXT_URLENCODING_H
