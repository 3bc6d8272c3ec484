#ifndef JAEGERTRACING_TESTS_ALLOCATION_ALLOCATIONCOUNTER_H
#define JAEGERTRACING_TESTS_ALLOCATION_ALLOCATIONCOUNTER_H

#include <cstdint>

namespace jaegertracing {
namespace testing {

// Calls of the global operator new made by the calling thread since it started.
uint64_t allocationsOnThisThread();

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_ALLOCATION_ALLOCATIONCOUNTER_H
