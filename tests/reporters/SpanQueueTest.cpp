#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "reporters/SpanQueue.h"

namespace jaegertracing {
namespace detail {
namespace {

std::unique_ptr<SpanRecord> spanWithId(uint64_t id) {
  auto span = std::make_unique<SpanRecord>();
  span->spanID = id;
  return span;
}

TEST(SpanQueueTest, HoldsExactlyItsCapacityInOrder) {
  SpanQueue queue(3);
  for (uint64_t id = 1; id <= 3; ++id) {
    auto span = spanWithId(id);
    EXPECT_TRUE(queue.tryPush(span));
    EXPECT_EQ(span, nullptr);
  }
  auto refused = spanWithId(4);
  EXPECT_FALSE(queue.tryPush(refused));
  ASSERT_NE(refused, nullptr);  // the caller keeps what was refused
  EXPECT_EQ(queue.size(), 3u);
  for (uint64_t id = 1; id <= 3; ++id) EXPECT_EQ(queue.tryPop()->spanID, id);
  EXPECT_EQ(queue.tryPop(), nullptr);
  EXPECT_TRUE(queue.tryPush(refused));
  EXPECT_EQ(queue.tryPop()->spanID, 4u);
}

TEST(SpanQueueTest, ManyProducersOneConsumerLoseAndDuplicateNothing) {
  SpanQueue queue(64);
  constexpr int kThreads = 4;
  constexpr uint64_t kPerThread = 20000;
  std::atomic<uint64_t> refused{0};
  std::atomic<bool> producing{true};
  std::set<uint64_t> seen;
  uint64_t duplicates = 0;
  std::thread consumer([&] {
    for (;;) {
      auto span = queue.tryPop();
      if (span) {
        if (!seen.insert(span->spanID).second) ++duplicates;
      } else if (!producing.load()) {
        if (!(span = queue.tryPop())) break;
        if (!seen.insert(span->spanID).second) ++duplicates;
      }
    }
  });
  std::vector<std::thread> producers;
  for (int t = 0; t < kThreads; ++t) {
    producers.emplace_back([&, t] {
      for (uint64_t i = 0; i < kPerThread; ++i) {
        auto span = spanWithId(t * kPerThread + i + 1);
        if (!queue.tryPush(span)) refused.fetch_add(1);
      }
    });
  }
  for (auto& producer : producers) producer.join();
  producing.store(false);
  consumer.join();
  EXPECT_EQ(duplicates, 0u);
  EXPECT_EQ(seen.size() + refused.load(), kThreads * kPerThread);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
