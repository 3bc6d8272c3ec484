#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <opentracing/ext/tags.h>

#include <chrono>
#include <cstring>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "support/TestTracer.h"

namespace jaegertracing {
namespace {

using detail::SpanData;
using detail::SpanTag;
using detail::TagValue;
using testing::TestTracer;

const TagValue* findTag(const std::vector<SpanTag>& tags, const std::string& key) {
  for (const auto& tag : tags) {
    if (tag.key == key) return &tag.value;
  }
  return nullptr;
}

const SpanData* findSpan(const std::vector<SpanData>& spans, const std::string& name) {
  for (const auto& span : spans) {
    if (span.operationName == name) return &span;
  }
  return nullptr;
}

struct MapCarrier : opentracing::TextMapWriter, opentracing::TextMapReader {
  std::unordered_map<std::string, std::string> values;
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    const_cast<MapCarrier*>(this)->values[key] = value;
    return {};
  }
  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view, opentracing::string_view)>
          f) const override {
    for (const auto& entry : values) {
      if (auto result = f(entry.first, entry.second); !result) return result;
    }
    return {};
  }
};

struct HeadersCarrier : opentracing::HTTPHeadersWriter, opentracing::HTTPHeadersReader {
  std::unordered_map<std::string, std::string> values;
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    const_cast<HeadersCarrier*>(this)->values[key] = value;
    return {};
  }
  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view, opentracing::string_view)>
          f) const override {
    for (const auto& entry : values) {
      if (auto result = f(entry.first, entry.second); !result) return result;
    }
    return {};
  }
};

TEST(TracerTest, SampledRootSpanCarriesSamplerTagsAndIsReported) {
  auto t = TestTracer::make();
  const auto wallStart = std::chrono::system_clock::now();
  const auto steadyStart = std::chrono::steady_clock::now();
  auto span = t.tracer->StartSpan("root", {opentracing::StartTimestamp(wallStart, steadyStart)});
  ASSERT_TRUE(span);
  const auto& context = static_cast<const SpanContext&>(span->context());
  EXPECT_TRUE(context.isSampled());
  EXPECT_EQ(context.spanID(), context.traceID().low());
  span->Finish({opentracing::FinishTimestamp(steadyStart + std::chrono::milliseconds(250))});

  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].operationName, "root");
  EXPECT_EQ(spans[0].parentID, 0u);
  EXPECT_EQ(spans[0].flags, SpanContext::kSampledFlag);
  ASSERT_NE(findTag(spans[0].tags, "sampler.type"), nullptr);
  EXPECT_EQ(std::get<std::string>(*findTag(spans[0].tags, "sampler.type")), "const");
  EXPECT_EQ(std::get<bool>(*findTag(spans[0].tags, "sampler.param")), true);
  EXPECT_EQ(spans[0].durationMicros, 250000);
  EXPECT_EQ(
      spans[0].startMicros,
      std::chrono::duration_cast<std::chrono::microseconds>(wallStart.time_since_epoch()).count());
  EXPECT_GT(spans[0].startMicros, 1600000000000000);
}

TEST(TracerTest, DurationRunsFromTheClockReadAtStartToTheFinishTimestamp) {
  auto t = TestTracer::make();
  const auto before = std::chrono::steady_clock::now();
  auto span = t.tracer->StartSpan("timed");
  const auto after = std::chrono::steady_clock::now();
  span->Finish({opentracing::FinishTimestamp(after + std::chrono::milliseconds(100))});
  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  // Started between `before` and `after`, finished 100 ms after `after`.
  const auto startWindow =
      std::chrono::duration_cast<std::chrono::microseconds>(after - before).count();
  EXPECT_GE(spans[0].durationMicros, 100000);
  EXPECT_LE(spans[0].durationMicros, 100000 + startWindow + 1);
}

