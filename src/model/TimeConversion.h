#ifndef JAEGERTRACING_SRC_MODEL_TIMECONVERSION_H
#define JAEGERTRACING_SRC_MODEL_TIMECONVERSION_H

#include <chrono>
#include <cstdint>

namespace jaegertracing {
namespace detail {

template <typename Rep, typename Period>
int64_t toMicros(std::chrono::duration<Rep, Period> duration) {
  return std::chrono::duration_cast<std::chrono::microseconds>(duration).count();
}

inline int64_t toMicros(std::chrono::system_clock::time_point time) {
  return toMicros(time.time_since_epoch());
}

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_MODEL_TIMECONVERSION_H
