#ifndef JAEGERTRACING_SRC_CONCURRENCY_GRACEPERIOD_H
#define JAEGERTRACING_SRC_CONCURRENCY_GRACEPERIOD_H

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace jaegertracing {
namespace detail {

// What one thread shows the writers: the read section it is in. One per thread, reused after
// the thread ends, never freed.
struct alignas(64) GraceThreadRecord {
  // The GracePeriod's address plus the parity the reader entered with; 0 outside a section.
  std::atomic<uintptr_t> active{0};
  std::atomic<bool> inUse{true};
  GraceThreadRecord* next = nullptr;  // set before the record is published
};

// Lets one writer free an object it has replaced once no reader can still use it, while readers
// take no lock: a minimal read-copy-update. A reader wraps its use of the published pointer in a
// ReadSection; the writer publishes the new pointer, calls synchronize(), and then frees the old
// object.
//
// Each thread has a record, registered on its first read section, in which it writes which
// GracePeriod it is reading under and with which parity; synchronize() flips the parity and
// waits until no record shows the old one. A reader that read the parity just before a flip
// finds it changed when it checks again after writing its record, and writes the new one. Every
// step is seq_cst, which gives the argument its single order: a record the writer saw without
// the old parity can only take it afterwards from a reader that then sees the flip and moves
// on, before it loads the pointer. A section costs one atomic exchange (the seq_cst store) and
// a plain store on a cache line of the thread's own, and sections do not nest.
class GracePeriod {
 public:
  class ReadSection {
   public:
    // May allocate the thread's record, once per thread.
    explicit ReadSection(GracePeriod& grace) : record_(grace.enter()) {}
    ~ReadSection() { record_->active.store(0, std::memory_order_release); }
    ReadSection(const ReadSection&) = delete;
    ReadSection& operator=(const ReadSection&) = delete;

   private:
    GraceThreadRecord* record_;
  };

  GracePeriod() = default;
  GracePeriod(const GracePeriod&) = delete;
  GracePeriod& operator=(const GracePeriod&) = delete;

  // Returns once every read section that may have loaded a pointer published before the call
  // has ended. One caller at a time per GracePeriod. Waits for the application's threads,
  // which are inside only for the time of one decision unless descheduled: yields, then naps.
  void synchronize() noexcept;

  // In a forked child, whose only thread is in no read section: the records of the parent's
  // other threads are released.
  static void resetAfterFork() noexcept;

  // For tests: the thread records ever made (in use or free for the next thread).
  static size_t threadRecords() noexcept;

 private:
  GraceThreadRecord* enter();

  std::atomic<uintptr_t> parity_{0};
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_CONCURRENCY_GRACEPERIOD_H
