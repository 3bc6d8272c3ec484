#include "concurrency/ThreadSlot.h"

#include <mutex>
#include <vector>

namespace jaegertracing {
namespace detail {
namespace {

// Never destroyed: threads give their slot back while static destructors run at exit.
struct FreeSlots {
  std::mutex mutex;
  std::vector<size_t> free;
  size_t next = 0;
};

FreeSlots& freeSlots() {
  static FreeSlots* slots = new FreeSlots();
  return *slots;
}

struct SlotHolder {
  size_t slot = kNoThreadSlot;

  SlotHolder() noexcept {
    try {
      FreeSlots& slots = freeSlots();
      std::lock_guard<std::mutex> lock(slots.mutex);
      if (!slots.free.empty()) {
        slot = slots.free.back();
        slots.free.pop_back();
      } else if (slots.next < kThreadSlots) {
        slot = slots.next++;
      }
    } catch (...) {
      // Out of memory for the table on the first span (or a failed lock): this thread counts on
      // the shared slot, as threads past kThreadSlots do.
    }
  }

  ~SlotHolder() {
    // Spans a later thread_local destructor finishes count on the shared slot.
    threadSlotPlusOne = kNoThreadSlot + 1;
    if (slot == kNoThreadSlot) return;
    FreeSlots& slots = freeSlots();
    std::lock_guard<std::mutex> lock(slots.mutex);
    try {
      slots.free.push_back(slot);
    } catch (...) {
      // Out of memory at thread exit: the slot is lost, later threads count on the shared one.
    }
  }
};

}  // namespace

size_t assignThreadSlot() noexcept {
  thread_local SlotHolder holder;
  threadSlotPlusOne = holder.slot + 1;
  return holder.slot;
}

}  // namespace detail
}  // namespace jaegertracing
