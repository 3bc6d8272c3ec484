// Replaces the global operator new and delete of this test binary so that allocations can be
// made to fail. Only this binary: it would blind AddressSanitizer.
#include "FailingAllocator.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace jaegertracing {
namespace testing {
namespace {

std::atomic<bool> armed{false};
std::atomic<bool> failEveryOneAfter{false};
std::atomic<int64_t> remaining{0};
std::atomic<uint64_t> calls{0};
std::atomic<uint64_t> failed{0};

bool shouldFail() {
  if (!armed.load(std::memory_order_relaxed)) return false;
  calls.fetch_add(1, std::memory_order_relaxed);
  const int64_t left = remaining.fetch_sub(1, std::memory_order_relaxed);
  if (left > 0) return false;
  if (left < 0 && !failEveryOneAfter.load(std::memory_order_relaxed)) return false;
  failed.fetch_add(1, std::memory_order_relaxed);
  return true;
}

void* allocate(size_t size) {
  if (shouldFail()) throw std::bad_alloc();
  if (size == 0) size = 1;
  if (void* memory = std::malloc(size)) return memory;
  throw std::bad_alloc();
}

void* allocateAligned(size_t size, std::align_val_t alignment) {
  if (shouldFail()) throw std::bad_alloc();
  const size_t align = static_cast<size_t>(alignment);
  const size_t rounded = (size + align - 1) / align * align;
  if (void* memory = std::aligned_alloc(align, rounded == 0 ? align : rounded)) return memory;
  throw std::bad_alloc();
}

}  // namespace

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

using jaegertracing::testing::allocate;
using jaegertracing::testing::allocateAligned;

void* operator new(size_t size) { return allocate(size); }
void* operator new[](size_t size) { return allocate(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(size_t size, std::align_val_t alignment) {
  return allocateAligned(size, alignment);
}
void* operator new[](size_t size, std::align_val_t alignment) {
  return allocateAligned(size, alignment);
}
void* operator new(size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  try {
    return allocateAligned(size, alignment);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  try {
    return allocateAligned(size, alignment);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, size_t) noexcept { std::free(memory); }
void operator delete[](void* memory, size_t) noexcept { std::free(memory); }
void operator delete(void* memory, std::align_val_t) noexcept { std::free(memory); }
void operator delete[](void* memory, std::align_val_t) noexcept { std::free(memory); }
void operator delete(void* memory, size_t, std::align_val_t) noexcept { std::free(memory); }
void operator delete[](void* memory, size_t, std::align_val_t) noexcept { std::free(memory); }
void operator delete(void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete[](void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete(void* memory, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(memory);
}
void operator delete[](void* memory, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(memory);
}
