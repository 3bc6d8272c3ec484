#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/SamplingDenied.h"
#include "propagation/B3Propagator.h"
#include "support/Carriers.h"
#include "support/FailingCarriers.h"

namespace jaegertracing {
namespace propagation {
namespace {

using testing::Headers;
using testing::inject;
using Encoding = B3Propagator::Encoding;

constexpr const char* kTraceID64 = "463ac35c9f6413ad";
constexpr const char* kTraceID128 = "80f198ee56343ba864fe8b2a57d3eff7";
constexpr const char* kSpanID = "a2fb4a1d1a96d312";
constexpr const char* kParentID = "0020000000000001";

ExtractResult extract(const Headers& headers, bool http) {
  return testing::extract(B3Propagator(), headers, http);
}

void expectContext(const ExtractResult& result, const TraceID& traceID, uint64_t spanID,
                   uint64_t parentID, unsigned char flags) {
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  EXPECT_EQ(result.context->traceID(), traceID);
  EXPECT_EQ(result.context->spanID(), spanID);
  EXPECT_EQ(result.context->parentID(), parentID);
  EXPECT_EQ(static_cast<int>(result.context->flags()), static_cast<int>(flags));
  EXPECT_FALSE(detail::isSamplingDenied(*result.context));
  EXPECT_TRUE(result.context->baggage().empty());
}

void expectDenied(const ExtractResult& result) {
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  EXPECT_TRUE(detail::isSamplingDenied(*result.context));
  EXPECT_FALSE(result.context->isValid());
  EXPECT_EQ(result.context->flags(), 0);
  // A host that keeps the context (a plugin host, an async handler) keeps it by Clone().
  const std::unique_ptr<opentracing::SpanContext> kept = result.context->Clone();
  const auto* keptContext = dynamic_cast<const SpanContext*>(kept.get());
  ASSERT_NE(keptContext, nullptr);
  EXPECT_TRUE(detail::isSamplingDenied(*keptContext));
}

void expectNoContext(const ExtractResult& result) {
  EXPECT_EQ(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
}

const TraceID kTrace64(0, 0x463ac35c9f6413ad);
const TraceID kTrace128(0x80f198ee56343ba8, 0x64fe8b2a57d3eff7);
constexpr uint64_t kSpan = 0xa2fb4a1d1a96d312;
constexpr uint64_t kParent = 0x0020000000000001;
constexpr unsigned char kSampledDebug = SpanContext::kSampledFlag | SpanContext::kDebugFlag;

// Each test runs for TextMap (false) and HTTP headers (true).
class B3PropagatorTest : public ::testing::TestWithParam<bool> {
 protected:
  bool http() const { return GetParam(); }
  B3Propagator multiple_{Encoding::kMultipleHeaders};
  B3Propagator single_{Encoding::kSingleHeader};
};

INSTANTIATE_TEST_SUITE_P(Carriers, B3PropagatorTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "HTTPHeaders" : "TextMap";
                         });

TEST_P(B3PropagatorTest, InjectsMultipleLowerCaseHeaders) {
  EXPECT_EQ(inject(multiple_, SpanContext(kTrace64, kSpan, kParent, 1), http()),
            Headers({{"x-b3-traceid", kTraceID64},
                     {"x-b3-spanid", kSpanID},
                     {"x-b3-parentspanid", kParentID},
                     {"x-b3-sampled", "1"}}));
  EXPECT_EQ(
      inject(multiple_, SpanContext(kTrace128, kSpan, 0, 0), http()),
      Headers({{"x-b3-traceid", kTraceID128}, {"x-b3-spanid", kSpanID}, {"x-b3-sampled", "0"}}));
  // Debug implies sampled: x-b3-sampled is left out.
  EXPECT_EQ(inject(multiple_, SpanContext(kTrace64, kSpan, 0, kSampledDebug), http()),
            Headers({{"x-b3-traceid", kTraceID64}, {"x-b3-spanid", kSpanID}, {"x-b3-flags", "1"}}));
  EXPECT_EQ(inject(multiple_, SpanContext(TraceID(0, 1), 2, 0, 1), http()),
            Headers({{"x-b3-traceid", "0000000000000001"},
                     {"x-b3-spanid", "0000000000000002"},
                     {"x-b3-sampled", "1"}}));
}

TEST_P(B3PropagatorTest, InjectsASingleHeader) {
  const struct {
    SpanContext context;
    std::string header;
  } cases[] = {
      {SpanContext(kTrace64, kSpan, kParent, 1),
       std::string(kTraceID64) + "-" + kSpanID + "-1-" + kParentID},
      {SpanContext(kTrace128, kSpan, 0, 0), std::string(kTraceID128) + "-" + kSpanID + "-0"},
      {SpanContext(kTrace128, kSpan, kParent, kSampledDebug),
       std::string(kTraceID128) + "-" + kSpanID + "-d-" + kParentID},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(inject(single_, c.context, http()), Headers({{"b3", c.header}}));
  }
}

TEST_P(B3PropagatorTest, InjectsNoBaggageAndNothingForAnInvalidContext) {
  EXPECT_EQ(
      inject(multiple_, SpanContext(kTrace64, kSpan, 0, 1, {{"k", "v"}}, "dbg", "a=b"), http()),
      Headers({{"x-b3-traceid", kTraceID64}, {"x-b3-spanid", kSpanID}, {"x-b3-sampled", "1"}}));
  for (const auto* propagator : {&multiple_, &single_}) {
    EXPECT_EQ(inject(*propagator, SpanContext(TraceID(), 0, 0, 1, {{"k", "v"}}, "dbg"), http()),
              Headers());
  }
}

TEST_P(B3PropagatorTest, InjectsTheDenyItExtracted) {
  EXPECT_EQ(inject(multiple_, detail::SamplingDeniedContext(), http()),
            Headers({{"x-b3-sampled", "0"}}));
  EXPECT_EQ(inject(single_, detail::SamplingDeniedContext(), http()), Headers({{"b3", "0"}}));
}

TEST_P(B3PropagatorTest, RoundTripsInBothEncodings) {
  const SpanContext contexts[] = {
      SpanContext(kTrace64, kSpan, 0, 0),
      SpanContext(kTrace64, kSpan, kParent, 1),
      SpanContext(kTrace128, kSpan, kParent, kSampledDebug),
      SpanContext(TraceID(0xffffffffffffffff, 0), 0xffffffffffffffff, 1, 1),
      SpanContext(TraceID(1, 0), 1, 0, 1),
  };
  for (const auto* propagator : {&multiple_, &single_}) {
    for (const auto& context : contexts) {
      SCOPED_TRACE(context.ToTraceID());
      const auto result = extract(inject(*propagator, context, http()), http());
      expectContext(result, context.traceID(), context.spanID(), context.parentID(),
                    context.flags());
    }
  }
}

TEST_P(B3PropagatorTest, ExtractsMultipleHeaders) {
  expectContext(extract({{"X-B3-TraceId", kTraceID128},
                         {"X-B3-SpanId", kSpanID},
                         {"X-B3-ParentSpanId", kParentID},
                         {"X-B3-Sampled", "1"}},
                        http()),
                kTrace128, kSpan, kParent, 1);
  // Names in any case; hex digits in any case; "true" and "false" as Jaeger's Go client reads.
  expectContext(extract({{"x-b3-TRACEID", "463AC35C9F6413AD"},
                         {"X-B3-SPANID", "A2FB4A1D1A96D312"},
                         {"x-b3-sampled", "true"}},
                        http()),
                kTrace64, kSpan, 0, 1);
  expectContext(
      extract({{"x-b3-traceid", kTraceID64}, {"x-b3-spanid", kSpanID}, {"x-b3-sampled", "false"}},
              http()),
      kTrace64, kSpan, 0, 0);
  expectContext(extract({{"x-b3-traceid", kTraceID64},
                         {"x-b3-spanid", kSpanID},
                         {"x-b3-sampled", " 1 "},
                         {"x-b3-other", "ignored"}},
                        http()),
                kTrace64, kSpan, 0, 1);
  // No decision: the trace continues unsampled.
  expectContext(extract({{"x-b3-traceid", kTraceID64}, {"x-b3-spanid", kSpanID}}, http()), kTrace64,
                kSpan, 0, 0);
}

TEST_P(B3PropagatorTest, DebugFlagMeansSampledAndDebug) {
  for (const char* sampled : {"", "1", "0"}) {
    Headers headers = {{"x-b3-traceid", kTraceID64}, {"x-b3-spanid", kSpanID}, {"x-b3-flags", "1"}};
    if (*sampled != '\0') headers["x-b3-sampled"] = sampled;
    expectContext(extract(headers, http()), kTrace64, kSpan, 0, kSampledDebug);
  }
  // B3: any other value of x-b3-flags can be ignored.
  for (const char* flags : {"0", "2", "true", ""}) {
    expectContext(extract({{"x-b3-traceid", kTraceID64},
                           {"x-b3-spanid", kSpanID},
                           {"x-b3-sampled", "1"},
                           {"x-b3-flags", flags}},
                          http()),
                  kTrace64, kSpan, 0, 1);
  }
}

TEST_P(B3PropagatorTest, ExtractsASingleHeader) {
  const std::string trace = kTraceID64;
  const std::string span = kSpanID;
  expectContext(extract({{"b3", trace + "-" + span}}, http()), kTrace64, kSpan, 0, 0);
  expectContext(extract({{"b3", trace + "-" + span + "-1"}}, http()), kTrace64, kSpan, 0, 1);
  expectContext(extract({{"B3", trace + "-" + span + "-0-" + kParentID}}, http()), kTrace64, kSpan,
                kParent, 0);
  expectContext(extract({{"b3", std::string(kTraceID128) + "-" + span + "-d"}}, http()), kTrace128,
                kSpan, 0, kSampledDebug);
  expectContext(extract({{"b3", " 463AC35C9F6413AD-" + span + "-1\t"}}, http()), kTrace64, kSpan, 0,
                1);
}

TEST_P(B3PropagatorTest, TheSingleHeaderWinsOverMultipleHeaders) {
  const std::string single = std::string(kTraceID128) + "-" + kSpanID + "-1";
  expectContext(extract({{"b3", single},
                         {"x-b3-traceid", "0000000000000001"},
                         {"x-b3-spanid", "0000000000000002"},
                         {"x-b3-sampled", "0"}},
                        http()),
                kTrace128, kSpan, 0, 1);
  // Even over malformed ones.
  expectContext(
      extract({{"b3", single}, {"x-b3-traceid", "bad"}, {"x-b3-sampled", "maybe"}}, http()),
      kTrace128, kSpan, 0, 1);
  // And a malformed single header is not saved by valid multiple headers.
  const auto result =
      extract({{"b3", "bad"}, {"x-b3-traceid", kTraceID64}, {"x-b3-spanid", kSpanID}}, http());
  EXPECT_EQ(result.context, nullptr);
  EXPECT_TRUE(result.malformed);
}

TEST_P(B3PropagatorTest, ADenyWithoutIdsGivesADeniedContext) {
  expectDenied(extract({{"b3", "0"}}, http()));
  expectDenied(extract({{"B3", " 0 "}, {"uber-trace-id", "1:2:0:1"}}, http()));
  expectDenied(extract({{"X-B3-Sampled", "0"}}, http()));
  expectDenied(extract({{"x-b3-sampled", "false"}}, http()));
  // The single header wins, with its deny too.
  expectDenied(
      extract({{"b3", "0"}, {"x-b3-traceid", kTraceID64}, {"x-b3-spanid", kSpanID}}, http()));
}

TEST_P(B3PropagatorTest, AnAcceptWithoutIdsLeavesTheChoiceToTheSampler) {
  expectNoContext(extract({{"b3", "1"}}, http()));
  expectNoContext(extract({{"b3", "d"}}, http()));
  expectNoContext(extract({{"x-b3-sampled", "1"}}, http()));
  expectNoContext(extract({{"x-b3-flags", "1"}}, http()));
  expectNoContext(extract({{"x-b3-flags", "1"}, {"x-b3-sampled", "0"}}, http()));
  expectNoContext(extract({}, http()));
  expectNoContext(extract(
      {{"content-type", "text/plain"}, {"b3x", "bad"}, {"x-b3", "bad"}, {"b", "bad"}}, http()));
}

TEST_P(B3PropagatorTest, RejectsMalformedMultipleHeaders) {
  const std::string trace = kTraceID64;
  const std::string span = kSpanID;
  const std::vector<Headers> cases = {
      // Trace id lengths and digits.
      {{"x-b3-traceid", trace.substr(1)}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", trace + "0"}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", std::string(kTraceID128).substr(1)}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", std::string(kTraceID128) + "0"}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", "463ac35c9f6413ag"}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", "0x63ac35c9f6413a"}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", "+463ac35c9f6413a"}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", ""}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", "463ac35c-f6413ad"}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", std::string(16, '0')}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", std::string(32, '0')}, {"x-b3-spanid", span}},
      {{"x-b3-traceid", std::string(1 << 20, 'a')}, {"x-b3-spanid", span}},
      // Span and parent ids.
      {{"x-b3-traceid", trace}, {"x-b3-spanid", span.substr(1)}},
      {{"x-b3-traceid", trace}, {"x-b3-spanid", span + "0"}},
      {{"x-b3-traceid", trace}, {"x-b3-spanid", std::string(32, 'a')}},
      {{"x-b3-traceid", trace}, {"x-b3-spanid", std::string(16, '0')}},
      {{"x-b3-traceid", trace}, {"x-b3-spanid", "a2fb4a1d1a96d31z"}},
      {{"x-b3-traceid", trace}, {"x-b3-spanid", span}, {"x-b3-parentspanid", "abc"}},
      {{"x-b3-traceid", trace}, {"x-b3-spanid", span}, {"x-b3-parentspanid", std::string(16, '0')}},
      {{"x-b3-traceid", trace}, {"x-b3-spanid", span}, {"x-b3-parentspanid", ""}},
      // Missing ids.
      {{"x-b3-traceid", trace}},
      {{"x-b3-traceid", trace}, {"x-b3-sampled", "1"}},
      {{"x-b3-spanid", span}},
      {{"x-b3-spanid", span}, {"x-b3-parentspanid", kParentID}},
      {{"x-b3-parentspanid", kParentID}},
      {{"x-b3-parentspanid", kParentID}, {"x-b3-sampled", "0"}},
  };
  for (const auto& headers : cases) {
    const auto result = extract(headers, http());
    EXPECT_EQ(result.context, nullptr) << ::testing::PrintToString(headers).substr(0, 200);
    EXPECT_TRUE(result.malformed) << ::testing::PrintToString(headers).substr(0, 200);
  }
  for (const char* sampled : {"2", "yes", "", "d", "10", "01", "tru", "-1"}) {
    const auto result = extract(
        {{"x-b3-traceid", trace}, {"x-b3-spanid", span}, {"x-b3-sampled", sampled}}, http());
    EXPECT_EQ(result.context, nullptr) << sampled;
    EXPECT_TRUE(result.malformed) << sampled;
    // A deny or accept without ids is malformed too when its value is.
    EXPECT_TRUE(extract({{"x-b3-sampled", sampled}}, http()).malformed) << sampled;
  }
}

