// Nothing the application calls blocks past a bound it can see, whatever the collector does:
// close(timeout), Close(), the destructor of the last handle and of the last span. What is
// still queued when the bound is hit is dropped and counted. The bounds asserted here are
// loose (twice the bound and more): they tell a bounded call from one that waits for every
// batch's request timeout (minutes here), and make no claim about speed.
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <opentracing/ext/tags.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "support/CollectorServer.h"

namespace jaegertracing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kQueued = 2000;

// Every batch would wait a minute for an answer; 200 batches of 10 spans.
std::shared_ptr<Tracer> tracerTo(const std::string& endpoint, const std::string& service) {
  reporters::Config reporter(kQueued * 2, std::chrono::hours(1), false, "", endpoint);
  reporter.setRequestTimeout(60s).setMaxBatchSpans(10);
  return std::dynamic_pointer_cast<Tracer>(
      Tracer::make(service, Config(false, false, samplers::Config("const", 1), reporter)));
}

uint64_t accounted(const TracerStats& stats) {
  return stats.spansReported + stats.droppedQueueFull + stats.droppedTooLarge +
         stats.droppedSendFailed + stats.droppedAfterClose + stats.droppedRejected;
}

TEST(ShutdownTest, CloseAbandonsAHungCollectorAtItsDeadlineAndCountsWhatIsLeft) {
  testing::CollectorServer collector;
  collector.hang();
  auto tracer = tracerTo(collector.endpoint(), "hung-close");
  ASSERT_NE(tracer, nullptr);
  for (int i = 0; i < kQueued; ++i) tracer->StartSpan("queued")->Finish();
  const auto start = Clock::now();
  EXPECT_FALSE(tracer->close(300ms));
  EXPECT_LT(Clock::now() - start, 3s);
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.spansFinished, static_cast<uint64_t>(kQueued));
  EXPECT_EQ(stats.spansReported, 0u);
  EXPECT_EQ(accounted(stats), stats.spansFinished);
  // Abandoned in flight or failed at the deadline, or still queued then.
  EXPECT_EQ(stats.droppedSendFailed + stats.droppedAfterClose, static_cast<uint64_t>(kQueued));
}

TEST(ShutdownTest, DroppingTheLastHandleOnAHungCollectorIsBounded) {
  testing::CollectorServer collector;
  collector.hang();
  auto tracer = tracerTo(collector.endpoint(), "hung-drop");
  ASSERT_NE(tracer, nullptr);
  for (int i = 0; i < kQueued; ++i) tracer->StartSpan("queued")->Finish();
  const auto start = Clock::now();
  tracer.reset();  // Close()'s 5 s, not 200 batches' request timeouts
  EXPECT_LT(Clock::now() - start, 12s);
}

TEST(ShutdownTest, TheLastSpansDestructorOnAHungCollectorIsBounded) {
  testing::CollectorServer collector;
  collector.hang();
  auto tracer = tracerTo(collector.endpoint(), "hung-span");
  ASSERT_NE(tracer, nullptr);
  auto last = tracer->StartSpan("last");
  for (int i = 0; i < kQueued; ++i) tracer->StartSpan("queued")->Finish();
  auto start = Clock::now();
  tracer.reset();  // flushes, bounded, and leaves the tracer to its span
  EXPECT_LT(Clock::now() - start, 12s);
  start = Clock::now();
  last.reset();  // on an application thread: closes, bounded
  EXPECT_LT(Clock::now() - start, 12s);
}

TEST(ShutdownTest, ManyThreadsCloseAndFlushAtOnce) {
  for (int round = 0; round < 20; ++round) {
    testing::CollectorServer collector;
    auto tracer = tracerTo(collector.endpoint(), "many-closers");
    ASSERT_NE(tracer, nullptr);
    for (int i = 0; i < 20; ++i) tracer->StartSpan("queued")->Finish();
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
      threads.emplace_back([&, t] {
        if (t % 3 == 0) {
          tracer->Close();
        } else if (t % 3 == 1) {
          tracer->Flush(5s);
        } else {
          tracer->StartSpan("racing")->Finish();
        }
      });
    }
    for (auto& thread : threads) thread.join();
    const TracerStats stats = tracer->stats();
    EXPECT_EQ(accounted(stats), stats.spansFinished) << "round " << round;
    EXPECT_GE(stats.spansReported, 20u) << "round " << round;
  }
}

}  // namespace
}  // namespace jaegertracing
