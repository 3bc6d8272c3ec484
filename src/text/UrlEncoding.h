// Baggage values in HTTP headers are URL-encoded so that any byte survives a header.
#ifndef JAEGERTRACING_SRC_TEXT_URLENCODING_H
#define JAEGERTRACING_SRC_TEXT_URLENCODING_H

#include <optional>
#include <string>
#include <string_view>

namespace jaegertracing {
namespace text {

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
