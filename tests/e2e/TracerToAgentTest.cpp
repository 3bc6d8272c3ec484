// The whole path: Tracer::make from YAML, spans through the OpenTracing API, the reporter
// thread, compact-protocol datagrams, decoded by the generated Thrift types.
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "agent/AgentReceiver.h"
#include "platform/HostInfo.h"

namespace jaegertracing {
namespace {

using namespace std::chrono_literals;
namespace wire = jaegertracing::thrift;

const wire::Tag* findTag(const std::vector<wire::Tag>& tags, const std::string& key) {
  for (const auto& tag : tags) {
    if (tag.key == key) return &tag;
  }
  return nullptr;
}

const wire::Span* findSpan(const std::vector<wire::Span>& spans, const std::string& name) {
  for (const auto& span : spans) {
    if (span.operationName == name) return &span;
  }
  return nullptr;
}

std::shared_ptr<Tracer> makeTracer(const testing::AgentReceiver& agent, int queueSize = 100,
                                   const std::string& extra = "") {
  const std::string yaml =
      "service_name: e2e-service\n"
      "tags: {team: tracing, shard: 3}\n"
      "sampler: {type: const, param: 1}\n"
      "reporter:\n"
      "  queueSize: " +
      std::to_string(queueSize) +
      "\n"
      "  bufferFlushInterval: 1\n"
      "  localAgentHostPort: " +
      agent.hostPort() + "\n" + extra;
  auto tracer = Tracer::make(Config::parse(YAML::Load(yaml)));
  return std::static_pointer_cast<Tracer>(tracer);
}

TEST(TracerToAgentTest, EveryFieldArrivesIntact) {
  testing::AgentReceiver agent;
  auto tracer = makeTracer(agent);
  const auto start = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
  const auto steadyStart = std::chrono::steady_clock::now();
  auto root = tracer->StartSpan("root", {opentracing::StartTimestamp(start, steadyStart)});
  auto other = tracer->StartSpan("other");
  auto child = tracer->StartSpan(
      "child", {opentracing::ChildOf(&root->context()), opentracing::FollowsFrom(&other->context()),
                opentracing::StartTimestamp(start + 200ms, steadyStart + 200ms)});
  child->SetTag("string", "text");
  child->SetTag("double", 1.5);
  child->SetTag("bool", true);
  child->SetTag("long", -7);
  child->Log(start + 1s, {{"event", "happened"}, {"count", 3}});
  child->Finish({opentracing::FinishTimestamp(steadyStart + 700ms)});
  other->Finish();
  root->Finish({opentracing::FinishTimestamp(steadyStart + 1500ms)});
  tracer->Close();

  ASSERT_TRUE(agent.waitForSpans(3, 5s));
  EXPECT_EQ(agent.malformedDatagrams(), 0u);
  const auto batches = agent.batches();
  ASSERT_FALSE(batches.empty());
  const wire::Process& process = batches[0].process;
  EXPECT_EQ(process.serviceName, "e2e-service");
  ASSERT_NE(findTag(process.tags, "jaeger.version"), nullptr);
  EXPECT_EQ(findTag(process.tags, "jaeger.version")->vStr.rfind("C++-", 0), 0u);
  ASSERT_NE(findTag(process.tags, "hostname"), nullptr);
  EXPECT_EQ(findTag(process.tags, "hostname")->vStr, detail::hostname());
  if (!detail::localIPv4().empty()) {
    ASSERT_NE(findTag(process.tags, "ip"), nullptr);
    EXPECT_EQ(findTag(process.tags, "ip")->vStr, detail::localIPv4());
  }
  ASSERT_NE(findTag(process.tags, "team"), nullptr);
  EXPECT_EQ(findTag(process.tags, "team")->vStr, "tracing");
  ASSERT_NE(findTag(process.tags, "shard"), nullptr);
  EXPECT_EQ(findTag(process.tags, "shard")->vType, wire::TagType::LONG);
  EXPECT_EQ(findTag(process.tags, "shard")->vLong, 3);
  EXPECT_EQ(batches[0].seqNo, 1);
  EXPECT_TRUE(batches[0].__isset.stats);
  EXPECT_EQ(batches[0].stats.fullQueueDroppedSpans, 0);

  const auto spans = agent.spans();
  const wire::Span* rootSpan = findSpan(spans, "root");
  const wire::Span* childSpan = findSpan(spans, "child");
  const wire::Span* otherSpan = findSpan(spans, "other");
  ASSERT_TRUE(rootSpan && childSpan && otherSpan);
  const auto& rootContext = static_cast<const SpanContext&>(root->context());
  EXPECT_EQ(static_cast<uint64_t>(rootSpan->traceIdLow), rootContext.traceID().low());
  EXPECT_EQ(rootSpan->traceIdHigh, 0);
  EXPECT_EQ(static_cast<uint64_t>(rootSpan->spanId), rootContext.spanID());
  EXPECT_EQ(rootSpan->parentSpanId, 0);
  EXPECT_EQ(rootSpan->flags, 1);
  EXPECT_EQ(rootSpan->startTime, 1700000000LL * 1000000);
  EXPECT_EQ(rootSpan->duration, 1500000);
  EXPECT_EQ(findTag(rootSpan->tags, "sampler.type")->vStr, "const");
  EXPECT_EQ(findTag(rootSpan->tags, "sampler.param")->vBool, true);

  EXPECT_EQ(childSpan->traceIdLow, rootSpan->traceIdLow);
  EXPECT_EQ(childSpan->parentSpanId, rootSpan->spanId);
  ASSERT_EQ(childSpan->references.size(), 2u);
  EXPECT_EQ(childSpan->references[0].refType, wire::SpanRefType::CHILD_OF);
  EXPECT_EQ(childSpan->references[0].spanId, rootSpan->spanId);
  EXPECT_EQ(childSpan->references[1].refType, wire::SpanRefType::FOLLOWS_FROM);
  EXPECT_EQ(childSpan->references[1].spanId, otherSpan->spanId);
  EXPECT_EQ(childSpan->references[1].traceIdLow, otherSpan->traceIdLow);
  const wire::Tag* stringTag = findTag(childSpan->tags, "string");
  ASSERT_NE(stringTag, nullptr);
  EXPECT_EQ(stringTag->vType, wire::TagType::STRING);
  EXPECT_EQ(stringTag->vStr, "text");
  EXPECT_EQ(findTag(childSpan->tags, "double")->vType, wire::TagType::DOUBLE);
  EXPECT_DOUBLE_EQ(findTag(childSpan->tags, "double")->vDouble, 1.5);
  EXPECT_EQ(findTag(childSpan->tags, "bool")->vType, wire::TagType::BOOL);
  EXPECT_TRUE(findTag(childSpan->tags, "bool")->vBool);
  EXPECT_EQ(findTag(childSpan->tags, "long")->vType, wire::TagType::LONG);
  EXPECT_EQ(findTag(childSpan->tags, "long")->vLong, -7);
  ASSERT_EQ(childSpan->logs.size(), 1u);
  EXPECT_EQ(childSpan->logs[0].timestamp, 1700000001LL * 1000000);
  EXPECT_EQ(findTag(childSpan->logs[0].fields, "event")->vStr, "happened");
  EXPECT_EQ(findTag(childSpan->logs[0].fields, "count")->vLong, 3);
  EXPECT_EQ(childSpan->startTime, 1700000000LL * 1000000 + 200000);
  EXPECT_EQ(childSpan->duration, 500000);

  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.spansStarted, 3u);
  EXPECT_EQ(stats.spansSampled, 3u);
  EXPECT_EQ(stats.spansFinished, 3u);
  EXPECT_EQ(stats.spansReported, 3u);
  EXPECT_GE(stats.batchesSent, 1u);
  EXPECT_GT(stats.bytesSent, 0u);
}

TEST(TracerToAgentTest, BurstOverflowIsCountedAndTravelsInClientStats) {
  testing::AgentReceiver agent;
  auto tracer = makeTracer(agent, 10);
  for (int i = 0; i < 2000; ++i) tracer->StartSpan("burst")->Finish();
  tracer->Close();
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.spansFinished, 2000u);
  ASSERT_TRUE(agent.waitForSpans(stats.spansReported, 5s));
  EXPECT_EQ(agent.spans().size(), stats.spansReported);
  EXPECT_EQ(stats.spansReported + stats.droppedQueueFull, 2000u);
  // Every drop happened before Close(), and a span queued after the last drop leaves in a later
  // batch: the last batch carries them all. (HttpSenderTracerTest's collector, which can hold
  // the reporter in a request, makes the drops certain; here the burst makes them likely.)
  EXPECT_EQ(agent.batches().back().stats.fullQueueDroppedSpans,
            static_cast<int64_t>(stats.droppedQueueFull));
}

