#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "samplers/GracePeriod.h"

namespace jaegertracing {
namespace detail {
namespace {

struct Published {
  explicit Published(int version) : version(version), values(64, version) {}
  std::atomic<bool> retired{false};
  const int version;
  std::vector<int> values;
};

// Readers check that what they loaded was not retired (and, under AddressSanitizer, not freed)
// while they used it, while a writer replaces and frees the object as fast as it can.
TEST(GracePeriodTest, NoReaderSeesAnObjectRetiredDuringItsReadSection) {
  GracePeriod grace;
  std::atomic<Published*> current{new Published(0)};
  std::atomic<bool> done{false};
  std::atomic<int> violations{0};
  std::atomic<long> reads{0};
  std::atomic<int> started{0};

  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      long mine = 0;
      while (!done.load(std::memory_order_relaxed)) {
        GracePeriod::ReadSection section(grace);
        const Published* object = current.load(std::memory_order_seq_cst);
        int sum = 0;
        for (const int value : object->values) sum += value;
        if (sum != 64 * object->version || object->retired.load(std::memory_order_relaxed)) {
          ++violations;
        }
        if (mine++ == 0) ++started;
      }
      reads += mine;
    });
  }
  // Replacing objects nobody reads would prove nothing.
  while (started.load() < 3) std::this_thread::yield();
  for (int version = 1; version <= 3000; ++version) {
    Published* old = current.exchange(new Published(version), std::memory_order_seq_cst);
    grace.synchronize();
    old->retired.store(true, std::memory_order_relaxed);
    delete old;
  }
  done = true;
  for (auto& reader : readers) reader.join();
  delete current.load();
  EXPECT_EQ(violations.load(), 0);
  EXPECT_GT(reads.load(), 0);
}

TEST(GracePeriodTest, ThreadsThatComeAndGoLeaveNothingToWaitFor) {
  GracePeriod grace;
  GracePeriod other;
  std::atomic<int> current{0};
  for (int round = 0; round < 50; ++round) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 100; ++i) {
          GracePeriod::ReadSection section(i % 2 == 0 ? grace : other);
          current.load();
        }
      });
    }
    grace.synchronize();
    for (auto& thread : threads) thread.join();
    // Their records are free again (and reused by the next round's threads).
    grace.synchronize();
    other.synchronize();
  }
}

TEST(GracePeriodTest, SynchronizeWithoutReadersReturnsAtOnce) {
  GracePeriod grace;
  for (int i = 0; i < 1000; ++i) grace.synchronize();
  { GracePeriod::ReadSection section(grace); }
  grace.synchronize();
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
