// Spans, contexts and tracer handles die in any order, on any thread: a span keeps a valid
// tracer(), Inject works, and a span sampled late is reported, after the application's last
// handle on the tracer is gone; the tracer goes with its last span. Under AddressSanitizer
// (scripts/test) a use after free in any of these is an error.
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <opentracing/ext/tags.h>

#include <atomic>
#include <memory>
#include <thread>
#include <unordered_map>
#include <vector>

#include "support/InMemoryReporter.h"
#include "tracer/TracerCore.h"
#include "tracer/TracerLifetime.h"

namespace jaegertracing {
namespace {

// Keeps what is reported where the test can read it after the tracer is gone, and says when
// the tracer destroyed it.
struct Outcome {
  std::atomic<int> reported{0};
  std::atomic<bool> reporterDestroyed{false};
};

class ProbeReporter final : public detail::Reporter {
 public:
  explicit ProbeReporter(std::shared_ptr<Outcome> outcome) : outcome_(std::move(outcome)) {}
  ~ProbeReporter() override { outcome_->reporterDestroyed = true; }
  void report(std::unique_ptr<detail::SpanRecord>) noexcept override { ++outcome_->reported; }
  bool flush(std::chrono::milliseconds) noexcept override { return true; }
  bool close(std::chrono::milliseconds) noexcept override { return true; }

