// Makes allocations fail, through the replaced operator new of this test binary
// (support/ReplacedOperatorNew.cpp).
#include "FailingAllocator.h"

#include <atomic>

#include "support/ReplacedOperatorNew.h"

namespace jaegertracing {
namespace testing {
namespace {

std::atomic<bool> armed{false};
std::atomic<bool> failEveryOneAfter{false};
std::atomic<int64_t> remaining{0};
std::atomic<uint64_t> calls{0};
std::atomic<uint64_t> failed{0};

}  // namespace

bool onAllocation() noexcept {
  if (!armed.load(std::memory_order_relaxed)) return false;
  calls.fetch_add(1, std::memory_order_relaxed);
  const int64_t left = remaining.fetch_sub(1, std::memory_order_relaxed);
  if (left > 0) return false;
  if (left < 0 && !failEveryOneAfter.load(std::memory_order_relaxed)) return false;
  failed.fetch_add(1, std::memory_order_relaxed);
  return true;
}

void armAllocationFailure(int64_t allocationsBeforeFailing, bool persistent) {
  failEveryOneAfter.store(persistent, std::memory_order_relaxed);
  calls.store(0, std::memory_order_relaxed);
  failed.store(0, std::memory_order_relaxed);
  remaining.store(allocationsBeforeFailing, std::memory_order_relaxed);
  armed.store(true, std::memory_order_seq_cst);
}

void disarmAllocationFailure() { armed.store(false, std::memory_order_seq_cst); }

uint64_t allocationsSinceArmed() { return calls.load(std::memory_order_relaxed); }
uint64_t failedAllocations() { return failed.load(std::memory_order_relaxed); }

}  // namespace testing
}  // namespace jaegertracing
