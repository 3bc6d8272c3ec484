// A 64- or 128-bit trace id. The high half is zero for 64-bit ids.
#ifndef JAEGERTRACING_TRACEID_H
#define JAEGERTRACING_TRACEID_H

#include <jaegertracing/Export.h>

#include <cstdint>
#include <string>

namespace jaegertracing {

/// A 64- or 128-bit trace id: two 64-bit halves, the high one zero for a 64-bit id.
class JAEGERTRACING_API TraceID {
 public:
  /// The invalid id, zero.
  constexpr TraceID() : high_(0), low_(0) {}
  /// The id whose upper 64 bits are `high` and lower 64 bits `low`.
  constexpr TraceID(uint64_t high, uint64_t low) : high_(high), low_(low) {}

  /// The upper 64 bits; zero for a 64-bit id.
  constexpr uint64_t high() const { return high_; }
  /// The lower 64 bits.
  constexpr uint64_t low() const { return low_; }
  /// Not zero.
  constexpr bool isValid() const { return high_ != 0 || low_ != 0; }

  /// Lower-case hex: 32 digits when the high half is set, else 16.
  std::string toHex() const;

  /// Both halves equal.
  constexpr bool operator==(const TraceID& other) const {
    return high_ == other.high_ && low_ == other.low_;
  }
  /// Either half differs.
  constexpr bool operator!=(const TraceID& other) const { return !(*this == other); }

 private:
  uint64_t high_;
  uint64_t low_;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_TRACEID_H
