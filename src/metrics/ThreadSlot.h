#ifndef JAEGERTRACING_SRC_METRICS_THREADSLOT_H
#define JAEGERTRACING_SRC_METRICS_THREADSLOT_H

#include <cstddef>

namespace jaegertracing {
namespace detail {

// A small number that no other live thread holds, taken at the thread's first call and given
// back when it exits, so that a thread pool keeps using the same few. kNoThreadSlot once all
// are taken.
inline constexpr size_t kThreadSlots = 64;
inline constexpr size_t kNoThreadSlot = kThreadSlots;
size_t threadSlot() noexcept;

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_METRICS_THREADSLOT_H