TEST(TracerToAgentTest, CloseFlushesWhatAShortProgramQueued) {
  testing::AgentReceiver agent;
  // The flush interval is an hour: only Close() can send these.
  auto tracer2 =
      Tracer::make("short-lived",
                   Config(false, false, samplers::Config("const", 1),
                          reporters::Config(1000, std::chrono::hours(1), false, agent.hostPort())));
  for (int i = 0; i < 50; ++i) tracer2->StartSpan("quick")->Finish();
  tracer2->Close();
  ASSERT_TRUE(agent.waitForSpans(50, 5s));
  EXPECT_EQ(agent.spans().size(), 50u);
}

TEST(TracerToAgentTest, OneHundredThousandSpanBurstArrivesWhole) {
  testing::AgentReceiver agent;
  auto tracer = std::static_pointer_cast<Tracer>(Tracer::make(
      "burst",
      Config(false, false, samplers::Config("const", 1),
             reporters::Config(100000, std::chrono::seconds(1), false, agent.hostPort()))));
  for (int i = 0; i < 100000; ++i) tracer->StartSpan("burst")->Finish();
  tracer->Close();
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.droppedQueueFull, 0u);
  EXPECT_EQ(stats.spansReported, 100000u);
  // Loopback UDP drops only when the receiver's socket buffer overflows, which the kernel counts
  // for the socket: every span arrives, or the kernel says why not. Count what came from one
  // snapshot (spans may still be arriving while it is checked).
  const bool allArrived = agent.waitForSpans(100000, 30s);
  const auto spans = agent.spans();
  EXPECT_TRUE(allArrived || agent.kernelDrops() > 0)
      << spans.size() << " of 100000 spans arrived and the kernel dropped no datagram";
  std::map<int64_t, int> arrivals;
  for (const auto& span : spans) ++arrivals[span.spanId];
  size_t twice = 0;
  for (const auto& arrival : arrivals) {
    if (arrival.second > 1 && twice++ < 3) {
      ADD_FAILURE() << "span " << arrival.first << " arrived " << arrival.second << " times";
    }
  }
  EXPECT_EQ(twice, 0u) << "spans that arrived more than once";
  EXPECT_EQ(arrivals.size(), spans.size());
  std::set<int64_t> seqNos;
  for (const auto& batch : agent.batches()) {
    EXPECT_TRUE(seqNos.insert(batch.seqNo).second) << "batch " << batch.seqNo << " arrived twice";
  }
}

