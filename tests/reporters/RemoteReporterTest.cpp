#include <gtest/gtest.h>

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

class FakeSender final : public Sender {
 public:
  explicit FakeSender(std::shared_ptr<FakeNetwork> network) : network_(std::move(network)) {}
  void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) override {
    network_->send(spans);
  }

 private:
  std::shared_ptr<FakeNetwork> network_;
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
        [network = sender] { return std::make_unique<FakeSender>(network); }, counters, *logger,
        false);
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
  const uint64_t sent = f.sender->ids().size();
  EXPECT_EQ(sent + Counters::read(f.counters.droppedQueueFull) +
                Counters::read(f.counters.droppedAfterClose),
            20000u);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
