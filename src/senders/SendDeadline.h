#ifndef JAEGERTRACING_SRC_SENDERS_SENDDEADLINE_H
#define JAEGERTRACING_SRC_SENDERS_SENDDEADLINE_H

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <mutex>

namespace jaegertracing {
namespace detail {

// When a sender must give up: Sender::giveUpAt's deadline, as a sender that waits between
// attempts (OTLP's retries) needs it: Close() tightens it from another thread (through
// Sender::interrupt), and a wait in progress is cut short.
class SendDeadline {
 public:
  using Clock = std::chrono::steady_clock;

  void tighten(Clock::time_point deadline) noexcept {
    const int64_t ticks = deadline.time_since_epoch().count();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (ticks < ticks_.load(std::memory_order_relaxed)) {
        ticks_.store(ticks, std::memory_order_relaxed);
      }
    }
    tightened_.notify_all();
  }
  // Waits of up to timeout from now, saturating: a timeout of milliseconds::max() sets none.
  void tightenWithin(std::chrono::milliseconds timeout) noexcept {
    const auto now = Clock::now();
    if (timeout <
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::time_point::max() - now)) {
      tighten(now + timeout);
    }
  }
  void clear() noexcept { ticks_.store(kNone, std::memory_order_relaxed); }
  Clock::time_point get() const noexcept {
    return Clock::time_point(Clock::duration(ticks_.load(std::memory_order_relaxed)));
  }
  // Sleeps until `wake`; false, and at once, when the deadline is or becomes earlier.
  bool sleepUntil(Clock::time_point wake) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return !tightened_.wait_until(lock, wake, [&] { return get() < wake; });
  }

 private:
  static constexpr int64_t kNone = std::numeric_limits<int64_t>::max();
  std::atomic<int64_t> ticks_{kNone};
  mutable std::mutex mutex_;
  mutable std::condition_variable tightened_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_SENDDEADLINE_H
