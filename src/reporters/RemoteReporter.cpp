#include "reporters/RemoteReporter.h"

#include <algorithm>
#include <new>

#include "tracer/Hex.h"

namespace jaegertracing {
namespace detail {

RemoteReporter::RemoteReporter(size_t queueSize, std::chrono::steady_clock::duration flushInterval,
                               SenderFactory makeSender, Counters& counters,
                               logging::Logger& logger, bool logSpans)
    : queue_(std::max<size_t>(queueSize, 1)),
      wakeThreshold_(std::max<size_t>(queue_.capacity() / 2, 1)),
      flushInterval_(flushInterval),
      makeSender_(std::move(makeSender)),
      sender_(makeSender_()),
      counters_(counters),
      logger_(logger),
      logSpans_(logSpans) {
  batch_.reserve(std::min<size_t>(queue_.capacity(), 4096));
  thread_ = std::thread([this] { run(); });
  registerForkAware(this);
}

RemoteReporter::~RemoteReporter() {
  close(std::chrono::milliseconds::max());
  unregisterForkAware(this);
}

void RemoteReporter::report(std::unique_ptr<SpanRecord> span) noexcept {
  if (restartPending_.load(std::memory_order_relaxed)) restartAfterFork();
  if (closed_.load(std::memory_order_acquire)) {
    Counters::add(counters_.droppedAfterClose);
    return;
  }
  if (!queue_.tryPush(span)) {
    Counters::add(counters_.droppedQueueFull);
    return;
  }
  // Wake the reporter only when half full, once per drain: a futex call per span would cost
  // more than the span itself.
  if (queue_.size() >= wakeThreshold_ && !wakePending_.exchange(true, std::memory_order_acq_rel)) {
    wakeReporter();
  }
}

void RemoteReporter::wakeReporter() noexcept {
  // Taking the mutex (held by the reporter only for the instant it checks whether to sleep)
  // closes the window in which a notify between its check and its wait would be lost.
  std::lock_guard<std::mutex> lock(mutex_);
  wake_.notify_one();
}

bool RemoteReporter::flush(std::chrono::milliseconds timeout) noexcept {
  if (restartPending_.load(std::memory_order_relaxed)) restartAfterFork();
  std::unique_lock<std::mutex> lock(mutex_);
  if (finished_) return queue_.size() == 0;
  sendDeadline_.tightenWithin(timeout);
  const uint64_t target = ++flushRequested_;
  wake_.notify_one();
  return progress_.wait_for(lock, timeout, [&] {
    return flushCompleted_ >= target || finished_;
  }) && flushCompleted_ >= target;
}

bool RemoteReporter::close(std::chrono::milliseconds timeout) noexcept {
  if (restartPending_.load(std::memory_order_relaxed)) restartAfterFork();
  closed_.store(true, std::memory_order_release);
  bool completed;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    stopRequested_ = true;
    sendDeadline_.tightenWithin(timeout);
    wake_.notify_one();
    if (timeout == std::chrono::milliseconds::max()) {
      progress_.wait(lock, [&] { return finished_; });
      completed = true;
    } else {
      completed = progress_.wait_for(lock, timeout, [&] { return finished_; });
    }
  }
  if (!completed) return false;
  if (thread_.joinable()) thread_.join();
  // Spans pushed by threads that passed the closed_ check just before it flipped.
  while (std::unique_ptr<SpanRecord> late = queue_.tryPop()) {
    Counters::add(counters_.droppedAfterClose);
  }
  return true;
}

void RemoteReporter::run() {
  using Clock = std::chrono::steady_clock;
  auto nextFlush = Clock::now() + flushInterval_;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait_until(lock, nextFlush, [&] {
      return stopRequested_ || flushRequested_ != flushCompleted_ ||
             wakePending_.load(std::memory_order_acquire);
    });
    const bool stop = stopRequested_;
    const uint64_t flushTarget = flushRequested_;
    wakePending_.store(false, std::memory_order_release);
    lock.unlock();

    drainAndSend(stop);
    if (Clock::now() >= nextFlush) nextFlush = Clock::now() + flushInterval_;

    lock.lock();
    // No Flush() or Close() waits any longer: the sender's retries have only their own limit.
    if (!stop && flushRequested_ == flushTarget) sendDeadline_.clear();
    flushCompleted_ = flushTarget;
    if (stop) finished_ = true;
    progress_.notify_all();
    if (stop) return;
  }
}

void RemoteReporter::drainAndSend(bool everything) {
  // Bounded rounds while open: producers may keep the queue full forever, and a flush or the
  // timer must still complete. Once closed, nothing new arrives and it all goes.
  for (size_t round = 0; (everything || round < 4) && queue_.size() > 0; ++round) {
    const size_t available = queue_.size();
    for (size_t i = 0; i < available; ++i) {
      std::unique_ptr<SpanRecord> span = queue_.tryPop();
      if (!span) break;
      batch_.push_back(std::move(span));
    }
    if (batch_.empty()) return;
    try {
      sender_->sendWithin(batch_, sendDeadline_);
    } catch (const std::exception& error) {
      Counters::add(counters_.droppedSendFailed, batch_.size());
      logger_.error(std::string("cannot encode spans: ") + error.what());
    }
    if (logSpans_) logSpans(batch_);
    batch_.clear();
  }
}

void RemoteReporter::logSpans(const std::vector<std::unique_ptr<SpanRecord>>& spans) {
  for (const auto& span : spans) {
    std::string line = "Reporting span " + span->traceID.toHex() + ":";
    appendHex16(line, span->spanID);
    line += ":";
    appendHex16(line, span->parentID);
    line += ":" + std::to_string(span->flags) + " ";
    line += span->operationName();
    logger_.info(line);
  }
}

void RemoteReporter::prepareFork() noexcept { mutex_.lock(); }

void RemoteReporter::parentAfterFork() noexcept { mutex_.unlock(); }

void RemoteReporter::childAfterFork() noexcept {
  // The child has only the forking thread. The reporter thread's objects may have been caught
  // mid-send: the sender (which also shares the parent's sockets and connections) and the
  // batch are abandoned, not destroyed, and rebuilt on first use. The condition variables
  // may record the parent's waiters, so they are constructed afresh.
  new (&wake_) std::condition_variable();
  new (&progress_) std::condition_variable();
  new (&sendDeadline_) SendDeadline();
  new (&thread_) std::thread();
  static_cast<void>(sender_.release());
  new (&batch_) std::vector<std::unique_ptr<SpanRecord>>();
  queue_.resetAfterFork();
  counters_.reset();
  wakePending_.store(false, std::memory_order_relaxed);
  flushRequested_ = 0;
  flushCompleted_ = 0;
  if (stopRequested_) {
    // The parent was closing: so is the child, which has nothing left to send.
    finished_ = true;
  } else if (!finished_) {
    restartPending_.store(true, std::memory_order_relaxed);
  }
  mutex_.unlock();
}

void RemoteReporter::restartAfterFork() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!restartPending_.load(std::memory_order_relaxed)) return;
  try {
    sender_ = makeSender_();
    batch_.reserve(std::min<size_t>(queue_.capacity(), 4096));
    thread_ = std::thread([this] { run(); });
  } catch (const std::exception& error) {
    // No thread: the child's reporter is closed, its spans dropped and counted.
    closed_.store(true, std::memory_order_release);
    finished_ = true;
    logger_.error(std::string("cannot restart the reporter after fork: ") + error.what());
  }
  restartPending_.store(false, std::memory_order_relaxed);
}

}  // namespace detail
}  // namespace jaegertracing