TEST_P(B3PropagatorTest, RejectsMalformedSingleHeaders) {
  const std::string trace = kTraceID64;
  const std::string span = kSpanID;
  const std::string parent = kParentID;
  const std::string cases[] = {
      "",
      " ",
      "2",
      "D",
      "x",
      "00",
      "true",
      trace,
      trace + "-",
      trace + "-" + span + "-",
      trace + "-" + span + "-1-",
      trace + "-" + span + "-1-" + parent + "-",
      trace + "-" + span + "-1-" + parent + "-extra",
      trace + "-" + span + "--" + parent,
      trace + "--" + span,
      "-" + span,
      trace + "-" + span + "-true",
      trace + "-" + span + "-2",
      trace + "-" + span + "-D",
      trace + "-" + span + "-11",
      trace + "-" + span + "-1-" + parent.substr(1),
      trace + "-" + span + "-1-" + std::string(16, '0'),
      trace.substr(1) + "-" + span,
      trace + "0-" + span,
      std::string(kTraceID128) + "0-" + span,
      std::string(16, '0') + "-" + span,
      std::string(32, '0') + "-" + span,
      trace + "-" + std::string(16, '0'),
      trace + "-" + span.substr(1),
      trace + "-" + span + "0",
      trace + "_" + span + "_1",
      trace + ":" + span,
      trace + "-" + span + "-1-" + parent + "\n",
      std::string(1 << 20, '-'),
  };
  for (const auto& value : cases) {
    const auto result = extract({{"b3", value}}, http());
    EXPECT_EQ(result.context, nullptr) << '"' << value.substr(0, 80) << '"';
    EXPECT_TRUE(result.malformed) << '"' << value.substr(0, 80) << '"';
  }
}

