// The resident set of this process, from /proc/self/status, for the soak test's check that
// memory stops growing once it is warmed up.
#ifndef JAEGERTRACING_TESTS_SOAK_PROCESSMEMORY_H
#define JAEGERTRACING_TESTS_SOAK_PROCESSMEMORY_H

#include <cstdint>

namespace jaegertracing {
namespace testing {

// VmRSS in KiB; 0 when it cannot be read.
uint64_t residentKiB();
// VmHWM, the peak resident set since the process started, in KiB; 0 when it cannot be read.
uint64_t peakResidentKiB();

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SOAK_PROCESSMEMORY_H
