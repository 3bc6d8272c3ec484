// The global operator new and delete, replaced (every form: plain, array, nothrow, aligned) in
// the binaries that link support/ReplacedOperatorNew.cpp: malloc and free, as libstdc++'s are,
// after a call of onAllocation(), which each of those binaries defines: to count allocations
// (tests/allocation, bench/) or to make one fail (tests/faults). Never in a sanitized binary:
// it would blind AddressSanitizer.
#ifndef JAEGERTRACING_TESTS_SUPPORT_REPLACEDOPERATORNEW_H
#define JAEGERTRACING_TESTS_SUPPORT_REPLACEDOPERATORNEW_H

namespace jaegertracing {
namespace testing {

// Runs before every allocation of any thread, and must not allocate. True fails that allocation:
// std::bad_alloc, or nullptr from the nothrow forms.
bool onAllocation() noexcept;

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_REPLACEDOPERATORNEW_H
