// What the fuzz targets share: a check that aborts (so libFuzzer keeps the input), the way an
// input becomes a list of headers (for testing::inject and extract of support/Carriers.h).
#ifndef JAEGERTRACING_FUZZ_FUZZSUPPORT_H
#define JAEGERTRACING_FUZZ_FUZZSUPPORT_H

#include <jaegertracing/SpanContext.h>
#include <opentracing/propagation.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "support/Carriers.h"

// Not assert(): the targets are built with NDEBUG in RelWithDebInfo, and a broken invariant
// must crash for libFuzzer to save the input.
#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

namespace jaegertracing {
namespace fuzz {

using testing::HeaderList;

// "key: value" per line: the key runs to the first ':', and one space after it is dropped. A
// line without ':' is a key with an empty value; empty lines are skipped. Anything else (tabs,
// '\r', NUL, more colons, bytes >= 0x80) stays in the key or value, as a carrier may hold it.
inline HeaderList splitHeaders(const uint8_t* data, std::size_t size) {
  HeaderList headers;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  while (!input.empty()) {
    const std::size_t newline = input.find('\n');
    std::string_view line = input.substr(0, newline);
    input = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      headers.emplace_back(std::string(line), std::string());
      continue;
    }
    std::string_view value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return headers;
}

// The ids and flags, which every format carries unchanged through inject and extract.
inline void checkSameIds(const SpanContext& expected, const SpanContext& actual) {
  FUZZ_CHECK(actual.traceID() == expected.traceID());
  FUZZ_CHECK(actual.spanID() == expected.spanID());
  FUZZ_CHECK(actual.parentID() == expected.parentID());
  FUZZ_CHECK(actual.flags() == expected.flags());
}

}  // namespace fuzz
}  // namespace jaegertracing

#endif  // JAEGERTRACING_FUZZ_FUZZSUPPORT_H
