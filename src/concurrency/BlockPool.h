#ifndef JAEGERTRACING_SRC_CONCURRENCY_BLOCKPOOL_H
#define JAEGERTRACING_SRC_CONCURRENCY_BLOCKPOOL_H

#include <atomic>
#include <cstddef>
#include <new>
#include <type_traits>

namespace jaegertracing {
namespace detail {

// Recycles fixed-size blocks of memory, so that a span costs no heap allocation once the
// process is warm. Spans and their records are taken on application threads and given back on
// whichever thread finishes or reports them (often the reporter's), so blocks travel between
// threads:
// - each thread keeps a small cache, used without any atomic operation;
// - a thread whose cache overflows pushes the block onto one shared lock-free stack;
// - a thread whose cache is empty takes the whole shared stack at once, keeps at most
//   kMaxCachedPerThread blocks and pushes the rest back. Taking all with one exchange (never
//   popping one node with a compare-and-swap) is what keeps the stack free of the ABA problem;
//   pushing a list back is ABA-safe, as every push is (it never reads the head's successor).
// What stays pinned is bounded, so a burst does not keep its peak memory for the life of the
// process:
// - a thread pins at most kMaxCachedPerThread blocks per pool: 256 x BlockSize, that is
//   256 x 512 B = 128 KiB of spans plus 256 x 448 B = 112 KiB of records (240 KiB a thread);
// - the shared stack holds at most about kMaxSharedBlocks blocks per pool (past it, released
//   blocks go back to the heap; concurrent pushes may overshoot by one block each): 8192 x
//   BlockSize, that is 4 MiB of spans plus 3.5 MiB of records;
// - a thread's cache goes back to the shared stack (or the heap) when the thread exits.
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

  static constexpr size_t kMaxCachedPerThread = 256;
  static constexpr size_t kMaxSharedBlocks = 8192;

  // For tests: the blocks the calling thread's cache holds.
  static size_t cachedOnThisThread() noexcept {
    return threadCacheDestroyed() ? 0 : threadCache().count;
  }

 private:
  struct FreeBlock {
    FreeBlock* next;
  };

  struct Shared {
    std::atomic<FreeBlock*> head{nullptr};
    std::atomic<size_t> count{0};
  };

  // Trivially destructible, so usable while static destructors run at exit, and constant-
  // initialized: its first use allocates nothing that could fail inside a noexcept refill.
  static Shared& shared() noexcept {
    static_assert(std::is_trivially_destructible_v<Shared>);
    static Shared instance;
    return instance;
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

  // Gives back blocks taken from the shared stack but not kept; they are still counted in it.
  static void pushListShared(FreeBlock* first) noexcept {
    Shared& pool = shared();
    FreeBlock* expected = nullptr;
    // Usually nobody pushed since the exchange: the list becomes the stack as it is.
    if (pool.head.compare_exchange_strong(expected, first, std::memory_order_release,
                                          std::memory_order_relaxed)) {
      return;
    }
    FreeBlock* last = first;
    while (last->next != nullptr) last = last->next;
    FreeBlock* head = expected;
    do {
      last->next = head;
    } while (!pool.head.compare_exchange_weak(head, first, std::memory_order_release,
                                              std::memory_order_relaxed));
  }

  struct ThreadCache {
    FreeBlock* head = nullptr;
    size_t count = 0;

    void refill() noexcept {
      Shared& pool = shared();
      if (pool.head.load(std::memory_order_relaxed) == nullptr) return;
      FreeBlock* taken = pool.head.exchange(nullptr, std::memory_order_acquire);
      if (taken == nullptr) return;
      // Keep the first kMaxCachedPerThread blocks: walk only those, never the whole list.
      FreeBlock* last = taken;
      size_t kept = 1;
      while (kept < kMaxCachedPerThread && last->next != nullptr) {
        last = last->next;
        ++kept;
      }
      FreeBlock* rest = last->next;
      last->next = nullptr;
      pool.count.fetch_sub(kept, std::memory_order_relaxed);
      head = taken;
      count = kept;
      if (rest != nullptr) pushListShared(rest);
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

#endif  // JAEGERTRACING_SRC_CONCURRENCY_BLOCKPOOL_H
