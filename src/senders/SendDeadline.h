#ifndef JAEGERTRACING_SRC_SENDERS_SENDDEADLINE_H
#define JAEGERTRACING_SRC_SENDERS_SENDDEADLINE_H

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace jaegertracing {
namespace detail {

// When a sender must give up: Sender::giveUpAt's deadline, in a form that a sender that waits
// between attempts (OTLP's retries) can sleep on: Close() sets it from another thread, and a
// wait in progress is cut short.
class SendDeadline {
 public:
  using Clock = std::chrono::steady_clock;

  void set(Clock::time_point deadline) noexcept {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ticks_.store(deadline.time_since_epoch().count(), std::memory_order_release);
    }
    changed_.notify_all();
  }
  Clock::time_point get() const noexcept {
    return Clock::time_point(Clock::duration(ticks_.load(std::memory_order_acquire)));
  }
  // Sleeps until `wake`; false, and at once, when the deadline is or becomes earlier.
  bool sleepUntil(Clock::time_point wake) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return !changed_.wait_until(lock, wake, [&] { return get() < wake; });
  }

 private:
  std::atomic<Clock::rep> ticks_{Clock::time_point::max().time_since_epoch().count()};
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_SENDDEADLINE_H
