#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "concurrency/SpinLock.h"

namespace jaegertracing {
namespace detail {
namespace {

// Counts the time slices a waiter gives up, then gives its slice up for real.
struct CountingYield {
  static std::atomic<int> yields;
  static void pause() noexcept { ThreadYield::pause(); }
  static void yield() noexcept {
    yields.fetch_add(1, std::memory_order_relaxed);
    std::this_thread::yield();
  }
};
std::atomic<int> CountingYield::yields{0};

// Waits for `done` with a deadline far past anything a working lock needs, so a lock that
// never yields fails the test instead of hanging it.
template <typename Condition>
bool waitFor(Condition done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

TEST(SpinLockTest, WaiterYieldsWhileTheHolderKeepsTheLock) {
  BasicSpinLock<CountingYield> lock;
  CountingYield::yields = 0;
  lock.lock();
  std::atomic<bool> acquired{false};
  std::thread waiter([&] {
    lock.lock();
    acquired = true;
    lock.unlock();
  });
  // The holder keeps the lock until the waiter has given up its time slice several times: a
  // lock that only spins never does, and the wait below fails at its deadline.
  const bool yielded = waitFor([] { return CountingYield::yields.load() >= 3; });
  EXPECT_FALSE(acquired.load());
  lock.unlock();
  EXPECT_TRUE(yielded);
  EXPECT_TRUE(waitFor([&] { return acquired.load(); }));
  waiter.join();
}

TEST(SpinLockTest, UncontendedLockNeverYields) {
  BasicSpinLock<CountingYield> lock;
  CountingYield::yields = 0;
  for (int i = 0; i < 1000; ++i) {
    std::lock_guard<BasicSpinLock<CountingYield>> guard(lock);
  }
  EXPECT_EQ(CountingYield::yields.load(), 0);
}

TEST(SpinLockTest, ExcludesUnderContention) {
  SpinLock lock;
  constexpr int kThreads = 4;
  constexpr int kIncrements = 20000;
  long counter = 0;  // not atomic: the lock alone keeps the increments whole
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kIncrements; ++i) {
        std::lock_guard<SpinLock> guard(lock);
        ++counter;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(counter, long{kThreads} * kIncrements);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
