#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "propagation/JaegerPropagator.h"
#include "support/Carriers.h"
#include "support/FailingCarriers.h"

namespace jaegertracing {
namespace propagation {
namespace {

using testing::extract;
using testing::Headers;
using testing::inject;
using BaggageMap = std::map<std::string, std::string>;

BaggageMap toMap(const SpanContext::Baggage& baggage) {
  return BaggageMap(baggage.begin(), baggage.end());
}

void expectSameContext(const SpanContext& expected, const SpanContext& actual) {
  EXPECT_EQ(actual.traceID(), expected.traceID());
  EXPECT_EQ(actual.spanID(), expected.spanID());
  EXPECT_EQ(actual.parentID(), expected.parentID());
  EXPECT_EQ(actual.flags(), expected.flags());
  EXPECT_EQ(actual.debugID(), expected.debugID());
  EXPECT_EQ(toMap(actual.baggage()), toMap(expected.baggage()));
}

// Each test runs for TextMap (false) and HTTP headers (true).
class JaegerPropagatorTest : public ::testing::TestWithParam<bool> {
 protected:
  bool http() const { return GetParam(); }
  JaegerPropagator propagator_{HeadersConfig()};
};

INSTANTIATE_TEST_SUITE_P(Carriers, JaegerPropagatorTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "HTTPHeaders" : "TextMap";
                         });

TEST_P(JaegerPropagatorTest, InjectsTheTraceContextInHex) {
  const struct {
    SpanContext context;
    const char* header;
  } cases[] = {
      {SpanContext(TraceID(0, 0xabc), 0xdef, 0x1, 1),
       "0000000000000abc:0000000000000def:0000000000000001:1"},
      {SpanContext(TraceID(0x1, 0xfedcba9876543210), 0x123456789abcdef0, 0, 3),
       "0000000000000001fedcba9876543210:123456789abcdef0:0000000000000000:3"},
      {SpanContext(TraceID(0, 1), 2, 0, 0), "0000000000000001:0000000000000002:0000000000000000:0"},
      {SpanContext(TraceID(0, 1), 2, 0, 0xaf),
       "0000000000000001:0000000000000002:0000000000000000:af"},
  };
  for (const auto& c : cases) {
    const Headers headers = inject(propagator_, c.context, http());
    EXPECT_EQ(headers, Headers({{"uber-trace-id", c.header}}));
  }
}

TEST_P(JaegerPropagatorTest, RoundTripsIdsAndFlags) {
  const SpanContext contexts[] = {
      SpanContext(TraceID(0, 0x1234), 0x5678, 0x9abc, 0),
      SpanContext(TraceID(0, 0xffffffffffffffff), 0xffffffffffffffff, 0xffffffffffffffff, 1),
      SpanContext(TraceID(0xfedcba9876543210, 0x0123456789abcdef), 1, 0, SpanContext::kDebugFlag),
      SpanContext(TraceID(1, 0), 1, 2, SpanContext::kSampledFlag | SpanContext::kDebugFlag),
  };
  for (const auto& context : contexts) {
    const auto result = extract(propagator_, inject(propagator_, context, http()), http());
    ASSERT_NE(result.context, nullptr) << context.ToTraceID();
    EXPECT_FALSE(result.malformed);
    expectSameContext(context, *result.context);
    EXPECT_TRUE(result.context->isValid());
  }
}

TEST_P(JaegerPropagatorTest, RoundTripsBaggageThatNeedsEncoding) {
  const SpanContext context(TraceID(0, 1), 2, 0, 1,
                            {{"space", "a b"},
                             {"percent", "100% %zz %"},
                             {"separators", "k=v, k2=v2; x"},
                             {"unicode", "gr\xc3\xbc\xc3\x9f dich \xe2\x9c\x93"},
                             {"plus", "a+b"},
                             {"empty", ""},
                             {"with-dash_and.dot", "x"}});
  const auto result = extract(propagator_, inject(propagator_, context, http()), http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  expectSameContext(context, *result.context);
}

TEST_P(JaegerPropagatorTest, EncodesBaggageValuesOnlyInHttpHeaders) {
  const SpanContext context(TraceID(0, 1), 2, 0, 1, {{"key", "a b%c=d,e\xc3\xbc"}});
  const Headers headers = inject(propagator_, context, http());
  ASSERT_EQ(headers.count("uberctx-key"), 1u);
  EXPECT_EQ(headers.at("uberctx-key"), http() ? "a%20b%25c%3Dd%2Ce%C3%BC" : "a b%c=d,e\xc3\xbc");
}

TEST_P(JaegerPropagatorTest, UsesCustomHeaderNames) {
  const JaegerPropagator custom(HeadersConfig("x-debug", "x-baggage", "X-Trace", "X-Ctx-"));
  const SpanContext context(TraceID(0, 0xa), 0xb, 0xc, 1, {{"k", "v"}});
  const Headers headers = inject(custom, context, http());
  EXPECT_EQ(headers, Headers({{"X-Trace", "000000000000000a:000000000000000b:000000000000000c:1"},
                              {"X-Ctx-k", "v"}}));

  auto result = extract(custom, headers, http());
  ASSERT_NE(result.context, nullptr);
  expectSameContext(context, *result.context);

  result =
      extract(custom, {{"x-trace", "a:b:c:1"}, {"x-debug", "dbg"}, {"x-baggage", "k2=v2"}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->debugID(), "dbg");
  EXPECT_EQ(toMap(result.context->baggage()), BaggageMap({{"k2", "v2"}}));

  // The default names mean nothing once others are configured.
  result = extract(
      custom, {{"uber-trace-id", "a:b:c:1"}, {"uberctx-k", "v"}, {"jaeger-debug-id", "d"}}, http());
  EXPECT_EQ(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
}

TEST_P(JaegerPropagatorTest, MatchesHeaderNamesInAnyCase) {
  const auto result = extract(propagator_,
                              {{"Uber-Trace-Id", "abc:def:0:1"},
                               {"UBERCTX-Key", "v1"},
                               {"UberCtx-other-KEY", "v2"},
                               {"Jaeger-Debug-Id", "dbg"},
                               {"JAEGER-BAGGAGE", "Mixed=v3"}},
                              http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->traceID(), TraceID(0, 0xabc));
  EXPECT_EQ(result.context->debugID(), "dbg");
  // As Jaeger's Go client: uberctx- keys come out lower-case, jaeger-baggage keys as sent.
  EXPECT_EQ(toMap(result.context->baggage()),
            BaggageMap({{"key", "v1"}, {"other-key", "v2"}, {"Mixed", "v3"}}));
}

TEST_P(JaegerPropagatorTest, AcceptsIdsWithoutLeadingZeros) {
  const auto result = extract(propagator_, {{"uber-trace-id", "abc:def:0:1"}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  expectSameContext(SpanContext(TraceID(0, 0xabc), 0xdef, 0, 1), *result.context);
}

TEST_P(JaegerPropagatorTest, ReadsTheUpperHalfOfLongTraceIds) {
  auto result = extract(propagator_, {{"uber-trace-id", "10000000000000002:3:4:2"}}, http());
  ASSERT_NE(result.context, nullptr);
  expectSameContext(SpanContext(TraceID(1, 2), 3, 4, 2), *result.context);

  result = extract(propagator_, {{"uber-trace-id", "FEDCBA9876543210FEDCBA9876543210:ABCDEF:A:1F"}},
                   http());
  ASSERT_NE(result.context, nullptr);
  expectSameContext(
      SpanContext(TraceID(0xfedcba9876543210, 0xfedcba9876543210), 0xabcdef, 0xa, 0x1f),
      *result.context);
}

TEST_P(JaegerPropagatorTest, AcceptsAUrlEncodedTraceContext) {
  const auto result = extract(propagator_, {{"uber-trace-id", "abc%3Adef%3a0%3A1"}}, http());
  ASSERT_NE(result.context, nullptr);
  expectSameContext(SpanContext(TraceID(0, 0xabc), 0xdef, 0, 1), *result.context);
}

TEST_P(JaegerPropagatorTest, ExtractsADebugIdAlone) {
  const auto result = extract(propagator_, {{"jaeger-debug-id", "my-debug"}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  EXPECT_FALSE(result.context->traceID().isValid());
  EXPECT_EQ(result.context->debugID(), "my-debug");
  EXPECT_TRUE(result.context->isDebugIDContainerOnly());
  EXPECT_TRUE(result.context->baggage().empty());
}

TEST_P(JaegerPropagatorTest, ExtractsBaggageWithoutATrace) {
  const auto result =
      extract(propagator_, {{"uberctx-k", "v"}, {"jaeger-baggage", "k2=v2"}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  EXPECT_FALSE(result.context->isValid());
  EXPECT_TRUE(result.context->debugID().empty());
  EXPECT_EQ(toMap(result.context->baggage()), BaggageMap({{"k", "v"}, {"k2", "v2"}}));
}

TEST_P(JaegerPropagatorTest, ExtractsEverythingTogether) {
  const auto result = extract(propagator_,
                              {{"uber-trace-id", "1:2:3:1"},
                               {"jaeger-debug-id", "dbg"},
                               {"uberctx-a", "1"},
                               {"jaeger-baggage", "b=2"},
                               {"content-type", "text/plain"}},
                              http());
  ASSERT_NE(result.context, nullptr);
  expectSameContext(SpanContext(TraceID(0, 1), 2, 3, 1, {{"a", "1"}, {"b", "2"}}, "dbg"),
                    *result.context);
}

TEST_P(JaegerPropagatorTest, ParsesTheJaegerBaggageHeader) {
  const auto result = extract(propagator_,
                              {{"jaeger-baggage",
                                "k1=v1, k2=v2 ,  k3 = v 3 ,no-equals,=no-key,, k4=a=b==,k5=,"
                                "\tk6\t=\tv6\t"}},
                              http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(
      toMap(result.context->baggage()),
      BaggageMap(
          {{"k1", "v1"}, {"k2", "v2"}, {"k3", "v 3"}, {"k4", "a=b=="}, {"k5", ""}, {"k6", "v6"}}));
}

TEST_P(JaegerPropagatorTest, DecodesJaegerBaggageItemsInHttpHeaders) {
  const auto result = extract(propagator_, {{"jaeger-baggage", "k%201=a%2Cb%3Dc+d"}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(toMap(result.context->baggage()),
            http() ? BaggageMap({{"k 1", "a,b=c d"}}) : BaggageMap({{"k%201", "a%2Cb%3Dc+d"}}));
}

TEST_P(JaegerPropagatorTest, DecodesBaggageValuesOnlyInHttpHeaders) {
  const auto result = extract(propagator_,
                              {{"uberctx-encoded", "a%20b+c%2B"},
                               {"uberctx-bad-escape", "100%"},
                               {"jaeger-debug-id", "d%20x"}},
                              http());
  ASSERT_NE(result.context, nullptr);
  // A value that fails to decode is kept as sent, as Jaeger's Go client does.
  EXPECT_EQ(toMap(result.context->baggage()),
            http() ? BaggageMap({{"encoded", "a b c+"}, {"bad-escape", "100%"}})
                   : BaggageMap({{"encoded", "a%20b+c%2B"}, {"bad-escape", "100%"}}));
  EXPECT_EQ(result.context->debugID(), http() ? "d x" : "d%20x");
}

TEST_P(JaegerPropagatorTest, IgnoresUnrelatedHeaders) {
  auto result = extract(propagator_,
                        {{"content-type", "text/plain"},
                         {"uberctx-", "no key"},
                         {"uber-trace-id-x", "1:2:3:1"},
                         {"x-uber-trace-id", "1:2:3:1"},
                         {"uberctx", "x"}},
                        http());
  EXPECT_EQ(result.context, nullptr);
  EXPECT_FALSE(result.malformed);

  result = extract(propagator_, {}, http());
  EXPECT_EQ(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
}

TEST_P(JaegerPropagatorTest, RejectsMalformedTraceContexts) {
  const std::string huge(1 << 20, 'a');
  std::string hugeEncoded;
  for (int i = 0; i < 100000; ++i) hugeEncoded += "%3A";
  const std::string cases[] = {
      "",
      "abc:def:0",
      "abc:def:0:1:2",
      "xyz:def:0:1",
      "abc:dxf:0:1",
      "abc:def:0g:1",
      std::string(33, '1') + ":def:0:1",
      "abc:" + std::string(17, '1') + ":0:1",
      "abc:def:" + std::string(17, '1') + ":1",
      "0:def:0:1",
      std::string(32, '0') + ":def:0:1",
      "abc:0:0:1",
      "abc:0000000000000000:0:1",
      ":def:0:1",
      "abc::0:1",
      "abc:def::1",
      "abc:def:0:",
      ":::",
      "abc:def:0:zz",
      "abc:def:0:123",
      "abc%zzdef%3A0%3A1",
      "abc%3Adef%3A0%3A1%",
      "abc%3Adef%3A0%3A1%2",
      " abc:def:0:1",
      "abc:def:0:1 ",
      "abc:def:0:+1",
      "+abc:def:0:1",
      "-abc:def:0:1",
      "0xabc:def:0:1",
      "abc+def:0:1",
      "abc:def:0:1\n",
      std::string("abc:def:0:1\0", 12),
      huge,
      huge + ":def:0:1",
      hugeEncoded,
  };
  for (const auto& value : cases) {
    const auto result = extract(propagator_,
                                {{"uber-trace-id", value},
                                 {"uberctx-k", "v"},
                                 {"jaeger-debug-id", "dbg"},
                                 {"jaeger-baggage", "a=b"}},
                                http());
    EXPECT_EQ(result.context, nullptr) << '"' << value.substr(0, 80) << '"';
    EXPECT_TRUE(result.malformed) << '"' << value.substr(0, 80) << '"';
  }
}

TEST_P(JaegerPropagatorTest, BoundsTheBaggageItKeeps) {
  Headers headers = {{"uber-trace-id", "1:2:0:1"}};
  for (int i = 0; i < 100; ++i) headers["uberctx-key" + std::to_string(i)] = "v";
  auto result = extract(propagator_, headers, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->baggage().size(), kMaxBaggageItems);

  std::string manyItems;
  for (int i = 0; i < 100; ++i) manyItems += "k" + std::to_string(i) + "=v,";
  result = extract(propagator_, {{"jaeger-baggage", manyItems}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->baggage().size(), kMaxBaggageItems);

  // Key plus value: "fits" is exactly at the limit, the others one byte over.
  const std::string atLimit(kMaxBaggageItemBytes - 4, 'v');
  const std::string overLimit(kMaxBaggageItemBytes - 3, 'v');
  const std::string huge(1 << 20, 'v');
  result = extract(propagator_,
                   {{"uberctx-fits", atLimit},
                    {"uberctx-long", overLimit},
                    {"uberctx-huge", huge},
                    {"uberctx-" + huge, "v"},
                    {"jaeger-baggage", "k=" + huge},
                    {"jaeger-debug-id", huge}},
                   http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(toMap(result.context->baggage()), BaggageMap({{"fits", atLimit}}));
  EXPECT_TRUE(result.context->debugID().empty());
}

TEST_P(JaegerPropagatorTest, IgnoresEncodedValuesThatDecodeOverTheLimit) {
  // Short enough encoded to be decoded at all, 9 bytes too long once decoded.
  std::string encoded;
  for (int i = 0; i < 8000; ++i) encoded += "%41";
  encoded += std::string(kMaxBaggageItemBytes - 8000 + 8, 'A');
  const auto result =
      extract(propagator_, {{"uber-trace-id", "1:2:0:1"}, {"uberctx-k", encoded}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_TRUE(result.context->baggage().empty());
}

TEST_P(JaegerPropagatorTest, MeasuresTheLimitOnWhatIsKept) {
  // Over the limit as sent, within it once decoded: kept only where it is decoded.
  std::string encoded;
  for (int i = 0; i < 4000; ++i) encoded += "%41";
  const auto result =
      extract(propagator_, {{"uber-trace-id", "1:2:0:1"}, {"uberctx-k", encoded}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(toMap(result.context->baggage()),
            http() ? BaggageMap({{"k", std::string(4000, 'A')}}) : BaggageMap());
}

TEST_P(JaegerPropagatorTest, InjectsOnlyBaggageForAnInvalidContext) {
  const SpanContext context(TraceID(), 0, 0, 0, {{"k", "v"}}, "dbg");
  EXPECT_EQ(inject(propagator_, context, http()), Headers({{"uberctx-k", "v"}}));
}

// The cases below need a carrier that keeps order, repeats or fails.

TEST(JaegerPropagatorCarrierTest, TheLastRepeatedHeaderWins) {
  const JaegerPropagator propagator{HeadersConfig()};
  const testing::ListReader reader({{"uber-trace-id", "1:2:0:1"},
                                    {"Uber-Trace-Id", "3:4:0:0"},
                                    {"uberctx-K", "first"},
                                    {"uberctx-k", "second"},
                                    {"jaeger-baggage", "k=third"},
                                    {"jaeger-debug-id", "a"},
                                    {"Jaeger-Debug-Id", "b"}});
  const auto result = propagator.extract(reader, false);
  ASSERT_NE(result.context, nullptr);
  expectSameContext(SpanContext(TraceID(0, 3), 4, 0, 0, {{"k", "third"}}, "b"), *result.context);
}

TEST(JaegerPropagatorCarrierTest, StopsReadingAtAMalformedTraceContext) {
  const JaegerPropagator propagator{HeadersConfig()};
  const testing::ListReader reader(
      {{"uberctx-k", "v"}, {"uber-trace-id", "bad"}, {"a", "b"}, {"c", "d"}});
  const auto result = propagator.extract(reader, true);
  EXPECT_EQ(result.context, nullptr);
  EXPECT_TRUE(result.malformed);
  EXPECT_EQ(reader.calls, 2u);
}

TEST(JaegerPropagatorCarrierTest, AValidHeaderAfterAMalformedOneDoesNotHelp) {
  const JaegerPropagator propagator{HeadersConfig()};
  const testing::ListReader reader({{"uber-trace-id", "1:2:0:1"}, {"Uber-Trace-Id", "1:2:0"}});
  const auto result = propagator.extract(reader, false);
  EXPECT_EQ(result.context, nullptr);
  EXPECT_TRUE(result.malformed);
}

TEST(JaegerPropagatorCarrierTest, AFailingReaderGivesNoContext) {
  const JaegerPropagator propagator{HeadersConfig()};
  for (const bool throws : {false, true}) {
    ExtractResult result;
    EXPECT_NO_THROW(result = propagator.extract(
                        testing::FailingReader("uber-trace-id", "1:2:0:1", throws), false));
    EXPECT_EQ(result.context, nullptr);
    EXPECT_FALSE(result.malformed);
  }
}

TEST(JaegerPropagatorCarrierTest, StopsAtTheFirstFailedSet) {
  const JaegerPropagator propagator{HeadersConfig()};
  const SpanContext context(TraceID(0, 1), 2, 0, 1, {{"a", "1"}, {"b", "2"}, {"c", "3"}});
  for (const bool throws : {false, true}) {
    for (int succeed = 0; succeed < 4; ++succeed) {
      const testing::FailingWriter writer(succeed, throws);
      EXPECT_NO_THROW(propagator.inject(context, writer, true));
      EXPECT_EQ(writer.keys.size(), static_cast<std::size_t>(succeed + 1));
      EXPECT_EQ(writer.keys.front(), "uber-trace-id");
    }
  }
}

}  // namespace
}  // namespace propagation
}  // namespace jaegertracing
