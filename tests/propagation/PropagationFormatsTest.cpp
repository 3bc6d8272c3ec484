// The configured formats through the real tracer: what Inject writes, which context Extract
// prefers, and what a span started from an extracted context inherits.
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>

#include <memory>
#include <string>
#include <vector>

#include "model/SamplingDenied.h"
#include "support/Carriers.h"
#include "support/TestTracer.h"

namespace jaegertracing {
namespace {

using propagation::Format;
using testing::Headers;
using testing::TestTracer;

constexpr const char* kTraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const TraceID kW3CTraceID(0x4bf92f3577b34da6, 0xa3ce929d0e0e4736);
constexpr uint64_t kW3CParentID = 0x00f067aa0ba902b7;

TestTracer makeTracer(std::vector<Format> formats, double samplerParam = 1,
                      bool traceId128Bit = false) {
  Config config(false, traceId128Bit, samplers::Config("const", samplerParam));
  config.setPropagationFormats(std::move(formats));
  return TestTracer::make(config);
}

Headers inject(const TestTracer& t, const opentracing::SpanContext& context) {
  Headers headers;
  EXPECT_TRUE(t.tracer->Inject(context, testing::HTTPHeadersWriter(headers)));
  return headers;
}

std::unique_ptr<SpanContext> extract(const TestTracer& t, const Headers& headers) {
  auto extracted = t.tracer->Extract(testing::HTTPHeadersReader(headers));
  EXPECT_TRUE(extracted);
  if (!extracted || !*extracted) return nullptr;
  if (dynamic_cast<SpanContext*>(extracted->get()) == nullptr) {
    ADD_FAILURE() << "not a jaegertracing::SpanContext";
    return nullptr;
  }
  return std::unique_ptr<SpanContext>(static_cast<SpanContext*>(extracted->release()));
}

const SpanContext& contextOf(const opentracing::Span& span) {
  return static_cast<const SpanContext&>(span.context());
}

std::string traceParentOf(const SpanContext& context) {
  const std::string traceID = context.traceID().toHex();
  return "00-" + std::string(32 - traceID.size(), '0') + traceID + "-" + context.ToSpanID() + "-" +
         (context.isSampled() ? "01" : "00");
}

TEST(PropagationFormatsTest, JaegerAloneIsTheDefault) {
  auto t = TestTracer::make();
  auto span = t.tracer->StartSpan("span");
  span->SetBaggageItem("k", "v");
  const Headers headers = inject(t, span->context());
  EXPECT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers.count("uber-trace-id"), 1u);
  EXPECT_EQ(headers.count("uberctx-k"), 1u);
}

TEST(PropagationFormatsTest, InjectWritesEveryConfiguredFormat) {
  auto t = makeTracer({Format::W3C, Format::JAEGER, Format::B3});
  auto span = t.tracer->StartSpan("span");
  span->SetBaggageItem("k", "a b");
  const SpanContext& context = contextOf(*span);
  const Headers headers = inject(t, context);
  const std::string traceID = context.traceID().toHex();
  const std::string spanID = context.ToSpanID();
  EXPECT_EQ(headers, Headers({{"traceparent", traceParentOf(context)},
                              {"baggage", "k=a%20b"},
                              {"uber-trace-id", traceID + ":" + spanID + ":0000000000000000:1"},
                              {"uberctx-k", "a%20b"},
                              {"x-b3-traceid", traceID},
                              {"x-b3-spanid", spanID},
                              {"x-b3-sampled", "1"}}));
}

TEST(PropagationFormatsTest, B3CarriesNoBaggage) {
  auto t = makeTracer({Format::B3});
  auto span = t.tracer->StartSpan("span");
  span->SetBaggageItem("k", "v");
  const Headers headers = inject(t, span->context());
  EXPECT_EQ(headers.size(), 3u);
  EXPECT_EQ(headers.count("uberctx-k"), 0u);
  EXPECT_EQ(headers.count("baggage"), 0u);

  auto withJaeger = makeTracer({Format::B3, Format::JAEGER});
  EXPECT_EQ(inject(withJaeger, span->context()).count("uberctx-k"), 1u);
}

TEST(PropagationFormatsTest, AllFormatsWrite128BitTraceIds) {
  auto t = makeTracer({Format::W3C, Format::JAEGER, Format::B3}, 1, true);
  auto span = t.tracer->StartSpan("span");
  const SpanContext& context = contextOf(*span);
  ASSERT_NE(context.traceID().high(), 0u);
  const std::string traceID = context.traceID().toHex();
  ASSERT_EQ(traceID.size(), 32u);
  const Headers headers = inject(t, context);
  EXPECT_EQ(headers.at("traceparent").substr(3, 32), traceID);
  EXPECT_EQ(headers.at("uber-trace-id").substr(0, 33), traceID + ":");
  EXPECT_EQ(headers.at("x-b3-traceid"), traceID);

  for (const Format format : {Format::W3C, Format::JAEGER, Format::B3}) {
    const auto extracted = extract(makeTracer({format}), headers);
    ASSERT_NE(extracted, nullptr);
    EXPECT_EQ(extracted->traceID(), context.traceID());
    EXPECT_EQ(extracted->spanID(), context.spanID());
  }
}

TEST(PropagationFormatsTest, EachFormatReadsWhatTheOthersWroteBeside) {
  auto sender = makeTracer({Format::W3C, Format::JAEGER});
  auto span = sender.tracer->StartSpan("span");
  span->SetBaggageItem("k", "v,w");
  const SpanContext& sent = contextOf(*span);
  const Headers headers = inject(sender, sent);

  for (const Format format : {Format::JAEGER, Format::W3C}) {
    auto receiver = makeTracer({format});
    const auto extracted = extract(receiver, headers);
    ASSERT_NE(extracted, nullptr);
    EXPECT_EQ(extracted->traceID(), sent.traceID());
    EXPECT_EQ(extracted->spanID(), sent.spanID());
    EXPECT_TRUE(extracted->isSampled());
    EXPECT_EQ(extracted->baggageItem("k"), "v,w");
    EXPECT_EQ(receiver.tracer->stats().headerDecodingErrors, 0u);
  }
  // B3 was not written.
  EXPECT_EQ(extract(makeTracer({Format::B3}), headers), nullptr);
}

TEST(PropagationFormatsTest, ExtractPrefersTheFormatListedFirst) {
  const Headers headers = {{"uber-trace-id", "1:2:0:1"},
                           {"traceparent", kTraceParent},
                           {"x-b3-traceid", "0000000000000003"},
                           {"x-b3-spanid", "0000000000000004"}};
  const struct {
    std::vector<Format> formats;
    TraceID traceID;
  } cases[] = {
      {{Format::JAEGER, Format::W3C, Format::B3}, TraceID(0, 1)},
      {{Format::W3C, Format::JAEGER, Format::B3}, kW3CTraceID},
      {{Format::B3, Format::W3C, Format::JAEGER}, TraceID(0, 3)},
  };
  for (const auto& c : cases) {
    const auto extracted = extract(makeTracer(c.formats), headers);
    ASSERT_NE(extracted, nullptr);
    EXPECT_EQ(extracted->traceID(), c.traceID);
  }
}

TEST(PropagationFormatsTest, AMalformedFormatIsCountedAndTheNextOneRead) {
  auto t = makeTracer({Format::W3C, Format::B3, Format::JAEGER});
  const auto extracted = extract(
      t, {{"traceparent", "00-bad"}, {"x-b3-traceid", "bad"}, {"uber-trace-id", "1:2:0:1"}});
  ASSERT_NE(extracted, nullptr);
  EXPECT_EQ(extracted->traceID(), TraceID(0, 1));
  EXPECT_EQ(t.tracer->stats().headerDecodingErrors, 2u);

  EXPECT_EQ(extract(t, {{"TraceParent", "00-BAD"}}), nullptr);
  EXPECT_EQ(t.tracer->stats().headerDecodingErrors, 3u);
}

TEST(PropagationFormatsTest, AChildPassesTheTraceStateOn) {
  auto t = makeTracer({Format::W3C, Format::JAEGER});
  const auto parent = extract(t, {{"TraceParent", kTraceParent},
                                  {"TraceState", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"}});
  ASSERT_NE(parent, nullptr);
  auto child = t.tracer->StartSpan("child", {opentracing::ChildOf(parent.get())});
  auto grandchild = t.tracer->StartSpan("grandchild", {opentracing::ChildOf(&child->context())});
  for (const auto* span : {child.get(), grandchild.get()}) {
    const SpanContext& context = contextOf(*span);
    EXPECT_EQ(context.traceID(), kW3CTraceID);
    EXPECT_EQ(context.traceState(), "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
    const Headers headers = inject(t, context);
    EXPECT_EQ(headers.at("traceparent"), traceParentOf(context));
    EXPECT_EQ(headers.at("tracestate"), "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
  }
  EXPECT_EQ(contextOf(*child).parentID(), kW3CParentID);

  // A new trace starts without one.
  auto root = t.tracer->StartSpan("root");
  EXPECT_EQ(contextOf(*root).traceState(), "");
  EXPECT_EQ(inject(t, root->context()).count("tracestate"), 0u);
}

TEST(PropagationFormatsTest, AW3CChildKeepsTheCallersSamplingDecision) {
  // The sampler says the opposite each time: the caller's decision wins.
  auto neverSamples = makeTracer({Format::W3C}, 0);
  const auto sampled = extract(neverSamples, {{"traceparent", kTraceParent}});
  ASSERT_NE(sampled, nullptr);
  auto child =
      neverSamples.tracer->StartSpan("sampled-child", {opentracing::ChildOf(sampled.get())});
  EXPECT_TRUE(contextOf(*child).isSampled());
  EXPECT_FALSE(contextOf(*child).isDebug());
  child->Finish();
  const auto spans = neverSamples.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].traceID, kW3CTraceID);
  EXPECT_EQ(spans[0].parentID, kW3CParentID);

  auto alwaysSamples = makeTracer({Format::W3C}, 1);
  const auto unsampled = extract(
      alwaysSamples, {{"traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}});
  ASSERT_NE(unsampled, nullptr);
  child =
      alwaysSamples.tracer->StartSpan("unsampled-child", {opentracing::ChildOf(unsampled.get())});
  EXPECT_FALSE(contextOf(*child).isSampled());
  child->Finish();
  EXPECT_TRUE(alwaysSamples.reporter->spans().empty());
}

TEST(PropagationFormatsTest, AB3DebugContextMakesASampledDebugChild) {
  auto t = makeTracer({Format::B3}, 0);
  for (const Headers& headers : {Headers{{"X-B3-TraceId", "463ac35c9f6413ad"},
                                         {"X-B3-SpanId", "a2fb4a1d1a96d312"},
                                         {"X-B3-Flags", "1"}},
                                 Headers{{"b3", "463ac35c9f6413ad-a2fb4a1d1a96d312-d"}}}) {
    const auto parent = extract(t, headers);
    ASSERT_NE(parent, nullptr);
    auto child = t.tracer->StartSpan("child", {opentracing::ChildOf(parent.get())});
    EXPECT_TRUE(contextOf(*child).isSampled());
    EXPECT_TRUE(contextOf(*child).isDebug());
    EXPECT_EQ(contextOf(*child).traceID(), TraceID(0, 0x463ac35c9f6413ad));
    EXPECT_EQ(inject(t, child->context()).at("x-b3-flags"), "1");
  }
}

TEST(PropagationFormatsTest, AB3DenyStartsAnUnsampledTrace) {
  auto t = makeTracer({Format::B3, Format::JAEGER}, 1);
  for (const Headers& headers : {Headers{{"b3", "0"}}, Headers{{"X-B3-Sampled", "0"}}}) {
    const auto parent = extract(t, headers);
    ASSERT_NE(parent, nullptr);
    EXPECT_TRUE(detail::isSamplingDenied(*parent));
    auto span = t.tracer->StartSpan("denied", {opentracing::ChildOf(parent.get())});
    const SpanContext& context = contextOf(*span);
    EXPECT_TRUE(context.isValid());
    EXPECT_FALSE(context.isSampled());
    EXPECT_FALSE(detail::isSamplingDenied(context));
    EXPECT_EQ(context.parentID(), 0u);
    auto child = t.tracer->StartSpan("child", {opentracing::ChildOf(&span->context())});
    EXPECT_FALSE(contextOf(*child).isSampled());
    EXPECT_EQ(contextOf(*child).traceID(), context.traceID());
    child->Finish();
    span->Finish();

    // Downstream sees an ordinary unsampled trace.
    const Headers sent = inject(t, context);
    EXPECT_EQ(sent.at("x-b3-sampled"), "0");
    EXPECT_EQ(sent.at("x-b3-traceid"), context.traceID().toHex());
  }
  EXPECT_TRUE(t.reporter->spans().empty());
  EXPECT_EQ(t.tracer->stats().headerDecodingErrors, 0u);

  // Without the deny the same tracer samples.
  auto span = t.tracer->StartSpan("sampled");
  EXPECT_TRUE(contextOf(*span).isSampled());
}

}  // namespace
}  // namespace jaegertracing

namespace jaegertracing {
namespace {

TEST(PropagationFormatsFallbackTest, JaegerBaggageAloneDoesNotHideATraceparentListedAfterIt) {
  Config config(false, false, samplers::Config("const", 1));
  config.setPropagationFormats({propagation::Format::JAEGER, propagation::Format::W3C});
  auto t = testing::TestTracer::make(config);
  testing::Headers headers{
      {"uberctx-user", "alice"},
      {"traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}};
  auto extracted = t.tracer->Extract(testing::HTTPHeadersReader(headers));
  ASSERT_TRUE(extracted);
  ASSERT_TRUE(*extracted);
  EXPECT_EQ((*extracted)->ToTraceID(), "0af7651916cd43dd8448eb211c80319c");

  testing::Headers baggageOnly{{"uberctx-user", "alice"}};
  auto fallback = t.tracer->Extract(testing::HTTPHeadersReader(baggageOnly));
  ASSERT_TRUE(fallback);
  ASSERT_TRUE(*fallback);
  EXPECT_EQ(static_cast<const SpanContext&>(**fallback).baggageItem("user"), "alice");
}

}  // namespace
}  // namespace jaegertracing