 private:
  std::shared_ptr<Outcome> outcome_;
};

std::shared_ptr<Tracer> makeTracer(const std::shared_ptr<Outcome>& outcome,
                                   const std::string& sampler = "const", double param = 0) {
  return detail::TracerLifetime::make(std::make_unique<detail::TracerCore>(
      "lifetime", Config(false, false, samplers::Config(sampler, param)),
      std::shared_ptr<logging::Logger>(logging::nullLogger()),
      std::make_unique<ProbeReporter>(outcome)));
}

struct TextMap : opentracing::TextMapWriter {
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    headers[key] = value;
    return {};
  }
  mutable std::unordered_map<std::string, std::string> headers;
};

TEST(TracerLifetimeTest, AnUnsampledSpanSampledLateAfterTheLastHandleIsReported) {
  auto outcome = std::make_shared<Outcome>();
  auto tracer = makeTracer(outcome);
  auto span = tracer->StartSpan("late");
  const opentracing::Tracer* address = tracer.get();
  tracer.reset();
  EXPECT_FALSE(outcome->reporterDestroyed);
  EXPECT_EQ(&span->tracer(), address);
  span->SetTag(opentracing::ext::sampling_priority, 1);
  span->Finish();
  EXPECT_EQ(outcome->reported, 1);
  span.reset();
  EXPECT_TRUE(outcome->reporterDestroyed);
}

TEST(TracerLifetimeTest, InjectThroughTheSpansTracerAfterTheLastHandle) {
  auto outcome = std::make_shared<Outcome>();
  auto tracer = makeTracer(outcome);
  auto span = tracer->StartSpan("inject");
  tracer.reset();
  TextMap carrier;
  ASSERT_TRUE(span->tracer().Inject(span->context(), carrier));
  EXPECT_EQ(carrier.headers.count("uber-trace-id"), 1u);
  // A child started through the dead handle's tracer keeps it alive in turn.
  auto child = span->tracer().StartSpan("child", {opentracing::ChildOf(&span->context())});
  ASSERT_NE(child, nullptr);
  span.reset();
  EXPECT_FALSE(outcome->reporterDestroyed);
  child->SetTag(opentracing::ext::sampling_priority, 1);
  child.reset();
  EXPECT_EQ(outcome->reported, 1);
  EXPECT_TRUE(outcome->reporterDestroyed);
}

TEST(TracerLifetimeTest, ASampledSpanOutlivesTheLastHandle) {
  auto outcome = std::make_shared<Outcome>();
  auto tracer = makeTracer(outcome, "const", 1);
  auto span = tracer->StartSpan("sampled");
  tracer.reset();
  EXPECT_FALSE(outcome->reporterDestroyed);
  span->SetTag("after", true);
  span.reset();
  EXPECT_EQ(outcome->reported, 1);
  EXPECT_TRUE(outcome->reporterDestroyed);
}

TEST(TracerLifetimeTest, WithoutSpansTheLastHandleDestroysTheTracer) {
  auto outcome = std::make_shared<Outcome>();
  auto tracer = makeTracer(outcome);
  tracer->StartSpan("gone")->Finish();
  tracer.reset();
  EXPECT_TRUE(outcome->reporterDestroyed);
}

TEST(TracerLifetimeTest, AGlobalTracerReplacedWhileAnotherThreadHoldsItsSpans) {
  auto outcome = std::make_shared<Outcome>();
  opentracing::Tracer::InitGlobal(makeTracer(outcome));
  std::atomic<bool> started{false};
  std::atomic<bool> replaced{false};
  std::thread holder([&] {
    auto span = opentracing::Tracer::Global()->StartSpan("held");
    started = true;
    while (!replaced) std::this_thread::yield();
    TextMap carrier;
    EXPECT_TRUE(span->tracer().Inject(span->context(), carrier));
    span->SetTag(opentracing::ext::sampling_priority, 1);
    span->Finish();
  });
  while (!started) std::this_thread::yield();
  opentracing::Tracer::InitGlobal(opentracing::MakeNoopTracer());
  replaced = true;
  holder.join();
  EXPECT_EQ(outcome->reported, 1);
  EXPECT_TRUE(outcome->reporterDestroyed);
}

TEST(TracerLifetimeTest, HandlesAndSpansDroppedInEveryOrderOnManyThreads) {
  for (int round = 0; round < 50; ++round) {
    auto outcome = std::make_shared<Outcome>();
    auto tracer = makeTracer(outcome, "probabilistic", 0.5);
    std::vector<std::unique_ptr<opentracing::Span>> spans;
    for (int i = 0; i < 8; ++i) spans.push_back(tracer->StartSpan("many"));
    std::vector<std::thread> threads;
    for (auto& span : spans) {
      threads.emplace_back([span = std::move(span), round]() mutable {
        if (round % 2 == 0) span->SetTag(opentracing::ext::sampling_priority, 1);
        span.reset();
      });
    }
    std::thread dropper([tracer = std::move(tracer)]() mutable { tracer.reset(); });
    for (auto& thread : threads) thread.join();
    dropper.join();
    // The span or the handle that went last took the tracer with it; or, when the last span
    // ended in the very instant the handle went, the next sweep does (each Tracer::make and
    // each retirement sweeps).
    detail::TracerLifetime::sweepRetired();
    EXPECT_TRUE(outcome->reporterDestroyed) << "round " << round;
    if (round % 2 == 0) {
      EXPECT_EQ(outcome->reported, 8) << "round " << round;
    }
  }
}

TEST(TracerLifetimeTest, SamplingPriorityZeroOnASampledSpanLeavesTheCountsExact) {
  auto outcome = std::make_shared<Outcome>();
  auto tracer = makeTracer(outcome, "const", 1);
  auto span = tracer->StartSpan("unsampled-later");
  span->SetTag(opentracing::ext::sampling_priority, 0);
  span->SetTag("ignored", 1);
  span->Finish();
  tracer->StartSpan("kept")->Finish();
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.spansStarted, 2u);
  EXPECT_EQ(stats.spansSampled, 1u);
  EXPECT_EQ(stats.spansFinished, 1u);
  EXPECT_EQ(outcome->reported, 1);
}

TEST(TracerLifetimeTest, APriorityGivenAsTextIsReadWhole) {
  auto outcome = std::make_shared<Outcome>();
  auto tracer = makeTracer(outcome);
  auto span = tracer->StartSpan("priority-text");
  span->SetTag(opentracing::ext::sampling_priority, std::string("1.5"));
  span->Finish();
  EXPECT_EQ(outcome->reported, 1);
  auto malformed = tracer->StartSpan("priority-malformed");
  malformed->SetTag(opentracing::ext::sampling_priority, std::string("1x"));
  malformed->Finish();
  EXPECT_EQ(outcome->reported, 1);
}

}  // namespace
}  // namespace jaegertracing
