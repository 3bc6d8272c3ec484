#ifndef JAEGERTRACING_SRC_METRICS_SHARDEDCOUNTER_H
#define JAEGERTRACING_SRC_METRICS_SHARDEDCOUNTER_H

#include <atomic>
#include <cstdint>

#include "concurrency/ThreadSlot.h"

namespace jaegertracing {
namespace detail {

// A counter bumped on every span by the application's threads. Each thread adds to a cache line
// of its own (threadSlot()) with a plain load and store: it is the only writer of that slot,
// so no locked instruction is needed, and threads never contend. Reading sums the slots.
class ShardedCounter {
 public:
  void add(uint64_t n = 1) noexcept {
    const size_t slot = threadSlot();
    if (slot == kNoThreadSlot) {
      shared_.fetch_add(n, std::memory_order_relaxed);
      return;
    }
    std::atomic<uint64_t>& value = slots_[slot].value;
    value.store(value.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
  }

  // Modulo 2^64, as the sum is: a slot may go below zero when another thread added.
  void subtract(uint64_t n = 1) noexcept { add(0 - n); }

  uint64_t read() const noexcept {
    uint64_t total = shared_.load(std::memory_order_relaxed);
    for (const Slot& slot : slots_) total += slot.value.load(std::memory_order_relaxed);
    return total;
  }

  // Only with no other thread adding: in a forked child.
  void reset() noexcept {
    shared_.store(0, std::memory_order_relaxed);
    for (Slot& slot : slots_) slot.value.store(0, std::memory_order_relaxed);
  }

 private:
  struct alignas(64) Slot {
    std::atomic<uint64_t> value{0};
  };
  Slot slots_[kThreadSlots];
  alignas(64) std::atomic<uint64_t> shared_{0};
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_METRICS_SHARDEDCOUNTER_H
