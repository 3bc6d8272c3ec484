#include "reporters/RemoteReporter.h"

#include <algorithm>
#include <new>
#include <string>

#include "text/Hex.h"

namespace jaegertracing {
namespace detail {
namespace {

// The destructor's bound when close() was not called, as Tracer::Close()'s.
constexpr std::chrono::milliseconds kDestructorCloseTimeout{5000};
// How long close() waits past its deadline for the reporter's thread to let go: the sender
// gives up at the deadline itself, so this is the time to count what is left.
constexpr std::chrono::milliseconds kLetGoGrace{100};
// How long the reporter waits, per batch, for a position a producer has claimed and not yet
// filled: the producer is between two instructions unless the scheduler has just stopped it.
constexpr std::chrono::microseconds kUnfilledWait{1000};
// A batch is at most this many spans: batch_ reserves it once, so the reporter's thread never
// allocates for it while sending.
constexpr size_t kMaxBatchSpans = 4096;

std::chrono::steady_clock::time_point deadlineAfter(std::chrono::milliseconds timeout) {
  const auto now = std::chrono::steady_clock::now();
  if (timeout.count() <= 0) return now;
  if (timeout >= std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::time_point::max() - now)) {
    return std::chrono::steady_clock::time_point::max();
  }
  return now + timeout;
}

// Waits on the condition until it holds or the deadline passes (max: no deadline).
template <typename Predicate>
bool waitUntil(std::condition_variable& condition, std::unique_lock<std::mutex>& lock,
               std::chrono::steady_clock::time_point deadline, Predicate predicate) {
  if (deadline == std::chrono::steady_clock::time_point::max()) {
    condition.wait(lock, predicate);
    return true;
  }
  return condition.wait_until(lock, deadline, predicate);
}

}  // namespace

RemoteReporter::RemoteReporter(size_t queueSize, std::chrono::steady_clock::duration flushInterval,
                               SenderFactory makeSender, Counters& counters,
                               logging::Logger& logger, bool logSpans)
    : queue_(std::max<size_t>(queueSize, 1)),
      wakeThreshold_(std::max<size_t>(queue_.capacity() / 2, 1)),
      maxBatchSpans_(std::min<size_t>(queue_.capacity(), kMaxBatchSpans)),
      flushInterval_(flushInterval),
      makeSender_(std::move(makeSender)),
      sender_(makeSender_()),
      counters_(counters),
      logger_(logger),
      logSpans_(logSpans) {
  batch_.reserve(maxBatchSpans_);
  // Registered before the thread starts, which happens under the lock the fork handlers take:
  // a fork at any moment leaves the child a reporter that restarts its thread.
  registerForkAware(this);
  try {
    std::lock_guard<std::mutex> lock(mutex_);
    startThreadLocked();
  } catch (...) {
    unregisterForkAware(this);
    throw;
  }
}

RemoteReporter::~RemoteReporter() {
  close(kDestructorCloseTimeout);
  // close() may have returned before the thread let go; its deadline has passed, so the
  // thread ends at once.
  std::thread thread;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    thread = std::move(thread_);
  }
  if (thread.joinable()) thread.join();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    dropLeftoversLocked();
  }
  unregisterForkAware(this);
}

void RemoteReporter::startThreadLocked() {
  finished_.store(false, std::memory_order_release);
  thread_ = std::thread([this] { run(); });
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
  const auto deadline = deadlineAfter(timeout);
  std::unique_lock<std::mutex> lock(mutex_);
  // Every span finished before this call has a position below the target.
  const uint64_t target = queue_.claimed();
  if (handedOver_ >= target) return true;
  if (finished_) {
    dropLeftoversLocked();
    return false;
  }
  flushTarget_ = std::max(flushTarget_, target);
  flushDeadline_ = std::min(flushDeadline_, deadline);
  wake_.notify_all();
  waitUntil(progress_, lock, deadline, [&] { return handedOver_ >= target || finished_; });
  if (finished_) dropLeftoversLocked();
  return handedOver_ >= target;
}

bool RemoteReporter::close(std::chrono::milliseconds timeout) noexcept {
  if (restartPending_.load(std::memory_order_relaxed)) restartAfterFork();
  const auto deadline = deadlineAfter(timeout);
  closed_.store(true, std::memory_order_seq_cst);
  std::thread thread;
  bool completed = false;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    stopRequested_ = true;
    if (deadline < closeDeadline_) {
      closeDeadline_ = deadline;
      // A request in flight is abandoned at the deadline, not at its own timeout.
      if (sender_) sender_->giveUpAt(deadline);
    }
    wake_.notify_all();
    const auto letGo = deadline == Clock::time_point::max() ? deadline : deadline + kLetGoGrace;
    waitUntil(progress_, lock, letGo, [&] { return finished_.load(); });
    if (finished_) {
      // Whoever takes the thread joins it; another close() has nothing left to join.
      thread = std::move(thread_);
      dropLeftoversLocked();
      completed = closeComplete_;
    }
  }
  if (thread.joinable()) thread.join();
  return completed;
}

void RemoteReporter::countStragglers() noexcept {
  if (!finished_.load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  dropLeftoversLocked();
}

void RemoteReporter::dropLeftoversLocked() noexcept {
  // Only once the reporter's thread has ended: it is the queue's only consumer until then.
  if (!finished_) return;
  while (std::unique_ptr<SpanRecord> late = queue_.tryPop()) {
    Counters::add(counters_.droppedAfterClose);
  }
}

void RemoteReporter::run() noexcept {
  auto nextFlush = Clock::now() + flushInterval_;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopRequested_) {
    wake_.wait_until(lock, nextFlush, [&] {
      return stopRequested_ || flushTarget_ > handedOver_ ||
             wakePending_.load(std::memory_order_acquire);
    });
    if (stopRequested_) break;
    const uint64_t flushTarget = flushTarget_;
    sender_->retryUntil(flushTarget > handedOver_ ? flushDeadline_ : Clock::time_point::max());
    wakePending_.store(false, std::memory_order_release);
    lock.unlock();
    // What is there now, and at least what a flush waits for; not what keeps arriving, so
    // that producers who keep the queue full cannot hold a flush back forever.
    drainTo(std::max(flushTarget, queue_.claimed()));
    if (Clock::now() >= nextFlush) nextFlush = Clock::now() + flushInterval_;
    lock.lock();
    handedOver_ = std::max(handedOver_, queue_.popped());
    if (handedOver_ >= flushTarget_) flushDeadline_ = Clock::time_point::max();
    progress_.notify_all();
  }
  lock.unlock();
  drainForClose();
  lock.lock();
  finished_.store(true, std::memory_order_release);
  progress_.notify_all();
}

void RemoteReporter::drainTo(uint64_t target) noexcept {
  for (;;) {
    try {
      takeBatch(target);
    } catch (...) {
      // takeBatch does not allocate; should it throw anyway, what it took is sent below.
    }
    if (batch_.empty()) return;
    sendBatch();
    // Close()'s deadline has passed: what is left is its to count.
    if (sender_->pastDeadline()) return;
  }
}

void RemoteReporter::drainForClose() noexcept {
  Clock::time_point deadline;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    deadline = closeDeadline_;
  }
  bool complete = true;
  for (;;) {
    const uint64_t target = queue_.claimed();
    if (queue_.popped() >= target) break;
    if (Clock::now() >= deadline) {
      complete = false;
      break;
    }
    try {
      takeBatch(target);
    } catch (...) {
    }
    if (batch_.empty()) continue;  // a producer has not filled its position yet
    sendBatch();
    std::lock_guard<std::mutex> lock(mutex_);
    handedOver_ = std::max(handedOver_, queue_.popped());
    deadline = closeDeadline_;  // an earlier close() may have moved it
  }
  // Time is up: what is left is dropped. A position claimed and not yet filled is found later
  // (dropLeftoversLocked), once its producer has filled it.
  while (std::unique_ptr<SpanRecord> left = queue_.tryPop()) {
    Counters::add(counters_.droppedAfterClose);
    complete = false;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  closeComplete_ = complete && !abandoned_;
}

void RemoteReporter::takeBatch(uint64_t target) {
  batch_.clear();
  Clock::time_point waitLimit{};
  while (batch_.size() < std::min(maxBatchSpans_, batch_.capacity()) && queue_.popped() < target) {
    std::unique_ptr<SpanRecord> span = queue_.tryPop();
    if (!span) {
      // Claimed and not yet filled.
      const auto now = Clock::now();
      if (waitLimit == Clock::time_point{}) waitLimit = now + kUnfilledWait;
      if (now >= waitLimit) return;
      std::this_thread::yield();
      continue;
    }
    batch_.push_back(std::move(span));
  }
}

void RemoteReporter::sendBatch() noexcept {
  // Each span is counted once: whatever the sender did not count before an exception stopped
  // it counts as failed.
  const auto accounted = [this] {
    return Counters::read(counters_.spansReported) + Counters::read(counters_.droppedTooLarge) +
           Counters::read(counters_.droppedSendFailed) + Counters::read(counters_.droppedRejected);
  };
  const uint64_t before = accounted();
  const uint64_t failedBefore = Counters::read(counters_.droppedSendFailed);
  try {
    sender_->send(batch_);
  } catch (const std::exception& error) {
    logError("cannot send spans: ", error.what());
  } catch (...) {
    logError("cannot send spans", "");
  }
  const uint64_t counted = accounted() - before;
  if (counted < batch_.size()) Counters::add(counters_.droppedSendFailed, batch_.size() - counted);
  // Failed at Close()'s deadline: its time ran out. (A collector that answers with an error in
  // time is a failure, counted, and not a timeout.)
  if (Counters::read(counters_.droppedSendFailed) != failedBefore && sender_->pastDeadline()) {
    abandoned_ = true;
  }
  if (logSpans_) {
    try {
      logSpans(batch_);
    } catch (...) {
      // Out of memory for a log line, or the application's logger threw: the spans are sent.
    }
  }
  batch_.clear();
}

void RemoteReporter::logError(const char* what, const char* detail) noexcept {
  try {
    logger_.error(std::string(what) + detail);
  } catch (...) {
    // The application's logger threw: nothing to do on the reporter's thread but go on.
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
  new (&thread_) std::thread();
  static_cast<void>(sender_.release());
  new (&batch_) std::vector<std::unique_ptr<SpanRecord>>();
  queue_.resetAfterFork();
  counters_.reset();
  wakePending_.store(false, std::memory_order_relaxed);
  flushTarget_ = 0;
  handedOver_ = 0;
  if (stopRequested_ || finished_) {
    // The parent was closing or closed: so is the child, which has nothing left to send.
    finished_.store(true, std::memory_order_release);
  } else {
    restartPending_.store(true, std::memory_order_relaxed);
  }
  mutex_.unlock();
}

void RemoteReporter::restartAfterFork() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!restartPending_.load(std::memory_order_relaxed)) return;
  try {
    sender_ = makeSender_();
    if (closeDeadline_ != Clock::time_point::max()) sender_->giveUpAt(closeDeadline_);
    batch_.reserve(maxBatchSpans_);
    startThreadLocked();
  } catch (const std::exception& error) {
    // No thread: the child's reporter is closed, its spans dropped and counted.
    closed_.store(true, std::memory_order_release);
    finished_.store(true, std::memory_order_release);
    logError("cannot restart the reporter after fork: ", error.what());
  } catch (...) {
    closed_.store(true, std::memory_order_release);
    finished_.store(true, std::memory_order_release);
  }
  restartPending_.store(false, std::memory_order_relaxed);
}

}  // namespace detail
}  // namespace jaegertracing
