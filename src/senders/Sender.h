#ifndef JAEGERTRACING_SRC_SENDERS_SENDER_H
#define JAEGERTRACING_SRC_SENDERS_SENDER_H

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <vector>

#include "tracer/SpanRecord.h"

namespace jaegertracing {
namespace detail {

// The earliest deadline of the Close() and Flush() calls waiting for the reporter's thread, or
// none. The application's threads tighten it (never on the hot path); a sender that waits
// between attempts (OTLP's retries) waits on it, so a Close() arriving in the middle of a
// wait cuts the wait short.
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
    if (timeout < std::chrono::duration_cast<std::chrono::milliseconds>(Clock::time_point::max() -
                                                                         now)) {
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

// Encodes spans and writes them to the agent or collector. Runs on the reporter's thread only,
// never under a lock the application's threads take. It counts what it sent and dropped.
class Sender {
 public:
  virtual ~Sender() = default;
  virtual void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) = 0;
  // The same, for a sender that may wait between attempts: it never waits past the deadline.
  // Senders that try once (UDP, the Jaeger collector) need not override it.
  virtual void sendWithin(const std::vector<std::unique_ptr<SpanRecord>>& spans,
                          const SendDeadline& /*deadline*/) {
    send(spans);
  }
};

// Makes the reporter's sender: once at start, and again in a forked child, whose inherited
// sender may have been caught mid-send by the fork and shares the parent's connections.
using SenderFactory = std::function<std::unique_ptr<Sender>()>;

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_SENDER_H
