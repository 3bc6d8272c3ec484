#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

#include "concurrency/BlockPool.h"

namespace jaegertracing {
namespace detail {
namespace {

// Under AddressSanitizer the pool hands every block to the heap: there is no cache to test.
#ifndef JAEGERTRACING_POOL_DISABLED

// A block size no other code uses: this pool's shared stack is the test's alone.
using TestPool = BlockPool<1016>;
constexpr size_t kBurst = 2000;

std::vector<void*> allocateBurst(size_t count) {
  std::vector<void*> blocks;
  for (size_t i = 0; i < count; ++i) blocks.push_back(TestPool::allocate());
  return blocks;
}

TEST(BlockPoolTest, RefillPinsAtMostTheCacheBoundAndLeavesTheRestShared) {
  static_assert(kBurst > 2 * TestPool::kMaxCachedPerThread, "the burst overflows a cache");
  // A burst allocated on one thread and released on another, as spans are by the reporter:
  // the releasing thread's cache overflows onto the shared stack, and its exit moves its cache
  // there too.
  const std::vector<void*> burst = allocateBurst(kBurst);
  std::thread([&] {
    for (void* block : burst) TestPool::release(block);
  }).join();
  const std::set<void*> released(burst.begin(), burst.end());

  std::thread([&] {
    ASSERT_EQ(TestPool::cachedOnThisThread(), 0u);
    std::vector<void*> taken{TestPool::allocate()};
    // The refill took the shared stack, kept a cache's worth and handed the first block out.
    EXPECT_EQ(TestPool::cachedOnThisThread(), TestPool::kMaxCachedPerThread - 1);
    // The rest went back to the shared stack rather than to the heap: every block of the
    // burst is handed out again before any fresh one.
    size_t mostCached = 0;
    for (size_t i = 1; i < kBurst; ++i) {
      taken.push_back(TestPool::allocate());
      mostCached = std::max(mostCached, TestPool::cachedOnThisThread());
    }
    EXPECT_LE(mostCached, TestPool::kMaxCachedPerThread);
    EXPECT_EQ(std::set<void*>(taken.begin(), taken.end()), released);
    for (void* block : taken) TestPool::release(block);
    EXPECT_EQ(TestPool::cachedOnThisThread(), TestPool::kMaxCachedPerThread);
  }).join();
}

TEST(BlockPoolTest, ConcurrentRefillsLoseAndDuplicateNoBlock) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([] {
      for (int round = 0; round < kRounds; ++round) {
        std::vector<void*> blocks = allocateBurst(TestPool::kMaxCachedPerThread * 2);
        // A block handed to two owners at once would show as a duplicate here.
        EXPECT_EQ(std::set<void*>(blocks.begin(), blocks.end()).size(), blocks.size());
        for (void* block : blocks) TestPool::release(block);
        EXPECT_LE(TestPool::cachedOnThisThread(), TestPool::kMaxCachedPerThread);
      }
    });
  }
  for (auto& thread : threads) thread.join();
}

#endif  // JAEGERTRACING_POOL_DISABLED

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
