// SpanContext and TraceID as code written for jaeger-client-cpp uses them: printed for log
// correlation, baggage walked with forEachBaggageItem, flags named by Flag, contexts compared.
#include <gtest/gtest.h>
#include <jaegertracing/SpanContext.h>

#include <map>
#include <sstream>
#include <string>

namespace jaegertracing {
namespace {

std::string printed(const TraceID& id) {
  std::ostringstream out;
  out << id;
  return out.str();
}

TEST(SpanContextTest, TraceIdPrintsAsJaegerClientCppPrintsIt) {
  EXPECT_EQ(printed(TraceID(0, 0xabc)), "abc");
  EXPECT_EQ(printed(TraceID(0, 0)), "0");
  EXPECT_EQ(printed(TraceID(0, 0xffffffffffffffffULL)), "ffffffffffffffff");
  // The high half without leading zeros, the low half padded to 16 digits.
  EXPECT_EQ(printed(TraceID(0x1, 0x2)), "10000000000000002");
  EXPECT_EQ(printed(TraceID(0xdeadbeef, 0xffffffffffffffffULL)), "deadbeefffffffffffffffff");
  std::ostringstream viaPrint;
  TraceID(0, 0x2a).print(viaPrint);
  EXPECT_EQ(viaPrint.str(), "2a");
}

TEST(SpanContextTest, ContextPrintsIdsAndFlagsInHexAndLeavesTheStreamsBase) {
  const SpanContext context(TraceID(0, 0x1f), 0x2b, 0x3c, SpanContext::kSampledFlag);
  std::ostringstream out;
  out << context << ' ' << 42;
  EXPECT_EQ(out.str(), "1f:2b:3c:1 42");
  std::ostringstream viaPrint;
  SpanContext(TraceID(7, 1), 2, 0, 3).print(viaPrint);
  EXPECT_EQ(viaPrint.str(), "70000000000000001:2:0:3");
}

TEST(SpanContextTest, ForEachBaggageItemTakesAnyCallableAndStopsOnFalse) {
  const SpanContext context(TraceID(0, 1), 2, 0, 0, {{"a", "1"}, {"b", "2"}, {"c", "3"}});
  std::map<std::string, std::string> seen;
  context.forEachBaggageItem([&](const std::string& key, const std::string& value) {
    seen[key] = value;
    return key != "b";
  });
  EXPECT_EQ(seen, (std::map<std::string, std::string>{{"a", "1"}, {"b", "2"}}));
}

TEST(SpanContextTest, FlagNamesTheSameBits) {
  const SpanContext debug(TraceID(0, 1), 2, 0,
                          static_cast<unsigned char>(SpanContext::Flag::kSampled) |
                              static_cast<unsigned char>(SpanContext::Flag::kDebug));
  EXPECT_TRUE(debug.isSampled());
  EXPECT_TRUE(debug.isDebug());
  EXPECT_EQ(static_cast<unsigned char>(SpanContext::Flag::kSampled), SpanContext::kSampledFlag);
}

TEST(SpanContextTest, EqualityComparesEveryFieldAndBaggageInAnyOrder) {
  const SpanContext context(TraceID(1, 2), 3, 4, 1, {{"k", "v"}, {"x", "y"}}, "debug", "ts=1");
  EXPECT_EQ(context, context);
  EXPECT_EQ(context, SpanContext(context));
  EXPECT_EQ(context,
            SpanContext(TraceID(1, 2), 3, 4, 1, {{"x", "y"}, {"k", "v"}}, "debug", "ts=1"));
  EXPECT_NE(context,
            SpanContext(TraceID(1, 3), 3, 4, 1, {{"k", "v"}, {"x", "y"}}, "debug", "ts=1"));
  EXPECT_NE(context,
            SpanContext(TraceID(1, 2), 5, 4, 1, {{"k", "v"}, {"x", "y"}}, "debug", "ts=1"));
  EXPECT_NE(context,
            SpanContext(TraceID(1, 2), 3, 6, 1, {{"k", "v"}, {"x", "y"}}, "debug", "ts=1"));
  EXPECT_NE(context,
            SpanContext(TraceID(1, 2), 3, 4, 0, {{"k", "v"}, {"x", "y"}}, "debug", "ts=1"));
  EXPECT_NE(context, SpanContext(TraceID(1, 2), 3, 4, 1, {{"k", "v"}}, "debug", "ts=1"));
  EXPECT_NE(context,
            SpanContext(TraceID(1, 2), 3, 4, 1, {{"k", "w"}, {"x", "y"}}, "debug", "ts=1"));
  EXPECT_NE(context, SpanContext(TraceID(1, 2), 3, 4, 1, {{"k", "v"}, {"x", "y"}}, "", "ts=1"));
  EXPECT_NE(context, SpanContext(TraceID(1, 2), 3, 4, 1, {{"k", "v"}, {"x", "y"}}, "debug", ""));
}

}  // namespace
}  // namespace jaegertracing
