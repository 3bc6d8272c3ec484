// The hot path allocates nothing once a thread is warm: spans and their records come from
// pools. Counted with this binary's replaced operator new (AllocationCounter.cpp).
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <opentracing/noop.h>

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "AllocationCounter.h"
#include "reporters/Reporter.h"
#include "support/InMemoryReporter.h"
#include "tracer/TracerCore.h"
#include "tracer/TracerLifetime.h"

namespace jaegertracing {
namespace {

using testing::allocationsOnThisThread;

// Frees each span's record on the finishing thread, as soon as it is reported: what a reporter
// does with the record, minus the network.
class DiscardingReporter final : public detail::Reporter {
 public:
  void report(std::unique_ptr<detail::SpanRecord> span) noexcept override {
    ++reported;
    span.reset();
  }
  bool flush(std::chrono::milliseconds) noexcept override { return true; }
  bool close(std::chrono::milliseconds) noexcept override { return true; }
  uint64_t reported = 0;
};

struct Traced {
  std::shared_ptr<Tracer> tracer;
  DiscardingReporter* reporter;
};

Traced makeTracer(bool sampled) {
  auto reporter = std::make_unique<DiscardingReporter>();
  DiscardingReporter* raw = reporter.get();
  const Config config(false, false, samplers::Config("const", sampled ? 1 : 0));
  auto tracer = detail::TracerLifetime::make(std::make_unique<detail::TracerCore>(
      "allocation-test", config, std::shared_ptr<logging::Logger>(logging::nullLogger()),
      std::move(reporter)));
  return Traced{std::move(tracer), raw};
}

constexpr int kWarmUp = 1000;
constexpr int kMeasured = 10000;

template <typename Work>
uint64_t allocationsOf(Work&& work) {
  for (int i = 0; i < kWarmUp; ++i) work();
  const uint64_t before = allocationsOnThisThread();
  for (int i = 0; i < kMeasured; ++i) work();
  return allocationsOnThisThread() - before;
}

TEST(HotPathAllocationTest, TheCounterSeesAllocations) {
  // The instrument itself: a std::string too long for its inline buffer allocates once.
  const uint64_t before = allocationsOnThisThread();
  auto text = std::make_unique<std::string>(100, 'x');
  EXPECT_EQ(allocationsOnThisThread() - before, 2u);
  // And the noop tracer, the floor the unsampled path is compared with, allocates its span.
  auto noop = opentracing::MakeNoopTracer();
  EXPECT_EQ(allocationsOf([&] { noop->StartSpan("operation")->Finish(); }),
            static_cast<uint64_t>(kMeasured));
}

TEST(HotPathAllocationTest, UnsampledRootSpanAllocatesNothing) {
  Traced traced = makeTracer(false);
  EXPECT_EQ(allocationsOf([&] { traced.tracer->StartSpan("unsampled-operation")->Finish(); }), 0u);
  EXPECT_EQ(traced.reporter->reported, 0u);
}

TEST(HotPathAllocationTest, UnsampledChildOfActiveParentAllocatesNothing) {
  Traced traced = makeTracer(false);
  auto parent = traced.tracer->StartSpan("parent");
  // StartSpan(name, {ChildOf(...)}) builds the options' vector of references in the caller, in
  // OpenTracing's code, whatever the tracer: build the options once to count only the tracer.
  opentracing::StartSpanOptions options;
  opentracing::ChildOf(&parent->context()).Apply(options);
  EXPECT_EQ(allocationsOf([&] { traced.tracer->StartSpanWithOptions("child", options)->Finish(); }),
            0u);
  parent->Finish();
}

TEST(HotPathAllocationTest, UnsampledSpanTagsAndLogsAllocateNothing) {
  Traced traced = makeTracer(false);
  EXPECT_EQ(allocationsOf([&] {
              auto span = traced.tracer->StartSpan("unsampled-operation");
              span->SetTag("http.method", "GET");
              span->SetTag("http.status_code", 200);
              span->Log({{"event", "cache miss"}, {"key", 42}});
              span->Finish();
            }),
            0u);
}

TEST(HotPathAllocationTest, SampledSpanWithTagsAndLogAllocatesNothingOnceWarm) {
  Traced traced = makeTracer(true);
  EXPECT_EQ(allocationsOf([&] {
              auto span = traced.tracer->StartSpan("sampled-operation");
              span->SetTag("component", "allocation-test");
              span->SetTag("http.status_code", 200);
              span->Log({{"event", "cache miss"}, {"key", 42}});
              span->Finish();
            }),
            0u);
  EXPECT_EQ(traced.reporter->reported, static_cast<uint64_t>(kWarmUp + kMeasured));
}

TEST(HotPathAllocationTest, SampledSpanOutgrowingItsBlockStillReportsEverything) {
  // Not allocation-free, and not meant to be: the record continues in heap chunks.
  auto reporter = std::make_unique<detail::InMemoryReporter>();
  detail::InMemoryReporter* reported = reporter.get();
  auto tracer = detail::TracerLifetime::make(std::make_unique<detail::TracerCore>(
      "allocation-test", Config(false, false, samplers::Config("const", 1)),
      std::shared_ptr<logging::Logger>(logging::nullLogger()), std::move(reporter)));
  // Eight values of 4 KiB, each distinct, far past the record's inline block.
  std::vector<std::string> payloads;
  for (int i = 0; i < 8; ++i) payloads.push_back(std::string(4096, static_cast<char>('a' + i)));
  const uint64_t before = allocationsOnThisThread();
  auto span = tracer->StartSpan("big");
  for (int i = 0; i < 8; ++i) span->SetTag("payload" + std::to_string(i), payloads[i]);
  span->Log({{"event", payloads[7]}});
  span->Finish();
  EXPECT_GT(allocationsOnThisThread() - before, 0u);

  const auto spans = reported->spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].operationName, "big");
  // Every value whole, in order, after the sampler's tags.
  std::vector<std::string> keys;
  for (const auto& tag : spans[0].tags) {
    if (tag.key.rfind("payload", 0) != 0) continue;
    const size_t i = keys.size();
    keys.push_back(tag.key);
    ASSERT_LT(i, payloads.size());
    ASSERT_TRUE(std::holds_alternative<std::string>(tag.value)) << tag.key;
    EXPECT_EQ(std::get<std::string>(tag.value), payloads[i]) << tag.key;
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"payload0", "payload1", "payload2", "payload3",
                                            "payload4", "payload5", "payload6", "payload7"}));
  ASSERT_EQ(spans[0].logs.size(), 1u);
  ASSERT_EQ(spans[0].logs[0].fields.size(), 1u);
  EXPECT_EQ(spans[0].logs[0].fields[0].key, "event");
  EXPECT_EQ(std::get<std::string>(spans[0].logs[0].fields[0].value), payloads[7]);
}

}  // namespace
}  // namespace jaegertracing