TEST(TracerToAgentTest, FlushSendsWhatWasQueuedBeforeIt) {
  testing::AgentReceiver agent;
  auto tracer = std::static_pointer_cast<Tracer>(Tracer::make(
      "flushing", Config(false, false, samplers::Config("const", 1),
                         reporters::Config(100, std::chrono::hours(1), false, agent.hostPort()))));
  for (int i = 0; i < 5; ++i) tracer->StartSpan("queued")->Finish();
  EXPECT_EQ(tracer->stats().queueLength, 5u);
  EXPECT_TRUE(tracer->Flush(5s));
  EXPECT_EQ(tracer->stats().queueLength, 0u);
  EXPECT_EQ(tracer->stats().spansReported, 5u);
  ASSERT_TRUE(agent.waitForSpans(5, 5s));
  // The tracer goes on working after a flush.
  tracer->StartSpan("after")->Finish();
  EXPECT_TRUE(tracer->close(5s));
  ASSERT_TRUE(agent.waitForSpans(6, 5s));
}

TEST(TracerToAgentTest, CloseWhileManyThreadsFinishSpansAccountsForEverySpan) {
  testing::AgentReceiver agent;
  auto tracer = std::static_pointer_cast<Tracer>(Tracer::make(
      "closing",
      Config(false, false, samplers::Config("const", 1),
             reporters::Config(1000, std::chrono::milliseconds(5), false, agent.hostPort()))));
  std::atomic<int> started{0};
  std::atomic<bool> closed{false};
  std::atomic<uint64_t> finished{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      started.fetch_add(1);
      while (!closed.load()) {
        tracer->StartSpan("racing")->Finish();
        finished.fetch_add(1);
      }
      // And some after Close() returned: dropped and counted, never a crash.
      for (int i = 0; i < 100; ++i) {
        tracer->StartSpan("late")->Finish();
        finished.fetch_add(1);
      }
    });
  }
  while (started.load() < 4) std::this_thread::yield();
  EXPECT_TRUE(tracer->close(10s));
  closed.store(true);
  for (auto& thread : threads) thread.join();
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.spansFinished, finished.load());
  EXPECT_EQ(stats.spansReported + stats.droppedQueueFull + stats.droppedAfterClose +
                stats.droppedSendFailed,
            finished.load());
  EXPECT_GE(stats.droppedAfterClose, 400u);
  ASSERT_TRUE(agent.waitForSpans(stats.spansReported, 5s));
}

}  // namespace
}  // namespace jaegertracing
