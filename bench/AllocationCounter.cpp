// Counts allocations through the replaced global operator new and delete
// (tests/support/ReplacedOperatorNew.cpp: malloc and free, as libstdc++'s are). The counter is
// thread-local and the increment plain, so counting adds no shared cache line and no atomic
// instruction to what a benchmark measures.
#include "AllocationCounter.h"

#include "support/ReplacedOperatorNew.h"

namespace jaegertracing {
namespace bench {
namespace {

thread_local uint64_t allocations = 0;

}  // namespace

uint64_t allocationsOnThisThread() noexcept { return allocations; }

}  // namespace bench

bool testing::onAllocation() noexcept {
  ++bench::allocations;
  return false;
}

}  // namespace jaegertracing
