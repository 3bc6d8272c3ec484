#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "reporters/RemoteReporter.h"

namespace jaegertracing {
namespace detail {
namespace {

using namespace std::chrono_literals;

// The network boundary, faked: records what the reporter thread hands over, and can be held
// to make the queue fill.
class FakeNetwork {
 public:
  void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) {
    std::unique_lock<std::mutex> lock(mutex_);
    released_.wait(lock, [&] { return !held_; });
    for (const auto& span : spans) ids_.push_back(span->spanID);
    ++batches_;
  }
  void hold() {
    std::lock_guard<std::mutex> lock(mutex_);
    held_ = true;
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    held_ = false;
    released_.notify_all();
  }
  std::vector<uint64_t> ids() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return ids_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable released_;
  bool held_ = false;
  std::vector<uint64_t> ids_;
  size_t batches_ = 0;
};

// Counts what it hands over as reported, as a real sender does.
class FakeSender final : public Sender {
 public:
  FakeSender(std::shared_ptr<FakeNetwork> network, Counters& counters)
      : network_(std::move(network)), counters_(counters) {}
  void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) override {
    network_->send(spans);
    Counters::add(counters_.spansReported, spans.size());
  }

 private:
  std::shared_ptr<FakeNetwork> network_;
  Counters& counters_;
};

std::unique_ptr<SpanRecord> spanWithId(uint64_t id) {
  auto span = std::make_unique<SpanRecord>();
  span->spanID = id;
  return span;
}

struct Fixture {
  Counters counters;
  std::unique_ptr<logging::Logger> logger = logging::nullLogger();
  std::shared_ptr<FakeNetwork> sender = std::make_shared<FakeNetwork>();
  std::unique_ptr<RemoteReporter> reporter;

