#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agent/ThriftBatches.h"
#include "agent/TraceTree.h"

namespace jaegertracing {
namespace testing {
namespace {

TEST(TraceTreeTest, rendersTheTutorialTraceAsATree) {
  const int64_t t0 = 1700000000000000;
  thrift::Span root = span(0xabc, 1, 0, "say-hello", t0, 12345);
  root.__set_tags({stringTag("hello-to", "Bryan")});
  thrift::Span format = span(0xabc, 3, 2, "format", t0 + 200, 512);
  thrift::Log log;
  log.timestamp = t0 + 410;
  log.fields = {stringTag("event", "string-format"), stringTag("value", "Hello, Bryan!")};
  format.__set_logs({log});
  thrift::Span boolTagged = span(0xabc, 5, 4, "publish", t0 + 5000, 1000);
  thrift::Tag error;
  error.key = "error";
  error.vType = thrift::TagType::BOOL;
  error.__set_vBool(true);
  boolTagged.__set_tags({error});

  // Children arrive before their parents and out of start order, as batches from three
  // processes do.
  const std::vector<thrift::Batch> batches = {
      batch("formatter", {format}),
      batch("publisher", {boolTagged}),
      batch("starter", {span(0xabc, 4, 1, "printHello", t0 + 4000, 2000),
                        span(0xabc, 2, 1, "formatString", t0 + 100, 3120), root}),
  };

  EXPECT_EQ(renderTraceTree(batches),
            "trace 0000000000000abc: 5 spans, 3 services (formatter, publisher, starter)\n"
            "  say-hello [starter] 12.345 ms hello-to=Bryan\n"
            "    formatString [starter] 3.120 ms\n"
            "      format [formatter] 512 µs\n"
            "          log +210 µs: event=string-format value=Hello, Bryan!\n"
            "    printHello [starter] 2.000 ms\n"
            "      publish [publisher] 1.000 ms error=true\n");
}

TEST(TraceTreeTest, separatesTracesAndShowsOrphansAsRoots) {
  const std::vector<thrift::Batch> batches = {
      batch("b", {span(2, 20, 99, "orphan", 300, 5)}),
      batch("a", {span(1, 10, 0, "first", 100, 5)}),
  };
  thrift::Batch wide = batch("c", {span(3, 30, 0, "wide", 500, 5)});
  wide.spans[0].traceIdHigh = 0x1;
  const auto text = renderTraceTree({batches[0], batches[1], wide});
  EXPECT_EQ(text,
            "trace 0000000000000001: 1 span, 1 service (a)\n"
            "  first [a] 5 µs\n"
            "trace 0000000000000002: 1 span, 1 service (b)\n"
            "  orphan [b] 5 µs (parent 0000000000000063 not received)\n"
            "trace 00000000000000010000000000000003: 1 span, 1 service (c)\n"
            "  wide [c] 5 µs\n");
}

TEST(TraceTreeTest, colorsAreOnlyEscapeSequencesAroundThePlainText) {
  thrift::Span root = span(0xabc, 1, 0, "say-hello", 1000, 12345);
  root.__set_tags({stringTag("hello-to", "Bryan")});
  thrift::Span child = span(0xabc, 2, 1, "format", 1200, 512);
  thrift::Log log;
  log.timestamp = 1300;
  log.fields = {stringTag("event", "string-format")};
  child.__set_logs({log});
  const std::vector<thrift::Batch> batches = {batch("starter", {root}),
                                              batch("formatter", {child})};

  const std::string plain = renderTraceTree(batches);
  const std::string colored = renderTraceTree(batches, TreeColors::kAnsi);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(colored, plain);
  // A service has one colour wherever it appears: in the header and on its span's line.
  const auto countOf = [&](const std::string& text) {
    size_t count = 0;
    for (size_t at = colored.find(text); at != std::string::npos; at = colored.find(text, at + 1)) {
      ++count;
    }
    return count;
  };
  const size_t starter = colored.find("starter\x1b[0m");
  ASSERT_NE(starter, std::string::npos) << colored;
  const std::string starterColor =
      colored.substr(colored.rfind('\x1b', starter), starter - colored.rfind('\x1b', starter));
  EXPECT_EQ(countOf(starterColor + "starter\x1b[0m"), 2u) << colored;

  std::string stripped;
  for (size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b') {
      const size_t end = colored.find('m', i);
      ASSERT_NE(end, std::string::npos) << "an unterminated escape sequence";
      i = end;
    } else {
      stripped += colored[i];
    }
  }
  EXPECT_EQ(stripped, plain);
}

TEST(TraceTreeTest, formatsEveryTagType) {
  thrift::Tag value;
  value.key = "k";
  value.vType = thrift::TagType::DOUBLE;
  value.__set_vDouble(0.1);
  EXPECT_EQ(tagValueText(value), "0.1");
  value.__set_vDouble(1);
  EXPECT_EQ(tagValueText(value), "1");
  value.vType = thrift::TagType::LONG;
  value.__set_vLong(-42);
  EXPECT_EQ(tagValueText(value), "-42");
  value.vType = thrift::TagType::BOOL;
  value.__set_vBool(false);
  EXPECT_EQ(tagValueText(value), "false");
  value.vType = thrift::TagType::BINARY;
  value.__set_vBinary(std::string("\x01\xff", 2));
  EXPECT_EQ(tagValueText(value), "0x01ff");
  EXPECT_EQ(traceIdHex(0, 0xabc), "0000000000000abc");
  EXPECT_EQ(traceIdHex(1, -1), "0000000000000001ffffffffffffffff");
  EXPECT_EQ(durationText(999), "999 µs");
  EXPECT_EQ(durationText(1000), "1.000 ms");
}

TEST(TraceTreeTest, survivesACycleOfParentIds) {
  const auto text =
      renderTraceTree({batch("s", {span(1, 1, 2, "a", 1, 1), span(1, 2, 1, "b", 2, 1)})});
  EXPECT_NE(text.find("  a [s]"), std::string::npos) << text;
  EXPECT_NE(text.find("b [s]"), std::string::npos) << text;
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
