// The Authorization header of HTTP Basic auth carries "user:password" in base64; the HTTP sender
// also needs that value to keep it out of its logs.
#ifndef JAEGERTRACING_SRC_TEXT_BASE64_H
#define JAEGERTRACING_SRC_TEXT_BASE64_H

#include <string>
#include <string_view>

namespace jaegertracing {
namespace text {

// RFC 4648's base64 (section 4): the standard alphabet, padded with '='.
std::string base64Encode(std::string_view bytes);

}  // namespace text
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TEXT_BASE64_H
