#ifndef JAEGERTRACING_SRC_TRACER_LIVESPANS_H
#define JAEGERTRACING_SRC_TRACER_LIVESPANS_H

#include <atomic>
#include <cstdint>

#include "concurrency/ThreadSlot.h"

namespace jaegertracing {
namespace detail {

// Counts the live spans of one tracer, so that the tracer outlives the last of them without a
// locked instruction per span (a shared reference count's two were most of an unsampled span's
// cost). Each thread counts the spans it starts and the spans it ends in a slot of its own,
// with a plain load and a release store; whichever thread checks reads every slot.
class LiveSpans {
 public:
  void started() noexcept { bump(&Slot::started); }
  void ended() noexcept { bump(&Slot::ended); }

  // True when no span is alive. Exact only once nothing can start a span any more (no handle
  // on the tracer is left, and a span is needed to reach it through tracer()): the ends are
  // read before the starts, each with acquire, so a span whose end is counted has its start
  // counted too, and a span that is alive keeps the difference above zero. A span whose end is
  // not yet visible makes it answer false, never true too early.
  bool none() const noexcept {
    uint64_t ended = shared_.ended.load(std::memory_order_acquire);
    for (const Slot& slot : slots_) ended += slot.ended.load(std::memory_order_acquire);
    uint64_t started = shared_.started.load(std::memory_order_acquire);
    for (const Slot& slot : slots_) started += slot.started.load(std::memory_order_acquire);
    return started == ended;
  }

 private:
  struct alignas(64) Slot {
    std::atomic<uint64_t> started{0};
    std::atomic<uint64_t> ended{0};
  };

  void bump(std::atomic<uint64_t> Slot::*counter) noexcept {
    const size_t slot = threadSlot();
    if (slot == kNoThreadSlot) {
      (shared_.*counter).fetch_add(1, std::memory_order_acq_rel);
      return;
    }
    std::atomic<uint64_t>& value = slots_[slot].*counter;
    // The only writer of this slot: no read-modify-write needed. Release, so that what the
    // thread did with the tracer before is visible to the thread that finds none alive.
    value.store(value.load(std::memory_order_relaxed) + 1, std::memory_order_release);
  }

  Slot slots_[kThreadSlots];
  Slot shared_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TRACER_LIVESPANS_H
