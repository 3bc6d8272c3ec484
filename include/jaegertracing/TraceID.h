// A 64- or 128-bit trace id. The high half is zero for 64-bit ids.
#ifndef JAEGERTRACING_TRACEID_H
#define JAEGERTRACING_TRACEID_H

#include <jaegertracing/Export.h>

#include <cstdint>
#include <ostream>
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
  /// Writes the id as jaeger-client-cpp does (and `<<` with it): lower-case hex without
  /// leading zeros, the low half padded to 16 digits when the high half is set.
  template <typename Stream>
  void print(Stream& out) const {
    const std::string hex = toHex();
    const auto first = hex.find_first_not_of('0');
    out << (first == std::string::npos ? std::string("0") : hex.substr(first));
  }

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

/// Writes traceID.print(out).
inline std::ostream& operator<<(std::ostream& out, const TraceID& traceID) {
  traceID.print(out);
  return out;
}

}  // namespace jaegertracing

#endif  // JAEGERTRACING_TRACEID_H
