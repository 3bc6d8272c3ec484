// Header names are ASCII and case-insensitive. Extract sees every header of a request, most of
// them not ours, so these compare against names kept lower-case once, without a lower-case
// copy of each header.
#ifndef JAEGERTRACING_SRC_TEXT_ASCII_H
#define JAEGERTRACING_SRC_TEXT_ASCII_H

#include <opentracing/string_view.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace jaegertracing {
namespace text {

inline char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline std::string asciiLowerCopy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = asciiLower(c);
  return out;
}

// True when lower-casing `text` gives `lower`.
inline bool lowerEquals(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (asciiLower(text[i]) != lower[i]) return false;
  }
  return true;
}

inline bool lowerStartsWith(std::string_view text, std::string_view lowerPrefix) {
  return text.size() >= lowerPrefix.size() &&
         lowerEquals(text.substr(0, lowerPrefix.size()), lowerPrefix);
}

// Strips spaces and tabs (HTTP's optional whitespace) from both ends.
inline std::string_view trimSpaces(std::string_view text) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Without a copy: opentracing::string_view converts to std::string, not to std::string_view.
inline std::string_view toStringView(opentracing::string_view text) {
  return {text.data(), text.size()};
}

}  // namespace text
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TEXT_ASCII_H
