#include "model/WallClock.h"

#include <atomic>
#include <cstdint>

namespace jaegertracing {
namespace detail {
namespace {

using SteadyClock = std::chrono::steady_clock;
using SystemClock = std::chrono::system_clock;

constexpr int64_t kRemeasureAfterNanos = 1000000000;

// System minus steady, in nanoseconds, and the steady time it was measured at. Two relaxed
// atomics read apart may pair an offset with another's time: either offset is right to within
// the second this tolerates anyway.
std::atomic<int64_t> offsetNanos{0};
std::atomic<int64_t> measuredAtNanos{INT64_MIN};

int64_t nanos(SteadyClock::time_point time) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

}  // namespace

SystemClock::time_point wallClockAt(SteadyClock::time_point steady) {
  const int64_t steadyNanos = nanos(steady);
  int64_t offset = offsetNanos.load(std::memory_order_relaxed);
  const int64_t measuredAt = measuredAtNanos.load(std::memory_order_relaxed);
  if (measuredAt == INT64_MIN || steadyNanos - measuredAt > kRemeasureAfterNanos ||
      steadyNanos < measuredAt - kRemeasureAfterNanos) {
    const int64_t systemNow =
        std::chrono::duration_cast<std::chrono::nanoseconds>(SystemClock::now().time_since_epoch())
            .count();
    const int64_t steadyNow = nanos(SteadyClock::now());
    offset = systemNow - steadyNow;
    offsetNanos.store(offset, std::memory_order_relaxed);
    measuredAtNanos.store(steadyNow, std::memory_order_relaxed);
  }
  return SystemClock::time_point(std::chrono::duration_cast<SystemClock::duration>(
      std::chrono::nanoseconds(steadyNanos + offset)));
}

}  // namespace detail
}  // namespace jaegertracing
