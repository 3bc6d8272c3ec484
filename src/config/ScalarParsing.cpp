#include "config/ScalarParsing.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace jaegertracing {
namespace detail {
namespace config {
namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char lowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// from_chars takes no leading '+', which people do write ("+1").
std::string_view dropPlus(std::string_view text) {
  if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+') {
    text.remove_prefix(1);
  }
  return text;
}

}  // namespace

std::string trim(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && isSpace(text.back())) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::string toLower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), lowerChar);
  return lower;
}

std::vector<std::string> splitList(std::string_view text, char separator) {
  std::vector<std::string> items;
  while (true) {
    const auto end = text.find(separator);
    auto item = trim(text.substr(0, end));
    if (!item.empty()) {
      items.push_back(std::move(item));
    }
    if (end == std::string_view::npos) {
      return items;
    }
    text.remove_prefix(end + 1);
  }
}

std::optional<bool> parseBool(std::string_view text) {
  const auto lower = toLower(text);
  if (lower == "true" || lower == "1") {
    return true;
  }
  if (lower == "false" || lower == "0") {
    return false;
  }
  return std::nullopt;
}

std::optional<bool> parseYamlBool(std::string_view text) {
  const auto lower = toLower(text);
  if (lower == "yes" || lower == "on") {
    return true;
  }
  if (lower == "no" || lower == "off") {
    return false;
  }
  return parseBool(text);
}

std::optional<int64_t> parseInteger(std::string_view text) {
  text = dropPlus(text);
  const auto digits = (!text.empty() && text.front() == '-') ? text.substr(1) : text;
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), isDigit)) {
    return std::nullopt;
  }
  int64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parseNumber(std::string_view text) {
  text = dropPlus(text);
  // Only a decimal number's characters: from_chars would also read "inf", "nan" and "0x1p3".
  const bool decimal = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
  });
  if (!decimal) {
    return std::nullopt;
  }
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string formatNumber(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

opentracing::Value inferTagValue(const std::string& text) {
  const auto lower = toLower(text);
  if (lower == "true" || lower == "false") {
    return lower == "true";
  }
  if (const auto integer = parseInteger(text)) {
    return *integer;
  }
  // An integer too large for int64_t stays text rather than losing digits in a double.
  const bool fractional = text.find_first_of(".eE") != std::string::npos;
  if (const auto number = parseNumber(text); number && fractional) {
    return *number;
  }
  return text;
}

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing
