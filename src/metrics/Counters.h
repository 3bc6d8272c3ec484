#ifndef JAEGERTRACING_SRC_METRICS_COUNTERS_H
#define JAEGERTRACING_SRC_METRICS_COUNTERS_H

#include <jaegertracing/TracerStats.h>

#include <atomic>
#include <cstdint>

#include "metrics/ShardedCounter.h"

namespace jaegertracing {
namespace detail {

// The tracer's counters, shared by the boxes that count (tracer, reporter, sender,
// propagation). Relaxed increments: each is an independent tally, read for a snapshot.
// The ones the application's threads bump on every span sit on their own cache line each, so
// threads finishing spans at once do not also fight over the reporter's counters.
struct Counters {
  using Counter = std::atomic<uint64_t>;

  // Bumped by the application's threads on every span: one slot per thread, no locked
  // instruction on the hot path.
  ShardedCounter spansStarted;
  ShardedCounter spansSampled;
  ShardedCounter spansFinished;
  alignas(64) Counter spansReported{0};
  Counter droppedQueueFull{0};
  Counter droppedTooLarge{0};
  Counter droppedSendFailed{0};
  Counter droppedAfterClose{0};
  Counter droppedRejected{0};
  Counter batchesSent{0};
  Counter batchesFailed{0};
  Counter bytesSent{0};
  Counter headerDecodingErrors{0};

  static void add(Counter& counter, uint64_t n = 1) noexcept {
    counter.fetch_add(n, std::memory_order_relaxed);
  }
  static void add(ShardedCounter& counter, uint64_t n = 1) noexcept { counter.add(n); }
  static void subtract(ShardedCounter& counter, uint64_t n = 1) noexcept { counter.subtract(n); }
  static uint64_t read(const Counter& counter) noexcept {
    return counter.load(std::memory_order_relaxed);
  }
  static uint64_t read(const ShardedCounter& counter) noexcept { return counter.read(); }

  // A forked child's tracer starts counting afresh: the parent reports its own numbers.
  void reset() noexcept {
    for (Counter* counter : {&spansReported, &droppedQueueFull, &droppedTooLarge,
                             &droppedSendFailed, &droppedAfterClose, &batchesSent, &batchesFailed,
                             &bytesSent, &headerDecodingErrors, &droppedRejected}) {
      counter->store(0, std::memory_order_relaxed);
    }
    spansStarted.reset();
    spansSampled.reset();
    spansFinished.reset();
  }

  TracerStats snapshot() const noexcept {
    TracerStats stats;
    stats.spansStarted = read(spansStarted);
    stats.spansSampled = read(spansSampled);
    stats.spansFinished = read(spansFinished);
    stats.spansReported = read(spansReported);
    stats.droppedQueueFull = read(droppedQueueFull);
    stats.droppedTooLarge = read(droppedTooLarge);
    stats.droppedSendFailed = read(droppedSendFailed);
    stats.droppedAfterClose = read(droppedAfterClose);
    stats.droppedRejected = read(droppedRejected);
    stats.batchesSent = read(batchesSent);
    stats.batchesFailed = read(batchesFailed);
    stats.bytesSent = read(bytesSent);
    stats.headerDecodingErrors = read(headerDecodingErrors);
    return stats;
  }
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_METRICS_COUNTERS_H
