#ifndef JAEGERTRACING_SRC_TRACER_SPINLOCK_H
#define JAEGERTRACING_SRC_TRACER_SPINLOCK_H

#include <atomic>
#include <thread>

namespace jaegertracing {
namespace detail {

// Guards one span's record. Its critical sections are a few dozen instructions (append a tag,
// take the record at Finish) and almost never contended, so one atomic exchange beats a
// pthread mutex's lock and unlock calls. A holder descheduled mid-section makes a waiter yield
// its time slice rather than burn it.
class SpinLock {
 public:
  void lock() noexcept {
    for (int attempt = 0; locked_.exchange(true, std::memory_order_acquire); ++attempt) {
      while (locked_.load(std::memory_order_relaxed)) {
        if (attempt > 16) std::this_thread::yield();
      }
    }
  }
  void unlock() noexcept { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TRACER_SPINLOCK_H
