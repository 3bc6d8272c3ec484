#include "concurrency/GracePeriod.h"

#include <chrono>
#include <thread>

namespace jaegertracing {
namespace detail {
namespace {

// Every record ever made, newest first; records are never freed, so writers walk the list
// without a lock.
std::atomic<GraceThreadRecord*> records{nullptr};

// Read on every section: a plain pointer, since a thread_local with a destructor is reached
// through a guard on every access. The owner releases the record when the thread ends.
thread_local GraceThreadRecord* threadRecord = nullptr;

struct ThreadRecordOwner {
  bool armed = false;
  ~ThreadRecordOwner() {
    if (threadRecord == nullptr) return;
    threadRecord->active.store(0, std::memory_order_relaxed);
    threadRecord->inUse.store(false, std::memory_order_release);
    threadRecord = nullptr;
  }
};
thread_local ThreadRecordOwner threadRecordOwner;

GraceThreadRecord* registerThread() {
  threadRecordOwner.armed = true;  // constructed now, so destroyed when the thread ends
  for (GraceThreadRecord* record = records.load(std::memory_order_acquire); record != nullptr;
       record = record->next) {
    bool expected = false;
    if (!record->inUse.load(std::memory_order_relaxed) &&
        record->inUse.compare_exchange_strong(expected, true, std::memory_order_acquire)) {
      threadRecord = record;
      return record;
    }
  }
  auto* record = new GraceThreadRecord();
  record->next = records.load(std::memory_order_relaxed);
  // seq_cst: a writer that loads the list before this record is in it has flipped its parity
  // before, so this thread's first section sees the flip.
  while (!records.compare_exchange_weak(record->next, record, std::memory_order_seq_cst)) {
  }
  threadRecord = record;
  return record;
}

}  // namespace

GraceThreadRecord* GracePeriod::enter() {
  GraceThreadRecord* record = threadRecord;
  if (record == nullptr) record = registerThread();
  const uintptr_t self = reinterpret_cast<uintptr_t>(this);
  for (;;) {
    const uintptr_t parity = parity_.load(std::memory_order_seq_cst);
    record->active.store(self | parity, std::memory_order_seq_cst);
    if (parity_.load(std::memory_order_seq_cst) == parity) return record;
  }
}

void GracePeriod::synchronize() noexcept {
  const uintptr_t old = parity_.load(std::memory_order_relaxed);  // only writers change it
  parity_.store(old ^ 1u, std::memory_order_seq_cst);
  const uintptr_t oldSection = reinterpret_cast<uintptr_t>(this) | old;
  for (GraceThreadRecord* record = records.load(std::memory_order_seq_cst); record != nullptr;
       record = record->next) {
    for (int attempt = 0; record->active.load(std::memory_order_seq_cst) == oldSection; ++attempt) {
      if (attempt < 100) {
        std::this_thread::yield();
      } else {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
      }
    }
  }
}

void GracePeriod::resetAfterFork() noexcept {
  for (GraceThreadRecord* record = records.load(std::memory_order_relaxed); record != nullptr;
       record = record->next) {
    if (record == threadRecord) continue;
    record->active.store(0, std::memory_order_relaxed);
    record->inUse.store(false, std::memory_order_relaxed);
  }
}

size_t GracePeriod::threadRecords() noexcept {
  size_t count = 0;
  for (GraceThreadRecord* record = records.load(std::memory_order_acquire); record != nullptr;
       record = record->next) {
    ++count;
  }
  return count;
}

}  // namespace detail
}  // namespace jaegertracing