// The cases below need a carrier that keeps order, repeats or fails.

TEST(B3PropagatorCarrierTest, StopsReadingAtAMalformedSingleHeader) {
  const B3Propagator propagator;
  const testing::ListReader reader({{"x-b3-sampled", "1"}, {"b3", "bad"}, {"a", "b"}, {"c", "d"}});
  const auto result = propagator.extract(reader, true);
  EXPECT_EQ(result.context, nullptr);
  EXPECT_TRUE(result.malformed);
  EXPECT_EQ(reader.calls, 2u);
}

TEST(B3PropagatorCarrierTest, TheLastRepeatedHeaderWins) {
  const B3Propagator propagator;
  const testing::ListReader reader({{"X-B3-TraceId", "0000000000000001"},
                                    {"x-b3-traceid", kTraceID64},
                                    {"x-b3-spanid", kSpanID},
                                    {"x-b3-sampled", "0"},
                                    {"X-B3-Sampled", "1"}});
  expectContext(propagator.extract(reader, false), kTrace64, kSpan, 0, 1);
}

TEST(B3PropagatorCarrierTest, StopsAtTheFirstFailedSet) {
  const B3Propagator propagator;
  const SpanContext context(kTrace64, kSpan, kParent, 1);
  const std::vector<std::string> all = {"x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid",
                                        "x-b3-sampled"};
  for (const bool throws : {false, true}) {
    for (int succeed = 0; succeed < 4; ++succeed) {
      const testing::FailingWriter writer(succeed, throws);
      EXPECT_NO_THROW(propagator.inject(context, writer, true));
      EXPECT_EQ(writer.keys, std::vector<std::string>(all.begin(), all.begin() + succeed + 1));
    }
  }
}

TEST(B3PropagatorCarrierTest, AFailingReaderGivesNoContext) {
  const B3Propagator propagator;
  ExtractResult result;
  EXPECT_NO_THROW(result = propagator.extract(testing::FailingReader("b3", "0", true), false));
  expectNoContext(result);
}

}  // namespace
}  // namespace propagation
}  // namespace jaegertracing
