#ifndef JAEGERTRACING_SRC_CONCURRENCY_SPINLOCK_H
#define JAEGERTRACING_SRC_CONCURRENCY_SPINLOCK_H

#include <atomic>
#include <thread>

namespace jaegertracing {
namespace detail {

// How a waiter gives way: the processor's pause hint while it spins, then its time slice.
struct ThreadYield {
  static void pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
    asm volatile("yield" ::: "memory");
#endif
  }
  static void yield() noexcept { std::this_thread::yield(); }
};

// Guards one span's record. Its critical sections are a few dozen instructions (append a tag,
// take the record at Finish) and almost never contended, so one atomic exchange beats a
// pthread mutex's lock and unlock calls. A waiter spins with the pause hint a bounded number of
// times (long enough for a running holder to leave a section that short); past that the holder
// is likely descheduled, so the waiter yields its time slice at every further look instead of
// burning it (on one core, spinning would keep the holder off the processor until preempted).
// Backoff is a policy only so that tests can count the yields.
template <typename Backoff = ThreadYield>
class BasicSpinLock {
 public:
  static constexpr int kSpinsBeforeYield = 64;

  void lock() noexcept { lock(locked_); }
  void unlock() noexcept { unlock(locked_); }

  // The same lock on a flag that lives elsewhere: a member of a public header, which cannot
  // name this class.
  static void lock(std::atomic<bool>& locked) noexcept {
    int spins = 0;
    while (locked.exchange(true, std::memory_order_acquire)) {
      // Wait on a plain load: it does not take the cache line from the holder as exchange would.
      do {
        if (spins < kSpinsBeforeYield) {
          ++spins;
          Backoff::pause();
        } else {
          Backoff::yield();
        }
      } while (locked.load(std::memory_order_relaxed));
    }
  }
  static void unlock(std::atomic<bool>& locked) noexcept {
    locked.store(false, std::memory_order_release);
  }

 private:
  std::atomic<bool> locked_{false};
};

using SpinLock = BasicSpinLock<>;

// Holds SpinLock's lock on an outside flag for a scope.
class SpinLockGuard {
 public:
  explicit SpinLockGuard(std::atomic<bool>& locked) noexcept : locked_(locked) {
    SpinLock::lock(locked_);
  }
  ~SpinLockGuard() { SpinLock::unlock(locked_); }
  SpinLockGuard(const SpinLockGuard&) = delete;
  SpinLockGuard& operator=(const SpinLockGuard&) = delete;

 private:
  std::atomic<bool>& locked_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_CONCURRENCY_SPINLOCK_H
