#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "concurrency/GracePeriod.h"

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
  const size_t recordsBefore = GracePeriod::threadRecords();
  size_t mostRecords = recordsBefore;
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
    grace.synchronize();
    other.synchronize();
    mostRecords = std::max(mostRecords, GracePeriod::threadRecords());
  }
  // The records of ended threads are free again and reused by the next round's threads: 200
  // threads came and went, and never more records were made than threads ran at once (four).
  // (How many a round needs depends on how its threads overlap, so no round is singled out.)
  EXPECT_LE(mostRecords, recordsBefore + 4);
}

// Waits for `done` with a deadline, so that a synchronize() that waits for the wrong reader
// fails the test instead of hanging it.
template <typename Condition>
bool waitFor(Condition done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

TEST(GracePeriodTest, SynchronizeWaitsForItsOwnReadersOnly) {
  GracePeriod grace;
  GracePeriod other;
  std::atomic<bool> inSection{false};
  std::atomic<bool> release{false};
  std::atomic<bool> leaving{false};
  // A reader inside a section of `other` for as long as the test says.
  std::thread reader([&] {
    GracePeriod::ReadSection section(other);
    inSection = true;
    while (!release.load()) std::this_thread::yield();
    leaving = true;
  });
  ASSERT_TRUE(waitFor([&] { return inSection.load(); }));

  // Nobody reads under `grace`: synchronize returns while the other section stays open.
  std::atomic<bool> synchronized{false};
  std::thread writer([&] {
    for (int i = 0; i < 1000; ++i) grace.synchronize();
    synchronized = true;
  });
  const bool returned = waitFor([&] { return synchronized.load(); });
  EXPECT_TRUE(returned);
  EXPECT_FALSE(leaving.load());

  // Under `other`, it returns only after the reader has left.
  std::atomic<bool> sawLeaving{false};
  std::atomic<bool> started{false};
  std::thread otherWriter([&] {
    started = true;
    other.synchronize();
    sawLeaving = leaving.load();
  });
  ASSERT_TRUE(waitFor([&] { return started.load(); }));
  for (int i = 0; i < 1000; ++i) std::this_thread::yield();  // let a broken writer run ahead
  release = true;
  writer.join();
  reader.join();
  otherWriter.join();
  EXPECT_TRUE(sawLeaving.load());
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
