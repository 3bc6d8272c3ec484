// The replaced global operator new and delete: malloc and free, as libstdc++'s are, plus one
// increment of a thread-local counter. The counter is thread-local and the increment plain, so
// counting adds no shared cache line and no atomic instruction to what a benchmark measures.
// operator new[] and the nothrow forms of libstdc++ call this operator new, so they are counted
// too.
#include "AllocationCounter.h"

#include <cstdlib>
#include <new>

namespace jaegertracing {
namespace bench {
namespace {

thread_local uint64_t allocations = 0;

}  // namespace

uint64_t allocationsOnThisThread() noexcept { return allocations; }

}  // namespace bench
}  // namespace jaegertracing

void* operator new(std::size_t size) {
  ++jaegertracing::bench::allocations;
  // malloc(0) may return null; operator new must return a unique pointer.
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}

void operator delete(void* memory) noexcept { std::free(memory); }

void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
