// TraceAssembler on its own: spans grouped by trace across batches and processes, a trace
// returned as complete only after the quiet period and once per change, late spans reopening
// it, and waiters woken by new batches and by stop(). Times are passed in, never slept for.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "agent/ThriftBatches.h"
#include "tail/TraceAssembler.h"

namespace jaegertracing {
namespace tail {
namespace {

using namespace std::chrono_literals;
using Clock = TraceAssembler::Clock;
using testing::batch;

constexpr auto kQuiet = 500ms;

thrift::Span span(int64_t traceId, int64_t spanId, int64_t start) {
  return testing::span(traceId, spanId, 0, "op" + std::to_string(spanId), start, 10);
}

size_t spansIn(const Trace& trace) {
  size_t count = 0;
  for (const auto& part : trace.batches) {
    count += part.spans.size();
  }
  return count;
}

TEST(TraceAssemblerTest, groupsSpansByTraceAcrossBatchesAndOrdersTracesByStart) {
  TraceAssembler assembler(kQuiet);
  // One batch with spans of two traces, then a second process's span of the first.
  assembler.add(batch("starter", {span(0xa, 1, 2000), span(0xb, 2, 1000), span(0xa, 3, 2500)}));
  assembler.add(batch("formatter", {span(0xa, 4, 2100)}));

  EXPECT_EQ(assembler.spanCount(), 4u);
  EXPECT_EQ(assembler.traceCount(), 2u);
  const auto traces = assembler.all();
  ASSERT_EQ(traces.size(), 2u);
  EXPECT_EQ(traces[0].traceIdLow, 0xb);  // started first
  EXPECT_EQ(traces[0].firstStartTime, 1000);
  EXPECT_EQ(traces[1].traceIdLow, 0xa);
  EXPECT_EQ(traces[1].firstStartTime, 2000);
  EXPECT_EQ(traces[1].spanCount, 3u);
  EXPECT_EQ(spansIn(traces[1]), 3u);
  ASSERT_EQ(traces[1].batches.size(), 2u);
  EXPECT_EQ(traces[1].batches[0].process.serviceName, "starter");
  EXPECT_EQ(traces[1].batches[0].spans.size(), 2u) << "only this trace's spans of the batch";
  EXPECT_EQ(traces[1].batches[1].process.serviceName, "formatter");
}

TEST(TraceAssemblerTest, aTraceIsCompleteOnceQuietAndReturnedOncePerChange) {
  TraceAssembler assembler(kQuiet);
  const auto before = Clock::now();
  assembler.add(batch("starter", {span(0xa, 1, 1000), span(0xa, 2, 1100)}));
  const auto after = Clock::now();

  EXPECT_TRUE(assembler.takeCompleted(before).empty()) << "not quiet yet";
  const auto due = assembler.nextCompletion();
  ASSERT_TRUE(due);
  EXPECT_GE(*due, before + kQuiet);
  EXPECT_LE(*due, after + kQuiet);

  const auto completed = assembler.takeCompleted(after + kQuiet);
  ASSERT_EQ(completed.size(), 1u);
  EXPECT_EQ(completed[0].spanCount, 2u);
  EXPECT_EQ(completed[0].shownSpanCount, 0u);
  EXPECT_TRUE(assembler.takeCompleted(after + kQuiet).empty()) << "returned once";
  EXPECT_FALSE(assembler.nextCompletion()) << "nothing is waiting";

  // A late span reopens the trace; it is complete again after another quiet period.
  const auto lateBefore = Clock::now();
  assembler.add(batch("publisher", {span(0xa, 3, 1200)}));
  const auto lateAfter = Clock::now();
  EXPECT_TRUE(assembler.takeCompleted(lateBefore).empty());
  const auto again = assembler.takeCompleted(lateAfter + kQuiet);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].spanCount, 3u);
  EXPECT_EQ(again[0].shownSpanCount, 2u);
}

TEST(TraceAssemblerTest, takeUnfinishedReturnsEveryTraceNotShownWhetherQuietOrNot) {
  TraceAssembler assembler(std::chrono::hours(1));
  assembler.add(batch("a", {span(0x1, 1, 10)}));
  assembler.add(batch("b", {span(0x2, 2, 5)}));
  const auto unfinished = assembler.takeUnfinished();
  ASSERT_EQ(unfinished.size(), 2u);
  EXPECT_EQ(unfinished[0].traceIdLow, 0x2);
  EXPECT_EQ(unfinished[1].traceIdLow, 0x1);
  EXPECT_TRUE(assembler.takeUnfinished().empty());
  EXPECT_EQ(assembler.all().size(), 2u) << "taking does not forget";
}

TEST(TraceAssemblerTest, anEmptyBatchChangesNothing) {
  TraceAssembler assembler(kQuiet);
  assembler.add(batch("a", {}));
  EXPECT_EQ(assembler.traceCount(), 0u);
  EXPECT_EQ(assembler.generation(), 0u);
  EXPECT_FALSE(assembler.nextCompletion());
}

TEST(TraceAssemblerTest, aNewBatchWakesAWaiter) {
  TraceAssembler assembler(kQuiet);
  std::thread sender([&] { assembler.add(batch("a", {span(0x1, 1, 10)})); });
  // Without the batch this would wait for the whole hour; the batch may also come first.
  for (;;) {
    const uint64_t seen = assembler.generation();
    if (assembler.spanCount() != 0) {
      break;
    }
    assembler.waitForActivity(seen, Clock::now() + std::chrono::hours(1));
  }
  sender.join();
  EXPECT_EQ(assembler.spanCount(), 1u);
}

TEST(TraceAssemblerTest, stopWakesWaitersNowAndLater) {
  TraceAssembler assembler(kQuiet);
  std::thread stopper([&] { assembler.stop(); });
  while (!assembler.stopped()) {
    assembler.waitForActivity(assembler.generation(), Clock::now() + std::chrono::hours(1));
  }
  stopper.join();
  // Once stopped, a wait returns at once instead of waiting the hour.
  assembler.waitForActivity(assembler.generation(), Clock::now() + std::chrono::hours(1));
  EXPECT_TRUE(assembler.stopped());
}

}  // namespace
}  // namespace tail
}  // namespace jaegertracing
