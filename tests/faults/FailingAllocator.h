#ifndef JAEGERTRACING_TESTS_FAULTS_FAILINGALLOCATOR_H
#define JAEGERTRACING_TESTS_FAULTS_FAILINGALLOCATOR_H

#include <cstdint>

namespace jaegertracing {
namespace testing {

// The global operator new of this binary, which can be told to fail. Disarmed it only
// allocates. Armed with n, it lets n more allocations succeed, on any thread, and throws
// std::bad_alloc (returns nullptr for the nothrow forms) for the next one: only that one when
// `persistent` is false (a failure at one place), every one after it when true (memory ran out).
void armAllocationFailure(int64_t allocationsBeforeFailing, bool persistent);
void disarmAllocationFailure();
// Calls of the global operator new since the last arming, the failed ones included.
uint64_t allocationsSinceArmed();
// Calls that failed since the last arming.
uint64_t failedAllocations();

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_FAULTS_FAILINGALLOCATOR_H