TEST(TracerTest, ProbabilisticSamplerTagsCarryTheRate) {
  auto t = TestTracer::make(Config(false, false, samplers::Config("probabilistic", 1.0)));
  t.tracer->StartSpan("root")->Finish();
  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(std::get<std::string>(*findTag(spans[0].tags, "sampler.type")), "probabilistic");
  EXPECT_DOUBLE_EQ(std::get<double>(*findTag(spans[0].tags, "sampler.param")), 1.0);
}

TEST(TracerTest, UnsampledSpansAreNotReportedAndChildrenFollowTheParent) {
  auto t = TestTracer::make(Config(false, false, samplers::Config("const", 0)));
  auto root = t.tracer->StartSpan("root");
  auto child = t.tracer->StartSpan("child", {opentracing::ChildOf(&root->context())});
  EXPECT_FALSE(static_cast<const SpanContext&>(child->context()).isSampled());
  child->SetTag("k", "v");
  child->Log({{"event", "x"}});
  child->Finish();
  root->Finish();
  EXPECT_TRUE(t.reporter->spans().empty());
  const TracerStats stats = t.tracer->stats();
  EXPECT_EQ(stats.spansStarted, 2u);
  EXPECT_EQ(stats.spansSampled, 0u);
}

TEST(TracerTest, ChildSharesTraceAndPointsToParent) {
  auto t = TestTracer::make();
  auto root = t.tracer->StartSpan("root");
  auto child = t.tracer->StartSpan("child", {opentracing::ChildOf(&root->context())});
  const auto& rootContext = static_cast<const SpanContext&>(root->context());
  const auto& childContext = static_cast<const SpanContext&>(child->context());
  EXPECT_EQ(childContext.traceID(), rootContext.traceID());
  EXPECT_EQ(childContext.parentID(), rootContext.spanID());
  EXPECT_NE(childContext.spanID(), rootContext.spanID());
  child->Finish();
  root->Finish();
  const auto spans = t.reporter->spans();
  const SpanData* reportedChild = findSpan(spans, "child");
  ASSERT_NE(reportedChild, nullptr);
  EXPECT_EQ(reportedChild->parentID, rootContext.spanID());
  // Children carry no sampler tags: only the root decided.
  EXPECT_EQ(findTag(reportedChild->tags, "sampler.type"), nullptr);
  ASSERT_EQ(reportedChild->references.size(), 1u);
  EXPECT_FALSE(reportedChild->references[0].followsFrom);
  EXPECT_EQ(reportedChild->references[0].spanID, rootContext.spanID());
}

TEST(TracerTest, SeveralReferencesFirstChildOfIsParentAllReported) {
  auto t = TestTracer::make();
  auto a = t.tracer->StartSpan("a");
  auto b = t.tracer->StartSpan("b");
  auto c = t.tracer->StartSpan("c");
  auto span = t.tracer->StartSpan(
      "joined", {opentracing::FollowsFrom(&a->context()), opentracing::ChildOf(&b->context()),
                 opentracing::ChildOf(&c->context()), opentracing::ChildOf(nullptr)});
  const auto& bContext = static_cast<const SpanContext&>(b->context());
  span->Finish();
  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].traceID, bContext.traceID());
  EXPECT_EQ(spans[0].parentID, bContext.spanID());
  ASSERT_EQ(spans[0].references.size(), 3u);
  EXPECT_TRUE(spans[0].references[0].followsFrom);
  EXPECT_EQ(spans[0].references[0].spanID, static_cast<const SpanContext&>(a->context()).spanID());
  EXPECT_FALSE(spans[0].references[1].followsFrom);
  EXPECT_FALSE(spans[0].references[2].followsFrom);
}

TEST(TracerTest, OnlyFollowsFromMakesThatSpanTheParent) {
  auto t = TestTracer::make();
  auto a = t.tracer->StartSpan("a");
  auto span = t.tracer->StartSpan("next", {opentracing::FollowsFrom(&a->context())});
  span->Finish();
  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].parentID, static_cast<const SpanContext&>(a->context()).spanID());
  ASSERT_EQ(spans[0].references.size(), 1u);
  EXPECT_TRUE(spans[0].references[0].followsFrom);
}

TEST(TracerTest, ExplicitStartAndFinishTimes) {
  auto t = TestTracer::make();
  const auto system = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
  const auto steady = std::chrono::steady_clock::now();
  {
    auto span = t.tracer->StartSpan("both", {opentracing::StartTimestamp(system, steady)});
    span->Finish({opentracing::FinishTimestamp(steady + std::chrono::milliseconds(250))});
  }
  {
    auto span = t.tracer->StartSpan("systemOnly", {opentracing::StartTimestamp(system)});
    span->Finish();
  }
  const auto spans = t.reporter->spans();
  const SpanData* both = findSpan(spans, "both");
  ASSERT_NE(both, nullptr);
  EXPECT_EQ(both->startMicros, 1700000000LL * 1000000);
  EXPECT_EQ(both->durationMicros, 250000);
  const SpanData* systemOnly = findSpan(spans, "systemOnly");
  ASSERT_NE(systemOnly, nullptr);
  EXPECT_EQ(systemOnly->startMicros, 1700000000LL * 1000000);
  // The steady start was derived from the system start, so the duration spans the gap.
  EXPECT_GT(systemOnly->durationMicros, 1000000);
}

TEST(TracerTest, InitialTagsAndSetTagOfEveryValueKind) {
  auto t = TestTracer::make();
  auto span = t.tracer->StartSpan("tags", {opentracing::SetTag("initial", 7)});
  char buffer[16];
  std::strcpy(buffer, "reused");
  span->SetTag("bool", true);
  span->SetTag("double", 2.5);
  span->SetTag("int64", static_cast<int64_t>(-42));
  span->SetTag("uint64", static_cast<uint64_t>(42));
  span->SetTag("uint64big", static_cast<uint64_t>(18446744073709551615ULL));
  span->SetTag("string", std::string("text"));
  span->SetTag("string_view", opentracing::string_view(buffer, 6));
  span->SetTag("cstr", static_cast<const char*>(buffer));
  span->SetTag("null", nullptr);
  span->SetTag("list", opentracing::Values{1, "two", false});
  span->SetTag("dict", opentracing::Dictionary{{"k", 1}});
  // The caller reuses its buffer right after SetTag: the tags must have been copied.
  std::strcpy(buffer, "XXXXXX");
  span->Finish();

  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  const auto& tags = spans[0].tags;
  EXPECT_EQ(std::get<int64_t>(*findTag(tags, "initial")), 7);
  EXPECT_EQ(std::get<bool>(*findTag(tags, "bool")), true);
  EXPECT_DOUBLE_EQ(std::get<double>(*findTag(tags, "double")), 2.5);
  EXPECT_EQ(std::get<int64_t>(*findTag(tags, "int64")), -42);
  EXPECT_EQ(std::get<int64_t>(*findTag(tags, "uint64")), 42);
  EXPECT_EQ(std::get<std::string>(*findTag(tags, "uint64big")), "18446744073709551615");
  EXPECT_EQ(std::get<std::string>(*findTag(tags, "string")), "text");
  EXPECT_EQ(std::get<std::string>(*findTag(tags, "string_view")), "reused");
  EXPECT_EQ(std::get<std::string>(*findTag(tags, "cstr")), "reused");
  EXPECT_EQ(std::get<std::string>(*findTag(tags, "null")), "null");
  EXPECT_EQ(std::get<std::string>(*findTag(tags, "list")), "[1,\"two\",false]");
  EXPECT_EQ(std::get<std::string>(*findTag(tags, "dict")), "{\"k\":1}");
}

