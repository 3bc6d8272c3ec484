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

 private:
  void run();
  void drainAndSend(bool everything);
  void wakeReporter() noexcept;
  void logSpans(const std::vector<std::unique_ptr<SpanRecord>>& spans);
  // Starts the thread of a forked child, on its first use rather than inside the fork handler.
  void restartAfterFork() noexcept;

  void prepareFork() noexcept override;
  void parentAfterFork() noexcept override;
  void childAfterFork() noexcept override;

  SpanQueue queue_;
  const size_t wakeThreshold_;
  const std::chrono::steady_clock::duration flushInterval_;
  const SenderFactory makeSender_;
  std::unique_ptr<Sender> sender_;  // the reporter thread's only
  Counters& counters_;
  logging::Logger& logger_;
  const bool logSpans_;
  std::vector<std::unique_ptr<SpanRecord>> batch_;  // the reporter thread's only
  SendDeadline sendDeadline_;  // of the Flush() and Close() calls waiting for the thread

  std::atomic<bool> closed_{false};
  std::atomic<bool> wakePending_{false};
  std::atomic<bool> restartPending_{false};
  std::mutex mutex_;  // guards the fields below; never held while encoding or sending
  std::condition_variable wake_;
  std::condition_variable progress_;
  bool stopRequested_ = false;
  bool finished_ = false;
  uint64_t flushRequested_ = 0;
  uint64_t flushCompleted_ = 0;
  std::thread thread_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_REPORTERS_REMOTEREPORTER_H
