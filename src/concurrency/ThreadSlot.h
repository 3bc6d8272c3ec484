#ifndef JAEGERTRACING_SRC_CONCURRENCY_THREADSLOT_H
#define JAEGERTRACING_SRC_CONCURRENCY_THREADSLOT_H

#include <cstddef>

namespace jaegertracing {
namespace detail {

// A small number that no other live thread holds, taken at the thread's first call and given
// back when it exits, so that a thread pool keeps using the same few. kNoThreadSlot once all
// are taken.
inline constexpr size_t kThreadSlots = 64;
inline constexpr size_t kNoThreadSlot = kThreadSlots;

// The calling thread's slot plus one, once it has one; 0 before. Constant-initialized, so
// reading it is one load at a fixed offset from the thread pointer, with no guard: it is read
// several times on every span.
inline thread_local size_t threadSlotPlusOne = 0;

// Takes a slot for the calling thread (or kNoThreadSlot) and caches it in threadSlotPlusOne.
size_t assignThreadSlot() noexcept;

inline size_t threadSlot() noexcept {
  const size_t cached = threadSlotPlusOne;
  if (cached != 0) return cached - 1;
  return assignThreadSlot();
}

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_CONCURRENCY_THREADSLOT_H
