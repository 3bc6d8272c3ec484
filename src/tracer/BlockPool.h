#ifndef JAEGERTRACING_SRC_TRACER_BLOCKPOOL_H
#define JAEGERTRACING_SRC_TRACER_BLOCKPOOL_H

#include <atomic>
#include <cstddef>
#include <new>

namespace jaegertracing {
namespace detail {

// Recycles fixed-size blocks of memory, so that a span costs no heap allocation once the
// process is warm. Spans and their records are taken on application threads and given back on
// whichever thread finishes or reports them (often the reporter's), so blocks travel between
// threads:
// - each thread keeps a small cache, used without any atomic operation;
// - a thread whose cache overflows pushes the block onto one shared lock-free stack;
// - a thread whose cache is empty takes the whole shared stack at once. Taking all with one
//   exchange (never popping one node with a compare-and-swap) is what keeps the stack free of
//   the ABA problem.
// The shared stack is bounded: past kMaxSharedBlocks, blocks go back to the heap, so a burst
// does not pin its peak memory for the life of the process.
//
// Under AddressSanitizer every block comes from and returns to the heap, so that a use after
// release is still caught.
template <size_t BlockSize>
class BlockPool {
 public:
  static_assert(BlockSize >= sizeof(void*), "a free block holds the link to the next one");

  static void* allocate() {
#ifndef JAEGERTRACING_POOL_DISABLED
    if (threadCacheDestroyed()) return ::operator new(BlockSize);
    ThreadCache& cache = threadCache();
    if (cache.head == nullptr) cache.refill();
    if (cache.head != nullptr) {
      FreeBlock* block = cache.head;
      cache.head = block->next;
      --cache.count;
      return block;
    }
#endif
    return ::operator new(BlockSize);
  }

  static void release(void* memory) noexcept {
    if (memory == nullptr) return;
#ifndef JAEGERTRACING_POOL_DISABLED
    if (!threadCacheDestroyed() && threadCache().count < kMaxCachedPerThread) {
      ThreadCache& cache = threadCache();
      auto* block = static_cast<FreeBlock*>(memory);
      block->next = cache.head;
      cache.head = block;
      ++cache.count;
      return;
    }
    if (pushShared(static_cast<FreeBlock*>(memory))) return;
#endif
    ::operator delete(memory);
  }

 private:
  static constexpr size_t kMaxCachedPerThread = 256;
  static constexpr size_t kMaxSharedBlocks = 8192;

  struct FreeBlock {
    FreeBlock* next;
  };

  struct Shared {
    std::atomic<FreeBlock*> head{nullptr};
    std::atomic<size_t> count{0};
  };

  // Never destroyed: threads may release blocks while static destructors run at exit.
  static Shared& shared() {
    static Shared* instance = new Shared();
    return *instance;
  }

  static bool pushShared(FreeBlock* block) noexcept {
    Shared& pool = shared();
    if (pool.count.load(std::memory_order_relaxed) >= kMaxSharedBlocks) return false;
    pool.count.fetch_add(1, std::memory_order_relaxed);
    FreeBlock* head = pool.head.load(std::memory_order_relaxed);
    do {
      block->next = head;
    } while (!pool.head.compare_exchange_weak(head, block, std::memory_order_release,
                                              std::memory_order_relaxed));
    return true;
  }

  struct ThreadCache {
    FreeBlock* head = nullptr;
    size_t count = 0;

    void refill() noexcept {
      Shared& pool = shared();
      if (pool.head.load(std::memory_order_relaxed) == nullptr) return;
      FreeBlock* taken = pool.head.exchange(nullptr, std::memory_order_acquire);
      size_t takenCount = 0;
      for (FreeBlock* block = taken; block != nullptr; block = block->next) ++takenCount;
      pool.count.fetch_sub(takenCount, std::memory_order_relaxed);
      head = taken;
      count = takenCount;
    }

    ~ThreadCache() {
      threadCacheDestroyed() = true;
      while (head != nullptr) {
        FreeBlock* block = head;
        head = block->next;
        if (!pushShared(block)) ::operator delete(block);
      }
      count = 0;
    }
  };

  static ThreadCache& threadCache() {
    thread_local ThreadCache cache;
    return cache;
  }

  // Set once this thread's cache is destroyed, for blocks released later by other thread_local
  // destructors; trivially destructible, so it can be read until the thread is gone.
  static bool& threadCacheDestroyed() {
    thread_local bool destroyed = false;
    return destroyed;
  }
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TRACER_BLOCKPOOL_H