  Fixture(size_t queueSize, std::chrono::steady_clock::duration flushInterval) {
    reporter = std::make_unique<RemoteReporter>(
        queueSize, flushInterval,
        [network = sender, this] { return std::make_unique<FakeSender>(network, counters); },
        counters, *logger, false);
  }
};

TEST(RemoteReporterTest, CloseSendsEverythingQueued) {
  // A flush interval far longer than the test: only Close can have sent them.
  Fixture f(100, std::chrono::hours(1));
  for (uint64_t id = 1; id <= 10; ++id) f.reporter->report(spanWithId(id));
  EXPECT_TRUE(f.reporter->close(5s));
  EXPECT_EQ(f.sender->ids(), (std::vector<uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

TEST(RemoteReporterTest, FlushSendsEverythingQueuedBeforeIt) {
  Fixture f(100, std::chrono::hours(1));
  for (uint64_t id = 1; id <= 3; ++id) f.reporter->report(spanWithId(id));
  EXPECT_TRUE(f.reporter->flush(5s));
  EXPECT_EQ(f.sender->ids().size(), 3u);
  f.reporter->report(spanWithId(4));
  EXPECT_TRUE(f.reporter->flush(5s));
  EXPECT_EQ(f.sender->ids().size(), 4u);
}

TEST(RemoteReporterTest, FlushIntervalSendsWithoutBeingAsked) {
  Fixture f(100, 50ms);
  f.reporter->report(spanWithId(1));
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (f.sender->ids().empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  EXPECT_EQ(f.sender->ids(), std::vector<uint64_t>{1});
}

TEST(RemoteReporterTest, FullQueueDropsAndCountsWithoutBlocking) {
  Fixture f(4, std::chrono::hours(1));
  f.sender->hold();
  // The first spans wake the reporter, which then sits in the held sender with what it took;
  // the queue refills and the rest are dropped: the caller never waits.
  for (uint64_t id = 1; id <= 100; ++id) f.reporter->report(spanWithId(id));
  f.sender->release();
  EXPECT_TRUE(f.reporter->close(5s));
  const uint64_t delivered = f.sender->ids().size();
  EXPECT_GT(Counters::read(f.counters.droppedQueueFull), 0u);
  EXPECT_EQ(delivered + Counters::read(f.counters.droppedQueueFull), 100u);
}

TEST(RemoteReporterTest, SpansAfterCloseAreDroppedAndCounted) {
  Fixture f(10, std::chrono::hours(1));
  EXPECT_TRUE(f.reporter->close(5s));
  f.reporter->report(spanWithId(1));
  EXPECT_EQ(Counters::read(f.counters.droppedAfterClose), 1u);
  EXPECT_TRUE(f.sender->ids().empty());
  EXPECT_TRUE(f.reporter->flush(1s));
}

TEST(RemoteReporterTest, CloseUnderLoadFromSeveralThreadsLosesNothingUncounted) {
  Fixture f(1000, 1ms);
  std::vector<std::thread> threads;
  std::atomic<uint64_t> next{1};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5000; ++i) f.reporter->report(spanWithId(next.fetch_add(1)));
    });
  }
  EXPECT_TRUE(f.reporter->close(10s));
  for (auto& thread : threads) thread.join();
  // Spans pushed by producers that passed the closed check as the thread ended are found now.
  f.reporter->countStragglers();
  const uint64_t sent = f.sender->ids().size();
  EXPECT_EQ(sent, Counters::read(f.counters.spansReported));
  EXPECT_EQ(sent + Counters::read(f.counters.droppedQueueFull) +
                Counters::read(f.counters.droppedAfterClose),
            20000u);
}

TEST(RemoteReporterTest, EveryCloseRaceEndsWithEverySpanCountedOnce) {
  // Many short rounds: producers still pushing while two threads close at once.
  for (int round = 0; round < 100; ++round) {
    Fixture f(64, 1ms);
    std::atomic<uint64_t> pushed{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> producers;
    for (int t = 0; t < 3; ++t) {
      producers.emplace_back([&] {
        while (!stop.load()) {
          f.reporter->report(spanWithId(1));
          pushed.fetch_add(1);
        }
      });
    }
    while (pushed.load() < 200) std::this_thread::yield();
    std::thread otherCloser([&] { f.reporter->close(5s); });
    f.reporter->close(5s);
    otherCloser.join();
    stop = true;
    for (auto& producer : producers) producer.join();
    f.reporter->countStragglers();
    EXPECT_EQ(Counters::read(f.counters.spansReported) +
                  Counters::read(f.counters.droppedQueueFull) +
                  Counters::read(f.counters.droppedAfterClose),
              pushed.load())
        << "round " << round;
    EXPECT_EQ(f.reporter->queueLength(), 0u);
  }
}

TEST(RemoteReporterTest, FlushTrueMeansEverySpanFinishedBeforeItWasHandedOver) {
  Fixture f(20000, std::chrono::hours(1));
  std::atomic<bool> stop{false};
  std::vector<std::thread> producers;
  for (int t = 0; t < 2; ++t) {
    producers.emplace_back([&] {
      // Other producers claiming and filling positions all the time, without flooding the
      // queue: a yield after each.
      while (!stop.load()) {
        f.reporter->report(spanWithId(7));
        std::this_thread::yield();
      }
    });
  }
  int queuedMarkers = 0;
  std::vector<uint64_t> missing;
  for (uint64_t marker = 1000; marker < 1100; ++marker) {
    const uint64_t droppedBefore = Counters::read(f.counters.droppedQueueFull);
    f.reporter->report(spanWithId(marker));
    // Only this thread's marker was dropped if the count rose by more than the producers'.
    const bool mayBeDropped = Counters::read(f.counters.droppedQueueFull) != droppedBefore;
    const bool flushed = f.reporter->flush(10s);
    if (mayBeDropped) continue;
    ++queuedMarkers;
    const auto ids = f.sender->ids();
    if (!flushed || std::find(ids.begin(), ids.end(), marker) == ids.end()) {
      missing.push_back(marker);
    }
  }
  stop = true;
  for (auto& producer : producers) producer.join();
  EXPECT_TRUE(missing.empty()) << missing.size() << " markers not handed over, first "
                               << missing.front();
  // Most markers found the queue with room: the check above is not empty.
  EXPECT_GT(queuedMarkers, 50);
}

TEST(RemoteReporterTest, CloseAndFlushFromManyThreadsAtOnce) {
  for (int round = 0; round < 20; ++round) {
    Fixture f(100, 1ms);
    for (uint64_t id = 1; id <= 50; ++id) f.reporter->report(spanWithId(id));
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
      threads.emplace_back([&, t] {
        if (t % 2 == 0) {
          f.reporter->close(5s);
        } else {
          f.reporter->flush(5s);
        }
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(f.sender->ids().size(), 50u) << "round " << round;
  }
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
