#ifndef JAEGERTRACING_SRC_MODEL_WALLCLOCK_H
#define JAEGERTRACING_SRC_MODEL_WALLCLOCK_H

#include <chrono>

namespace jaegertracing {
namespace detail {

// The wall-clock time of a steady-clock reading, from an offset between the two clocks that is
// measured again when it is more than a second old: a sampled span reads one clock at its
// start instead of two. A step of the wall clock shows in spans within that second; NTP's
// slewing, parts per million, never does.
std::chrono::system_clock::time_point wallClockAt(std::chrono::steady_clock::time_point steady);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_MODEL_WALLCLOCK_H
