#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>

#include "propagation/BinaryPropagator.h"

namespace jaegertracing {
namespace propagation {
namespace {

using BaggageMap = std::map<std::string, std::string>;

BaggageMap toMap(const SpanContext::Baggage& baggage) {
  return BaggageMap(baggage.begin(), baggage.end());
}

std::string bigEndian(uint64_t value, int bytes) {
  std::string out;
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  return out;
}

// The fixed part: ids, flags and the baggage count.
std::string fixedPart(uint64_t high, uint64_t low, uint64_t spanID, uint64_t parentID,
                      unsigned char flags, uint32_t count) {
  return bigEndian(high, 8) + bigEndian(low, 8) + bigEndian(spanID, 8) + bigEndian(parentID, 8) +
         static_cast<char>(flags) + bigEndian(count, 4);
}

std::string item(const std::string& key, const std::string& value) {
  return bigEndian(key.size(), 4) + key + bigEndian(value.size(), 4) + value;
}

std::string inject(const SpanContext& context) {
  std::ostringstream out;
  BinaryPropagator::inject(context, out);
  EXPECT_TRUE(out.good());
  return out.str();
}

ExtractResult extract(const std::string& bytes) {
  std::istringstream in(bytes);
  return BinaryPropagator::extract(in);
}

void expectSameContext(const SpanContext& expected, const SpanContext& actual) {
  EXPECT_EQ(actual.traceID(), expected.traceID());
  EXPECT_EQ(actual.spanID(), expected.spanID());
  EXPECT_EQ(actual.parentID(), expected.parentID());
  EXPECT_EQ(actual.flags(), expected.flags());
  EXPECT_EQ(toMap(actual.baggage()), toMap(expected.baggage()));
}

TEST(BinaryPropagatorTest, WritesTheJaegerBinaryLayout) {
  const SpanContext context(TraceID(0x0102030405060708, 0x1112131415161718), 0x2122232425262728,
                            0x3132333435363738, 3, {{"key", "value"}});
  const std::string expected = std::string(
      "\x01\x02\x03\x04\x05\x06\x07\x08"
      "\x11\x12\x13\x14\x15\x16\x17\x18"
      "\x21\x22\x23\x24\x25\x26\x27\x28"
      "\x31\x32\x33\x34\x35\x36\x37\x38"
      "\x03"
      "\x00\x00\x00\x01"
      "\x00\x00\x00\x03"
      "key"
      "\x00\x00\x00\x05"
      "value",
      8 * 4 + 1 + 4 + 4 + 3 + 4 + 5);
  EXPECT_EQ(inject(context), expected);
}

TEST(BinaryPropagatorTest, RoundTrips) {
  const SpanContext contexts[] = {
      SpanContext(TraceID(0, 1), 2, 0, 0),
      SpanContext(TraceID(0, 0xffffffffffffffff), 0xffffffffffffffff, 0xffffffffffffffff, 1),
      SpanContext(TraceID(0xfedcba9876543210, 0x0123456789abcdef), 7, 8,
                  SpanContext::kSampledFlag | SpanContext::kDebugFlag,
                  {{"k", "v"},
                   {"empty", ""},
                   {"Mixed Case", "a b%c=d,e"},
                   {"bytes", std::string("\0\xff\n", 3)},
                   {"unicode", "\xc3\xbc"}}),
      SpanContext(TraceID(1, 0), 1, 0, 0xff),
  };
  for (const auto& context : contexts) {
    const auto result = extract(inject(context));
    ASSERT_NE(result.context, nullptr) << context.ToTraceID();
    EXPECT_FALSE(result.malformed);
    expectSameContext(context, *result.context);
  }
}

TEST(BinaryPropagatorTest, AnEmptyStreamIsNoContext) {
  const auto result = extract("");
  EXPECT_EQ(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
}

TEST(BinaryPropagatorTest, ATruncatedStreamIsMalformed) {
  const std::string bytes =
      inject(SpanContext(TraceID(3, 4), 5, 6, 1, {{"key", "value"}, {"k2", "v2"}}));
  for (std::size_t length = 1; length < bytes.size(); ++length) {
    const auto result = extract(bytes.substr(0, length));
    EXPECT_EQ(result.context, nullptr) << length;
    EXPECT_TRUE(result.malformed) << length;
  }
  EXPECT_NE(extract(bytes).context, nullptr);
}

TEST(BinaryPropagatorTest, ZeroIdsAreMalformed) {
  for (const std::string& bytes : {fixedPart(0, 0, 1, 0, 1, 0), fixedPart(0, 1, 0, 0, 1, 0)}) {
    const auto result = extract(bytes);
    EXPECT_EQ(result.context, nullptr);
    EXPECT_TRUE(result.malformed);
  }
  EXPECT_NE(extract(fixedPart(1, 0, 1, 0, 1, 0)).context, nullptr);
}

TEST(BinaryPropagatorTest, HostileCountsAndLengthsAreMalformed) {
  std::string manyItems = fixedPart(0, 1, 2, 0, 1, kMaxBaggageItems + 1);
  for (std::size_t i = 0; i <= kMaxBaggageItems; ++i)
    manyItems += item("k" + std::to_string(i), "v");
  const std::string cases[] = {
      manyItems,
      fixedPart(0, 1, 2, 0, 1, 0xffffffff),
      // Lengths that would allocate gigabytes if trusted.
      fixedPart(0, 1, 2, 0, 1, 1) + bigEndian(0xffffffff, 4),
      fixedPart(0, 1, 2, 0, 1, 1) + bigEndian(1, 4) + "k" + bigEndian(0xffffffff, 4),
      fixedPart(0, 1, 2, 0, 1, 1) + bigEndian(kMaxBaggageItemBytes + 1, 4) +
          std::string(kMaxBaggageItemBytes + 1, 'k') + bigEndian(0, 4),
      fixedPart(0, 1, 2, 0, 1, 1) + item("k", std::string(kMaxBaggageItemBytes + 1, 'v')),
      // Claims more items than it has.
      fixedPart(0, 1, 2, 0, 1, 2) + item("k", "v"),
  };
  for (const auto& bytes : cases) {
    const auto result = extract(bytes);
    EXPECT_EQ(result.context, nullptr);
    EXPECT_TRUE(result.malformed);
  }
}

TEST(BinaryPropagatorTest, AcceptsTheLimitsThemselves) {
  std::string bytes = fixedPart(0, 1, 2, 0, 1, kMaxBaggageItems);
  for (std::size_t i = 0; i < kMaxBaggageItems - 1; ++i)
    bytes += item("k" + std::to_string(i), "v");
  const std::string atLimit(kMaxBaggageItemBytes - 4, 'v');
  bytes += item("last", atLimit);
  const auto result = extract(bytes);
  ASSERT_NE(result.context, nullptr);
  EXPECT_EQ(result.context->baggage().size(), kMaxBaggageItems);
  EXPECT_EQ(result.context->baggageItem("last"), atLimit);
}

TEST(BinaryPropagatorTest, IgnoresAnItemLongerThanTheLimitTogether) {
  // Key and value each within bounds, together over: skipped like a text header, and the items
  // after it are still read.
  const std::string half(kMaxBaggageItemBytes / 2 + 1, 'x');
  const std::string bytes =
      fixedPart(0, 1, 2, 0, 1, 3) + item("a", "1") + item(half, half) + item("b", "2");
  const auto result = extract(bytes);
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  EXPECT_EQ(toMap(result.context->baggage()), BaggageMap({{"a", "1"}, {"b", "2"}}));
}

TEST(BinaryPropagatorTest, ReadsNoFurtherThanTheContext) {
  std::istringstream in(inject(SpanContext(TraceID(0, 1), 2, 0, 1, {{"k", "v"}})) + "rest");
  ASSERT_NE(BinaryPropagator::extract(in).context, nullptr);
  std::string rest;
  in >> rest;
  EXPECT_EQ(rest, "rest");
}

TEST(BinaryPropagatorTest, InjectsOnlyWhatExtractAccepts) {
  SpanContext::Baggage baggage;
  baggage.emplace_back("long", std::string(kMaxBaggageItemBytes, 'v'));
  baggage.emplace_back("", "no key");
  for (int i = 0; i < 100; ++i) baggage.emplace_back("k" + std::to_string(i), "v");
  const SpanContext context(TraceID(0, 1), 2, 0, 1, baggage);

  const auto result = extract(inject(context));
  ASSERT_NE(result.context, nullptr);
  EXPECT_FALSE(result.malformed);
  const auto extracted = result.context->baggage();
  ASSERT_EQ(extracted.size(), kMaxBaggageItems);
  EXPECT_EQ(extracted.front().first, "k0");
  EXPECT_EQ(extracted.back().first, "k" + std::to_string(kMaxBaggageItems - 1));
}

// Accepts nothing, like a full disk.
class FailingBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
};

TEST(BinaryPropagatorTest, ReportsAFailedWriteThroughTheStream) {
  for (const bool exceptions : {false, true}) {
    FailingBuffer buffer;
    std::ostream out(&buffer);
    if (exceptions) out.exceptions(std::ios_base::badbit);
    EXPECT_NO_THROW(BinaryPropagator::inject(SpanContext(TraceID(0, 1), 2, 0, 1), out));
    EXPECT_TRUE(out.bad());
  }
}

TEST(BinaryPropagatorTest, NeverThrowsFromAStreamWithExceptionsEnabled) {
  const std::string bytes = inject(SpanContext(TraceID(0, 1), 2, 0, 1, {{"k", "v"}}));
  std::istringstream in(bytes.substr(0, 20));
  in.exceptions(std::ios_base::failbit | std::ios_base::badbit | std::ios_base::eofbit);
  ExtractResult result;
  EXPECT_NO_THROW(result = BinaryPropagator::extract(in));
  EXPECT_EQ(result.context, nullptr);
}

}  // namespace
}  // namespace propagation
}  // namespace jaegertracing
