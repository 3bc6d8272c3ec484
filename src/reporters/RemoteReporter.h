#ifndef JAEGERTRACING_SRC_REPORTERS_REMOTEREPORTER_H
#define JAEGERTRACING_SRC_REPORTERS_REMOTEREPORTER_H

#include <jaegertracing/Logging.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "metrics/Counters.h"
#include "platform/ForkHandlers.h"
#include "reporters/Reporter.h"
#include "reporters/SpanQueue.h"
#include "senders/Sender.h"

namespace jaegertracing {
namespace detail {

// Queues finished spans and sends them from its own thread, every flush interval or as soon
// as the queue is half full. The application's thread only pushes into a lock-free ring;
// the reporter's thread encodes and sends without holding any lock a producer needs.
//
// Bounds: flush() and close() return by their timeout whatever the network does. close() hands
// its deadline to the sender, which abandons a request still unanswered then; what is still
// queued at the deadline is dropped and counted. Any number of threads may call them at once.
//
// Accounting: every span given to report() ends in exactly one counter: reported, or dropped
// (queue full, too large, send failed, after close). A span pushed by a producer that passed
// the closed check just as the reporter's thread ended is found in the queue and counted by
// the next flush(), close(), stats() (countStragglers) or the destructor.
//
// After fork() the child gets an empty queue, a new sender and a new thread of its own.
class RemoteReporter final : public Reporter, private ForkAware {
 public:
  RemoteReporter(size_t queueSize, std::chrono::steady_clock::duration flushInterval,
                 SenderFactory makeSender, Counters& counters, logging::Logger& logger,
                 bool logSpans);
  ~RemoteReporter() override;

  void report(std::unique_ptr<SpanRecord> span) noexcept override;
  bool flush(std::chrono::milliseconds timeout) noexcept override;
  bool close(std::chrono::milliseconds timeout) noexcept override;
  size_t queueLength() const noexcept override { return queue_.size(); }
  void countStragglers() noexcept override;

 private:
  using Clock = std::chrono::steady_clock;

  void run() noexcept;
  // Sends the spans up to position `target` (and whatever else is there), in batches.
  void drainTo(uint64_t target) noexcept;
  // Once closing: everything, until the deadline; then the rest is dropped.
  void drainForClose() noexcept;
  // Pops at most a batch's worth up to position `target` into batch_; waits briefly for a
  // position a producer has claimed but not yet filled.
  void takeBatch(uint64_t target);
  void sendBatch() noexcept;
  // Needs mutex_ and the reporter's thread ended: pops what is left, as dropped after close.
  void dropLeftoversLocked() noexcept;
  void wakeReporter() noexcept;
  void logSpans(const std::vector<std::unique_ptr<SpanRecord>>& spans);
  // Builds the line itself, so that running out of memory for it throws nothing.
  void logError(const char* what, const char* detail) noexcept;
  // Starts the thread of a forked child, on its first use rather than inside the fork handler.
  void restartAfterFork() noexcept;
  void startThreadLocked();

  void prepareFork() noexcept override;
  void parentAfterFork() noexcept override;
  void childAfterFork() noexcept override;

  SpanQueue queue_;
  const size_t wakeThreshold_;
  const size_t maxBatchSpans_;
  const std::chrono::steady_clock::duration flushInterval_;
  const SenderFactory makeSender_;
  std::unique_ptr<Sender> sender_;  // used by the reporter thread; replaced under mutex_
  Counters& counters_;
  logging::Logger& logger_;
  const bool logSpans_;
  std::vector<std::unique_ptr<SpanRecord>> batch_;  // the reporter thread's only
  bool abandoned_ = false;  // the reporter thread's only: a send gave up at Close()'s deadline

  std::atomic<bool> closed_{false};
  std::atomic<bool> wakePending_{false};
  std::atomic<bool> restartPending_{false};
  std::mutex mutex_;  // guards the fields below; never held while encoding or sending
  std::condition_variable wake_;
  std::condition_variable progress_;
  bool stopRequested_ = false;
  Clock::time_point closeDeadline_ = Clock::time_point::max();
  // The reporter's thread has ended (or never started again). Written under the mutex; an
  // atomic so that countStragglers() can look without it.
  std::atomic<bool> finished_{false};
  bool closeComplete_ = true;  // everything queued at close was handed to the sender in time
  uint64_t flushTarget_ = 0;   // the largest position a flush() waits for
  // The earliest deadline of the flush() calls waiting: no retry goes past it.
  Clock::time_point flushDeadline_ = Clock::time_point::max();
  uint64_t handedOver_ = 0;  // every position below it was handed to the sender
  std::thread thread_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_REPORTERS_REMOTEREPORTER_H
