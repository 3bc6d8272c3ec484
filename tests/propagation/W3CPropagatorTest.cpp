#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/SamplingDenied.h"
#include "propagation/W3CPropagator.h"
#include "support/Carriers.h"
#include "support/FailingCarriers.h"

namespace jaegertracing {
namespace propagation {
namespace {

using testing::extract;
using testing::Headers;
using testing::inject;
using BaggageMap = std::map<std::string, std::string>;

// The W3C's own example.
constexpr const char* kTraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const TraceID kTraceID(0x4bf92f3577b34da6, 0xa3ce929d0e0e4736);
constexpr uint64_t kParentID = 0x00f067aa0ba902b7;

BaggageMap toMap(const SpanContext::Baggage& baggage) {
  return BaggageMap(baggage.begin(), baggage.end());
}

// Each test runs for TextMap (false) and HTTP headers (true).
class W3CPropagatorTest : public ::testing::TestWithParam<bool> {
 protected:
  bool http() const { return GetParam(); }
  W3CPropagator propagator_;
};

INSTANTIATE_TEST_SUITE_P(Carriers, W3CPropagatorTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "HTTPHeaders" : "TextMap";
                         });

TEST_P(W3CPropagatorTest, InjectsATraceParentWith32DigitTraceIds) {
  const struct {
    SpanContext context;
    const char* header;
  } cases[] = {
      {SpanContext(kTraceID, kParentID, 0x1234, 1), kTraceParent},
      {SpanContext(TraceID(0, 0xabc), 0xdef, 0, 1),
       "00-00000000000000000000000000000abc-0000000000000def-01"},
      {SpanContext(TraceID(0, 1), 2, 3, 0),
       "00-00000000000000000000000000000001-0000000000000002-00"},
      // Debug is Jaeger's alone: only the sampled bit goes out.
      {SpanContext(TraceID(0, 1), 2, 0, SpanContext::kSampledFlag | SpanContext::kDebugFlag),
       "00-00000000000000000000000000000001-0000000000000002-01"},
      {SpanContext(TraceID(0, 1), 2, 0, SpanContext::kDebugFlag),
       "00-00000000000000000000000000000001-0000000000000002-00"},
      {SpanContext(TraceID(0xffffffffffffffff, 0xffffffffffffffff), 0xffffffffffffffff, 0, 0xff),
       "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(inject(propagator_, c.context, http()), Headers({{"traceparent", c.header}}));
  }
}

TEST_P(W3CPropagatorTest, InjectsTheTraceStateAsItCame) {
  const SpanContext context(kTraceID, kParentID, 0, 1, {}, "", "congo=t61rcWkgMzE, rojo=00f067aa");
  EXPECT_EQ(
      inject(propagator_, context, http()),
      Headers({{"traceparent", kTraceParent}, {"tracestate", "congo=t61rcWkgMzE, rojo=00f067aa"}}));
}

TEST_P(W3CPropagatorTest, InjectsOnlyBaggageForAnInvalidContext) {
  const SpanContext context(TraceID(), 0, 0, 1, {{"k", "v"}}, "dbg", "a=b");
  EXPECT_EQ(inject(propagator_, context, http()), Headers({{"baggage", "k=v"}}));
  EXPECT_EQ(inject(propagator_, detail::SamplingDeniedContext(), http()), Headers());
}

TEST_P(W3CPropagatorTest, PercentEncodesBaggageValuesInEveryCarrier) {
  const SpanContext context(TraceID(0, 1), 2, 0, 1,
                            {{"k", "a b,c;d=e%f+g\"h\\i\xc3\xbc~!"},
                             {"not a token", "x"},
                             {"", "empty key"},
                             {"k2", ""}});
  const Headers headers = inject(propagator_, context, http());
  ASSERT_EQ(headers.count("baggage"), 1u);
  EXPECT_EQ(headers.at("baggage"), "k=a%20b%2Cc%3Bd=e%25f+g%22h%5Ci%C3%BC~!,k2=");
}

TEST_P(W3CPropagatorTest, RoundTripsIdsSamplingTraceStateAndBaggage) {
  const SpanContext contexts[] = {
      SpanContext(TraceID(0, 0x1234), 0x5678, 0, 0),
      SpanContext(TraceID(0, 0x1234), 0x5678, 0, 1),
      SpanContext(TraceID(0xfedcba9876543210, 0x0123456789abcdef), 0xffffffffffffffff, 0, 1, {}, "",
                  "vendor=value"),
      SpanContext(TraceID(1, 0), 1, 0, 1,
                  {{"space", "a b"},
                   {"percent", "100% %zz %"},
                   {"separators", "k=v, k2=v2; x"},
                   {"unicode", "gr\xc3\xbc\xc3\x9f dich \xe2\x9c\x93"},
                   {"bytes", std::string("\x00\x01\xff", 3)},
                   {"plus", "a+b"},
                   {"empty", ""},
                   {"With-Case_and.dot", "x"}}),
  };
  for (const auto& context : contexts) {
    const auto result = extract(propagator_, inject(propagator_, context, http()), http());
    ASSERT_NE(result.context, nullptr) << context.ToTraceID();
    EXPECT_FALSE(result.malformed);
    EXPECT_EQ(result.context->traceID(), context.traceID());
    EXPECT_EQ(result.context->spanID(), context.spanID());
    EXPECT_EQ(result.context->parentID(), 0u);
    EXPECT_EQ(result.context->flags(), context.flags());
    EXPECT_EQ(result.context->traceState(), context.traceState());
    EXPECT_EQ(toMap(result.context->baggage()), toMap(context.baggage()));
    EXPECT_TRUE(result.context->debugID().empty());
  }
}

TEST_P(W3CPropagatorTest, ExtractsTheSampledBitOnly) {
  const struct {
    const char* flags;
    unsigned char expected;
  } cases[] = {{"00", 0}, {"01", 1}, {"02", 0}, {"03", 1}, {"fe", 0}, {"ff", 1}};
  for (const auto& c : cases) {
    const std::string header =
        std::string("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-") + c.flags;
    const auto result = extract(propagator_, {{"traceparent", header}}, http());
    ASSERT_NE(result.context, nullptr) << header;
    EXPECT_EQ(result.context->traceID(), kTraceID);
    EXPECT_EQ(result.context->spanID(), kParentID);
    EXPECT_EQ(result.context->flags(), c.expected) << header;
    EXPECT_FALSE(result.context->isDebug());
  }
}

TEST_P(W3CPropagatorTest, AcceptsLaterVersionsWithMoreFields) {
  const char* headers[] = {
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like",
      "fe-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-",
      // The OWS around a header value is not part of it.
      " \t00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 ",
  };
  for (const char* header : headers) {
    const auto result = extract(propagator_, {{"traceparent", header}}, http());
    ASSERT_NE(result.context, nullptr) << header;
    EXPECT_FALSE(result.malformed);
    EXPECT_EQ(result.context->traceID(), kTraceID);
    EXPECT_EQ(result.context->spanID(), kParentID);
    EXPECT_TRUE(result.context->isSampled());
  }
}

TEST_P(W3CPropagatorTest, RejectsMalformedTraceParents) {
  const std::string valid = kTraceParent;
  const auto replaced = [&valid](std::size_t at, const std::string& text) {
    return valid.substr(0, at) + text + valid.substr(at + text.size());
  };
  const std::string cases[] = {
      "",
      "00",
      // Lengths.
      valid.substr(0, 54),
      valid + "0",
      valid + "-",
      valid + "-extra",
      "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e47366-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-001",
      "000-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      // Versions.
      replaced(0, "ff"),
      replaced(0, "ff") + "-future",
      replaced(0, "FF"),
      replaced(0, "0A"),
      replaced(0, "0g"),
      replaced(0, ".0"),
      replaced(0, "0."),
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.what-the-future-will-be-like",
      // Upper case and other non-hex.
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
      replaced(3, "A"),
      replaced(34, "F"),
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
      replaced(51, "B"),
      replaced(53, "0A"),
      replaced(53, "A0"),
      replaced(53, "0g"),
      replaced(53, "zz"),
      replaced(53, "+1"),
      replaced(53, " 1"),
      replaced(3, "g"),
      replaced(36, "x"),
      replaced(3, "+"),
      replaced(3, "-"),
      // Zero ids.
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
      // Separators.
      replaced(2, "_"),
      replaced(35, "_"),
      replaced(52, "_"),
      replaced(2, " "),
      replaced(35, ":"),
      "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n",
      std::string(kTraceParent) + std::string(1, '\0'),
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      std::string(1 << 20, '0'),
  };
  for (const auto& value : cases) {
    const auto result = extract(
        propagator_, {{"traceparent", value}, {"tracestate", "a=b"}, {"baggage", "k=v"}}, http());
    EXPECT_EQ(result.context, nullptr) << '"' << value.substr(0, 80) << '"';
    EXPECT_TRUE(result.malformed) << '"' << value.substr(0, 80) << '"';
  }
}

TEST_P(W3CPropagatorTest, MatchesHeaderNamesInAnyCase) {
  const auto result =
      extract(propagator_,
              {{"TraceParent", kTraceParent}, {"TRACESTATE", "a=b"}, {"Baggage", "k=v"}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->traceID(), kTraceID);
  EXPECT_EQ(result.context->traceState(), "a=b");
  EXPECT_EQ(toMap(result.context->baggage()), BaggageMap({{"k", "v"}}));
}

TEST_P(W3CPropagatorTest, IgnoresTraceStateAndBaggageWithoutATraceParent) {
  auto result = extract(propagator_, {{"tracestate", "a=b"}, {"baggage", "k=v"}}, http());
  EXPECT_EQ(result.context, nullptr);
  EXPECT_FALSE(result.malformed);

  result = extract(propagator_,
                   {{"content-type", "text/plain"},
                    {"traceparent-x", "bad"},
                    {"x-traceparent", "bad"},
                    {"uber-trace-id", "1:2:0:1"}},
                   http());
  EXPECT_EQ(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
}

TEST_P(W3CPropagatorTest, KeepsTheTraceStateUpTo512Characters) {
  const std::string atLimit = "k=" + std::string(W3CPropagator::kMaxTraceStateChars - 2, 'v');
  auto result =
      extract(propagator_, {{"traceparent", kTraceParent}, {"tracestate", atLimit}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->traceState(), atLimit);

  const std::string cases[] = {
      atLimit + "v",
      std::string(1 << 20, 'v'),
      "a=b\r\nx-injected: 1",
      "a=\xc3\xbc",
  };
  for (const auto& traceState : cases) {
    result =
        extract(propagator_, {{"traceparent", kTraceParent}, {"tracestate", traceState}}, http());
    ASSERT_NE(result.context, nullptr);
    EXPECT_FALSE(result.malformed);
    EXPECT_EQ(result.context->traceState(), "") << traceState.substr(0, 40);
    EXPECT_EQ(result.context->traceID(), kTraceID);
  }

  // Trimmed, otherwise as sent.
  result = extract(propagator_,
                   {{"traceparent", kTraceParent}, {"tracestate", " rojo=00f067aa ,congo=t61 "}},
                   http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->traceState(), "rojo=00f067aa ,congo=t61");
}

TEST_P(W3CPropagatorTest, ParsesW3CBaggage) {
  const auto result = extract(propagator_,
                              {{"traceparent", kTraceParent},
                               {"baggage",
                                "k1=v1, k2 = v2 ;prop1;prop2=x ,k3=a%20b%2C%3Bc+d%C3%BC,k4=a=b,"
                                "k5=,\tk6\t=\tv6\t,Mixed-Case=x,no-equals,=no-key,,bad key=x,"
                                "bad-value=a b,bad-escape=%zz,short-escape=%2,quote=\"x\""}},
                              http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  EXPECT_EQ(toMap(result.context->baggage()), BaggageMap({{"k1", "v1"},
                                                          {"k2", "v2"},
                                                          {"k3", "a b,;c+d\xc3\xbc"},
                                                          {"k4", "a=b"},
                                                          {"k5", ""},
                                                          {"k6", "v6"},
                                                          {"Mixed-Case", "x"}}));
}

TEST_P(W3CPropagatorTest, BoundsTheBaggageItKeeps) {
  std::string manyItems;
  for (int i = 0; i < 100; ++i) manyItems += "k" + std::to_string(i) + "=v,";
  auto result =
      extract(propagator_, {{"traceparent", kTraceParent}, {"baggage", manyItems}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->baggage().size(), kMaxBaggageItems);

  // Key plus value: "fits" is exactly at the limit, the others one byte over once decoded.
  const std::string atLimit(kMaxBaggageItemBytes - 4, 'v');
  const std::string overLimit(kMaxBaggageItemBytes - 3, 'v');
  std::string encodedOverLimit;
  for (std::size_t i = 0; i < kMaxBaggageItemBytes - 2; ++i) encodedOverLimit += "%41";
  const std::string huge(1 << 20, 'v');
  result = extract(propagator_,
                   {{"traceparent", kTraceParent},
                    {"baggage", "fits=" + atLimit + ",long=" + overLimit + ",huge=" + huge +
                                    ",enc=" + encodedOverLimit + "," + huge + "=v"}},
                   http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(toMap(result.context->baggage()), BaggageMap({{"fits", atLimit}}));
}

TEST_P(W3CPropagatorTest, IgnoresInvalidBaggageButKeepsTheTrace) {
  const auto result =
      extract(propagator_, {{"traceparent", kTraceParent}, {"baggage", ",,;;==%%"}}, http());
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  EXPECT_TRUE(result.context->baggage().empty());
}

// The cases below need a carrier that keeps order, repeats or fails.

TEST(W3CPropagatorCarrierTest, JoinsRepeatedTraceStateAndBaggageHeaders) {
  const W3CPropagator propagator;
  const testing::ListReader reader({{"tracestate", "a=1"},
                                    {"baggage", "k=first,j=1"},
                                    {"traceparent", kTraceParent},
                                    {"tracestate", ""},
                                    {"TraceState", "b=2,c=3"},
                                    {"Baggage", "k=second"}});
  const auto result = propagator.extract(reader, true);
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->traceState(), "a=1,b=2,c=3");
  EXPECT_EQ(toMap(result.context->baggage()), BaggageMap({{"k", "second"}, {"j", "1"}}));
}

TEST(W3CPropagatorCarrierTest, DropsATraceStateThatOnlyJoinedGoesOverTheLimit) {
  const W3CPropagator propagator;
  const std::string half(W3CPropagator::kMaxTraceStateChars / 2, 'a');
  const testing::ListReader reader({{"traceparent", kTraceParent},
                                    {"tracestate", half},
                                    {"tracestate", half},
                                    {"tracestate", "b=1"}});
  const auto result = propagator.extract(reader, true);
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->traceState(), "");
}

TEST(W3CPropagatorCarrierTest, ARepeatedTraceParentIsMalformed) {
  const W3CPropagator propagator;
  for (const char* second :
       {"00-12345678901234567890123456789012-1234567890123456-01", kTraceParent}) {
    const testing::ListReader reader(
        {{"traceparent", kTraceParent}, {"TraceParent", second}, {"a", "b"}});
    const auto result = propagator.extract(reader, false);
    EXPECT_EQ(result.context, nullptr);
    EXPECT_TRUE(result.malformed);
    EXPECT_EQ(reader.calls, 2u);
  }
}

TEST(W3CPropagatorCarrierTest, AFailingReaderGivesNoContext) {
  const W3CPropagator propagator;
  for (const bool throws : {false, true}) {
    ExtractResult result;
    EXPECT_NO_THROW(result = propagator.extract(
                        testing::FailingReader("traceparent", kTraceParent, throws), false));
    EXPECT_EQ(result.context, nullptr);
    EXPECT_FALSE(result.malformed);
  }
}

TEST(W3CPropagatorCarrierTest, StopsAtTheFirstFailedSet) {
  const W3CPropagator propagator;
  const SpanContext context(kTraceID, kParentID, 0, 1, {{"a", "1"}}, "", "x=y");
  const std::vector<std::string> all = {"traceparent", "tracestate", "baggage"};
  for (const bool throws : {false, true}) {
    for (int succeed = 0; succeed < 3; ++succeed) {
      const testing::FailingWriter writer(succeed, throws);
      EXPECT_NO_THROW(propagator.inject(context, writer, true));
      EXPECT_EQ(writer.keys, std::vector<std::string>(all.begin(), all.begin() + succeed + 1));
    }
  }
}

}  // namespace
}  // namespace propagation
}  // namespace jaegertracing
