// Reads the value of Jaeger's uber-trace-id header, {trace-id}:{span-id}:{parent-id}:{flags} in
// hex, independently of the library's propagator, so tests can compare what a tracer injected
// with the spans an agent received.
#ifndef JAEGERTRACING_TESTS_SUPPORT_UBERTRACEID_H
#define JAEGERTRACING_TESTS_SUPPORT_UBERTRACEID_H

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace jaegertracing {
namespace testing {

struct UberTraceId {
  uint64_t traceIdHigh = 0;
  uint64_t traceIdLow = 0;
  uint64_t spanId = 0;
  uint64_t parentSpanId = 0;
  uint32_t flags = 0;
};

// nullopt unless there are exactly four fields of 1 to 32 (trace id) or 16 hex digits.
inline std::optional<UberTraceId> parseUberTraceId(const std::string& value) {
  std::vector<std::string> fields;
  std::stringstream stream(value);
  for (std::string field; std::getline(stream, field, ':');) {
    fields.push_back(field);
  }
  const auto isHex = [](const std::string& text, size_t maxDigits) {
    return !text.empty() && text.size() <= maxDigits &&
           text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  };
  if (fields.size() != 4 || !isHex(fields[0], 32) || !isHex(fields[1], 16) ||
      !isHex(fields[2], 16) || !isHex(fields[3], 8)) {
    return std::nullopt;
  }
  UberTraceId id;
  const auto& trace = fields[0];
  if (trace.size() > 16) {
    id.traceIdHigh = std::stoull(trace.substr(0, trace.size() - 16), nullptr, 16);
  }
  id.traceIdLow =
      std::stoull(trace.size() > 16 ? trace.substr(trace.size() - 16) : trace, nullptr, 16);
  id.spanId = std::stoull(fields[1], nullptr, 16);
  id.parentSpanId = std::stoull(fields[2], nullptr, 16);
  id.flags = static_cast<uint32_t>(std::stoul(fields[3], nullptr, 16));
  return id;
}

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_UBERTRACEID_H
