// Strict, locale-independent reading of configuration text, shared by the YAML reader and the
// environment. yaml-cpp's as<int>() takes "0x10" and std::stoi takes "12abc"; a config value
// that is not exactly a number must be reported, not half-read.
#ifndef JAEGERTRACING_CONFIG_SCALARPARSING_H
#define JAEGERTRACING_CONFIG_SCALARPARSING_H

#include <opentracing/value.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jaegertracing {
namespace detail {
namespace config {

std::string trim(std::string_view text);
std::string toLower(std::string_view text);

// Splits on `separator` and trims each item; empty items (as in "a,,b" or "a,") are dropped.
std::vector<std::string> splitList(std::string_view text, char separator);

// true, false, 1 or 0, in any case: what the JAEGER_* boolean variables accept.
std::optional<bool> parseBool(std::string_view text);
// parseBool plus YAML 1.1's yes/no/on/off, which yaml-cpp (and so jaeger-client-cpp) accepted.
std::optional<bool> parseYamlBool(std::string_view text);

// An optional sign and decimal digits, within int64_t; nothing else.
std::optional<int64_t> parseInteger(std::string_view text);
// A finite decimal number ("1", "-0.5", "1e-3"); no "inf", "nan" or hexadecimal.
std::optional<double> parseNumber(std::string_view text);

// The shortest text that reads back as `value`, for quoting a programmatic value in an error.
std::string formatNumber(double value);

// The value of a tracer tag written as plain text: true/false become bool, integers int64_t,
// decimals double, anything else (including integers too large for int64_t) a string.
opentracing::Value inferTagValue(const std::string& text);

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_SCALARPARSING_H