TEST(TracerTest, OperationNameLogsAndFinishLogRecords) {
  auto t = TestTracer::make();
  auto span = t.tracer->StartSpan("before");
  span->SetOperationName("after");
  span->Log({{"event", "first"}, {"value", 1}});
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(1700000001));
  span->Log(when, {{"event", "second"}});
  span->Log(when, std::vector<std::pair<opentracing::string_view, opentracing::Value>>{
                      {"event", "third"}});
  opentracing::FinishSpanOptions options;
  options.log_records.push_back(opentracing::LogRecord{when, {{"event", "at-finish"}}});
  span->FinishWithOptions(options);

  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].operationName, "after");
  ASSERT_EQ(spans[0].logs.size(), 4u);
  EXPECT_EQ(std::get<std::string>(spans[0].logs[0].fields[0].value), "first");
  EXPECT_EQ(std::get<int64_t>(spans[0].logs[0].fields[1].value), 1);
  EXPECT_GT(spans[0].logs[0].timestampMicros, 1700000001LL * 1000000);
  EXPECT_EQ(spans[0].logs[1].timestampMicros, 1700000001LL * 1000000);
  EXPECT_EQ(std::get<std::string>(spans[0].logs[2].fields[0].value), "third");
  EXPECT_EQ(std::get<std::string>(spans[0].logs[3].fields[0].value), "at-finish");
}

TEST(TracerTest, DestructorFinishesAndFinishIsOnce) {
  auto t = TestTracer::make();
  { auto span = t.tracer->StartSpan("unfinished"); }
  {
    auto span = t.tracer->StartSpan("twice");
    span->Finish();
    span->SetTag("late", 1);
    span->Finish();
  }
  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(findTag(findSpan(spans, "twice")->tags, "late"), nullptr);
  EXPECT_EQ(t.tracer->stats().spansFinished, 2u);
}

TEST(TracerTest, BaggageSetGetInheritedByChildrenAndLogged) {
  auto t = TestTracer::make();
  auto root = t.tracer->StartSpan("root");
  root->SetBaggageItem("user", "alice");
  root->SetBaggageItem("user", "bob");
  EXPECT_EQ(root->BaggageItem("user"), "bob");
  EXPECT_EQ(root->BaggageItem("absent"), "");
  auto child = t.tracer->StartSpan("child", {opentracing::ChildOf(&root->context())});
  EXPECT_EQ(child->BaggageItem("user"), "bob");
  std::vector<std::pair<std::string, std::string>> items;
  child->context().ForeachBaggageItem([&](const std::string& k, const std::string& v) {
    items.emplace_back(k, v);
    return true;
  });
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].second, "bob");
  root->Finish();
  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans[0].logs.size(), 2u);
  EXPECT_EQ(std::get<std::string>(spans[0].logs[1].fields[2].value), "bob");
}

TEST(TracerTest, ContextCloneAndIds) {
  auto t = TestTracer::make(Config(false, true, samplers::Config("const", 1)));
  auto span = t.tracer->StartSpan("root");
  span->SetBaggageItem("k", "v");
  auto clone = span->context().Clone();
  ASSERT_TRUE(clone);
  EXPECT_EQ(clone->ToTraceID(), span->context().ToTraceID());
  EXPECT_EQ(clone->ToSpanID(), span->context().ToSpanID());
  EXPECT_EQ(span->context().ToTraceID().size(), 32u);  // 128-bit ids
  EXPECT_EQ(span->context().ToSpanID().size(), 16u);
  EXPECT_EQ(static_cast<const SpanContext&>(*clone).baggageItem("k"), "v");
}

TEST(TracerTest, SixtyFourBitTraceIdsByDefault) {
  auto t = TestTracer::make();
  auto span = t.tracer->StartSpan("root");
  EXPECT_EQ(static_cast<const SpanContext&>(span->context()).traceID().high(), 0u);
  EXPECT_EQ(span->context().ToTraceID().size(), 16u);
}

TEST(TracerTest, SamplingPriorityForcesOrSuppressesSampling) {
  auto t = TestTracer::make(Config(false, false, samplers::Config("const", 0)));
  auto forced =
      t.tracer->StartSpan("forced", {opentracing::SetTag(opentracing::ext::sampling_priority, 1)});
  EXPECT_TRUE(static_cast<const SpanContext&>(forced->context()).isDebug());
  forced->Finish();
  auto later = t.tracer->StartSpan("later");
  later->SetTag(opentracing::ext::sampling_priority, 1);
  later->SetTag("after", "yes");
  later->Finish();

  auto t2 = TestTracer::make();
  auto suppressed = t2.tracer->StartSpan("suppressed");
  suppressed->SetTag(opentracing::ext::sampling_priority, 0);
  suppressed->Finish();
  EXPECT_TRUE(t2.reporter->spans().empty());

  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].flags, SpanContext::kSampledFlag | SpanContext::kDebugFlag);
  const SpanData* laterSpan = findSpan(spans, "later");
  ASSERT_NE(laterSpan, nullptr);
  EXPECT_NE(findTag(laterSpan->tags, "after"), nullptr);
}

TEST(TracerTest, DebugIdHeaderStartsSampledDebugTraceWithTag) {
  auto t = TestTracer::make(Config(false, false, samplers::Config("const", 0)));
  HeadersCarrier carrier;
  carrier.values["jaeger-debug-id"] = "abc123";
  auto extracted = t.tracer->Extract(static_cast<const opentracing::HTTPHeadersReader&>(carrier));
  ASSERT_TRUE(extracted);
  ASSERT_TRUE(*extracted);
  auto span = t.tracer->StartSpan("debug", {opentracing::ChildOf(extracted->get())});
  span->Finish();
  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].flags, SpanContext::kSampledFlag | SpanContext::kDebugFlag);
  EXPECT_EQ(spans[0].parentID, 0u);
  EXPECT_EQ(std::get<std::string>(*findTag(spans[0].tags, "jaeger-debug-id")), "abc123");
}

TEST(TracerTest, InjectExtractRoundTripsThroughEveryCarrier) {
  auto t = TestTracer::make();
  auto span = t.tracer->StartSpan("root");
  span->SetBaggageItem("key", "a value, with = signs");
  const auto& context = static_cast<const SpanContext&>(span->context());

  MapCarrier textMap;
  ASSERT_TRUE(
      t.tracer->Inject(span->context(), static_cast<const opentracing::TextMapWriter&>(textMap)));
  HeadersCarrier headers;
  ASSERT_TRUE(t.tracer->Inject(span->context(),
                               static_cast<const opentracing::HTTPHeadersWriter&>(headers)));
  std::stringstream binary;
  ASSERT_TRUE(t.tracer->Inject(span->context(), binary));

  std::vector<std::unique_ptr<opentracing::SpanContext>> extracted;
  auto fromText = t.tracer->Extract(static_cast<const opentracing::TextMapReader&>(textMap));
  auto fromHeaders = t.tracer->Extract(static_cast<const opentracing::HTTPHeadersReader&>(headers));
  auto fromBinary = t.tracer->Extract(binary);
  for (auto* result : {&fromText, &fromHeaders, &fromBinary}) {
    ASSERT_TRUE(*result);
    ASSERT_TRUE(**result);
    const auto& got = static_cast<const SpanContext&>(***result);
    EXPECT_EQ(got.traceID(), context.traceID());
    EXPECT_EQ(got.spanID(), context.spanID());
    EXPECT_EQ(got.flags(), context.flags());
    EXPECT_EQ(got.baggageItem("key"), "a value, with = signs");
  }
}

