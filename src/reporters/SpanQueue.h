#ifndef JAEGERTRACING_SRC_REPORTERS_SPANQUEUE_H
#define JAEGERTRACING_SRC_REPORTERS_SPANQUEUE_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

#include "model/SpanRecord.h"

namespace jaegertracing {
namespace detail {

// A bounded queue of finished spans from many application threads to the one reporter thread
// (Vyukov's bounded MPMC ring, used single-consumer). tryPush never blocks and never takes a
// lock: a full queue refuses the span, and the caller counts the drop. The capacity is exactly
// the configured queueSize, so "received + dropped = finished" holds to the span.
class SpanQueue {
 public:
  explicit SpanQueue(size_t capacity) : capacity_(capacity), cells_(new Cell[capacity]) {
    for (size_t i = 0; i < capacity_; ++i) {
      cells_[i].sequence.store(i, std::memory_order_relaxed);
    }
  }

  SpanQueue(const SpanQueue&) = delete;
  SpanQueue& operator=(const SpanQueue&) = delete;

  ~SpanQueue() {
    while (std::unique_ptr<SpanRecord> span = tryPop()) {
    }
  }

  // On success the queue owns the span; on failure the caller keeps it.
  bool tryPush(std::unique_ptr<SpanRecord>& span) noexcept {
    uint64_t position = tail_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& cell = cells_[position % capacity_];
      const uint64_t sequence = cell.sequence.load(std::memory_order_acquire);
      const int64_t difference = static_cast<int64_t>(sequence - position);
      if (difference == 0) {
        if (tail_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
          cell.span = span.release();
          cell.sequence.store(position + 1, std::memory_order_release);
          return true;
        }
      } else if (difference < 0) {
        return false;
      } else {
        position = tail_.load(std::memory_order_relaxed);
      }
    }
  }

  // Only the reporter's thread pops.
  std::unique_ptr<SpanRecord> tryPop() noexcept {
    const uint64_t position = head_.load(std::memory_order_relaxed);
    Cell& cell = cells_[position % capacity_];
    const uint64_t sequence = cell.sequence.load(std::memory_order_acquire);
    if (static_cast<int64_t>(sequence - (position + 1)) < 0) return nullptr;
    std::unique_ptr<SpanRecord> span(cell.span);
    cell.span = nullptr;
    head_.store(position + 1, std::memory_order_relaxed);
    cell.sequence.store(position + capacity_, std::memory_order_release);
    return span;
  }

  // Positions: every span pushed gets the next one. claimed() is one past the last position a
  // producer has taken (its span may not be readable yet); popped() is the next to pop. A
  // span pushed before claimed() was read has a position below it.
  uint64_t claimed() const noexcept { return tail_.load(std::memory_order_acquire); }
  uint64_t popped() const noexcept { return head_.load(std::memory_order_relaxed); }

  // Approximate while producers run.
  size_t size() const noexcept {
    const uint64_t tail = tail_.load(std::memory_order_relaxed);
    const uint64_t head = head_.load(std::memory_order_relaxed);
    return tail > head ? static_cast<size_t>(tail - head) : 0;
  }

  size_t capacity() const noexcept { return capacity_; }

  // In a forked child: the parent sends what was queued, so the child starts empty. A cell a
  // parent's producer had claimed but not yet published is simply reset; its span, if any,
  // belonged to a thread the child does not have.
  void resetAfterFork() noexcept {
    const uint64_t head = head_.load(std::memory_order_relaxed);
    const uint64_t tail = tail_.load(std::memory_order_relaxed);
    for (uint64_t position = head; position != tail; ++position) {
      Cell& cell = cells_[position % capacity_];
      if (cell.sequence.load(std::memory_order_relaxed) == position + 1) delete cell.span;
    }
    for (size_t i = 0; i < capacity_; ++i) {
      cells_[i].span = nullptr;
      cells_[i].sequence.store(i, std::memory_order_relaxed);
    }
    head_.store(0, std::memory_order_relaxed);
    tail_.store(0, std::memory_order_relaxed);
  }

 private:
  struct Cell {
    std::atomic<uint64_t> sequence{0};
    SpanRecord* span = nullptr;
  };

  // Producers and the consumer write different ends: keep them on different cache lines.
  alignas(64) std::atomic<uint64_t> tail_{0};
  alignas(64) std::atomic<uint64_t> head_{0};
  alignas(64) const size_t capacity_;
  std::unique_ptr<Cell[]> cells_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_REPORTERS_SPANQUEUE_H
