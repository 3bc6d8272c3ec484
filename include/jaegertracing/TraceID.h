// A 64- or 128-bit trace id. The high half is zero for 64-bit ids.
#ifndef JAEGERTRACING_TRACEID_H
#define JAEGERTRACING_TRACEID_H

#include <cstdint>
#include <string>

namespace jaegertracing {

class TraceID {
 public:
  constexpr TraceID() : high_(0), low_(0) {}
  constexpr TraceID(uint64_t high, uint64_t low) : high_(high), low_(low) {}

  constexpr uint64_t high() const { return high_; }
  constexpr uint64_t low() const { return low_; }
  constexpr bool isValid() const { return high_ != 0 || low_ != 0; }

  // Lower-case hex: 32 digits when the high half is set, else 16.
  std::string toHex() const;

  constexpr bool operator==(const TraceID& other) const {
    return high_ == other.high_ && low_ == other.low_;
  }
  constexpr bool operator!=(const TraceID& other) const { return !(*this == other); }

 private:
  uint64_t high_;
  uint64_t low_;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_TRACEID_H
