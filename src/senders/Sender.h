#ifndef JAEGERTRACING_SRC_SENDERS_SENDER_H
#define JAEGERTRACING_SRC_SENDERS_SENDER_H

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "model/SpanRecord.h"
#include "senders/SendDeadline.h"

namespace jaegertracing {
namespace detail {

// Encodes spans and writes them to the agent or collector. Runs on the reporter's thread only,
// never under a lock the application's threads take. It counts each span it is given once:
// reported, dropped too large, or failed.
class Sender {
 public:
  using Clock = std::chrono::steady_clock;

  virtual ~Sender() = default;
  virtual void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) = 0;

  // From any thread: the send in progress, and every later one, stops waiting on the network
  // at `deadline` and counts what it has not sent by then as failed. Close() sets it to its
  // bound, so that a collector that never answers cannot extend it.
  void giveUpAt(Clock::time_point deadline) noexcept {
    deadline_.set(deadline);
    interrupt();
  }
  Clock::time_point deadline() const noexcept { return deadline_.get(); }
  bool pastDeadline() const noexcept { return Clock::now() >= deadline(); }

  // From the reporter's thread, before the sends a Flush() waits for: a sender that retries
  // tries again no later than `limit` (the Flush()'s deadline); max() when no flush waits. A
  // request in flight is not cut short by it, as it is by giveUpAt().
  void retryUntil(Clock::time_point limit) noexcept {
    retryLimit_.store(limit.time_since_epoch().count(), std::memory_order_relaxed);
  }
  Clock::time_point retryLimit() const noexcept {
    return Clock::time_point(Clock::duration(retryLimit_.load(std::memory_order_relaxed)));
  }

 protected:
  // Wakes a send that waits on the network, from another thread, to look at the deadline.
  virtual void interrupt() noexcept {}
  // The deadline for a sender that sleeps between attempts: giveUpAt cuts its sleep short.
  const SendDeadline& giveUpDeadline() const noexcept { return deadline_; }

 private:
  SendDeadline deadline_;
  std::atomic<Clock::rep> retryLimit_{Clock::time_point::max().time_since_epoch().count()};
};

// Makes the reporter's sender: once at start, and again in a forked child, whose inherited
// sender may have been caught mid-send by the fork and shares the parent's connections.
using SenderFactory = std::function<std::unique_ptr<Sender>()>;

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_SENDER_H
