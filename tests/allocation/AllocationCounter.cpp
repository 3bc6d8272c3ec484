// Counts the heap allocations each thread makes, through the replaced operator new of this test
// binary (support/ReplacedOperatorNew.cpp).
#include "AllocationCounter.h"

#include "support/ReplacedOperatorNew.h"

namespace jaegertracing {
namespace testing {
namespace {

thread_local uint64_t threadAllocations = 0;

}  // namespace

bool onAllocation() noexcept {
  ++threadAllocations;
  return false;
}

uint64_t allocationsOnThisThread() { return threadAllocations; }

}  // namespace testing
}  // namespace jaegertracing