TEST(TracerTest, MalformedHeaderExtractsAsNoContextAndIsCounted) {
  auto t = TestTracer::make();
  HeadersCarrier carrier;
  carrier.values["uber-trace-id"] = "not-a-trace";
  auto extracted = t.tracer->Extract(static_cast<const opentracing::HTTPHeadersReader&>(carrier));
  ASSERT_TRUE(extracted);
  EXPECT_FALSE(*extracted);
  EXPECT_EQ(t.tracer->stats().headerDecodingErrors, 1u);

  MapCarrier empty;
  auto none = t.tracer->Extract(static_cast<const opentracing::TextMapReader&>(empty));
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  EXPECT_EQ(t.tracer->stats().headerDecodingErrors, 1u);
}

TEST(TracerTest, InjectOfAForeignContextIsAnError) {
  auto t = TestTracer::make();
  auto noop = opentracing::MakeNoopTracer();
  auto foreign = noop->StartSpan("x");
  MapCarrier carrier;
  auto result =
      t.tracer->Inject(foreign->context(), static_cast<const opentracing::TextMapWriter&>(carrier));
  EXPECT_FALSE(result);
  EXPECT_EQ(result.error(), opentracing::invalid_span_context_error);
}

TEST(TracerTest, WorksAsTheGlobalTracer) {
  auto t = TestTracer::make();
  opentracing::Tracer::InitGlobal(t.tracer);
  opentracing::Tracer::Global()->StartSpan("global")->Finish();
  opentracing::Tracer::InitGlobal(opentracing::MakeNoopTracer());
  ASSERT_EQ(t.reporter->spans().size(), 1u);
  EXPECT_EQ(t.reporter->spans()[0].operationName, "global");
}

TEST(TracerTest, SpanOutlivesItsTracerHandle) {
  auto t = TestTracer::make();
  auto span = t.tracer->StartSpan("outlives");
  auto* reporter = t.reporter;
  const opentracing::Tracer* tracer = t.tracer.get();
  t.tracer.reset();
  // The tracer lives on for its span (AddressSanitizer would see a use after free).
  EXPECT_EQ(&span->tracer(), tracer);
  span->Finish();
  EXPECT_EQ(reporter->spans().size(), 1u);
  span.reset();  // the tracer's last span: the tracer goes with it
}

TEST(TracerTest, SpansFromManyThreads) {
  auto t = TestTracer::make();
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 500; ++j) {
        auto span = t.tracer->StartSpan("threaded");
        span->SetTag("j", j);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(t.reporter->spans().size(), 2000u);
}

TEST(TracerTest, MakeRejectsAnEmptyServiceNameAndDisabledGivesNoop) {
  EXPECT_THROW(Tracer::make("", Config(false, false, samplers::Config("const", 1))), ConfigError);
  auto noop = Tracer::make("svc", Config(true));
  EXPECT_EQ(std::dynamic_pointer_cast<Tracer>(noop), nullptr);
  ASSERT_TRUE(noop);
  noop->StartSpan("nothing")->Finish();
}

}  // namespace
}  // namespace jaegertracing

namespace jaegertracing {
namespace {

TEST(TracerBaggageTest, OversizedValueIsTruncatedAndTheSpanSaysSo) {
  auto t = testing::TestTracer::make();
  auto span = t.tracer->StartSpan("root");
  const std::string huge(5000, 'b');
  span->SetBaggageItem("big", huge);
  EXPECT_EQ(span->BaggageItem("big"), std::string(2048, 'b'));
  span->SetBaggageItem("big", "small");
  span->Finish();
  const auto spans = t.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  ASSERT_EQ(spans[0].logs.size(), 2u);
  const auto& first = spans[0].logs[0].fields;
  ASSERT_EQ(first.size(), 4u);
  EXPECT_EQ(first[3].key, "truncated");
  EXPECT_EQ(std::get<std::string>(first[2].value).size(), 2048u);
  const auto& second = spans[0].logs[1].fields;
  ASSERT_EQ(second.size(), 4u);
  EXPECT_EQ(second[3].key, "override");
}

}  // namespace
}  // namespace jaegertracing
