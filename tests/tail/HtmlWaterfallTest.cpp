// The waterfall page on its own: span text that looks like markup stays text, the page needs
// nothing from the network, and in headless Chromium the rows come out in tree order with
// orphans, reference-only parents and cycles handled as jaeger-tail's tree handles them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "agent/ThriftBatches.h"
#include "support/HeadlessChromium.h"
#include "support/TempDirectory.h"
#include "tail/HtmlWaterfall.h"

namespace jaegertracing {
namespace tail {
namespace {

using testing::batch;
using testing::dumpDom;
using testing::elementsWithAttribute;
using testing::span;
using testing::stringTag;
using testing::TempDirectory;

const std::string kHostile =
    "</script><script>document.body.dataset.injected='yes'</script><!--<b id=\"bold\">&amp;";

Trace trace(int64_t traceId, std::vector<thrift::Batch> batches) {
  Trace result;
  result.traceIdLow = traceId;
  result.batches = std::move(batches);
  result.firstStartTime = INT64_MAX;
  for (const auto& batch : result.batches) {
    result.spanCount += batch.spans.size();
    for (const auto& s : batch.spans) {
      result.firstStartTime = std::min(result.firstStartTime, s.startTime);
    }
  }
  return result;
}

TEST(HtmlWaterfallTest, escapedJsonHasNoMarkupCharactersAndParsesBackTheSame) {
  const nlohmann::json original = {{"value", kHostile}};
  const std::string escaped = escapeJsonForScript(original.dump());
  EXPECT_EQ(escaped.find('<'), std::string::npos) << escaped;
  EXPECT_EQ(escaped.find('>'), std::string::npos) << escaped;
  EXPECT_EQ(escaped.find('&'), std::string::npos) << escaped;
  EXPECT_EQ(nlohmann::json::parse(escaped), original);
}

TEST(HtmlWaterfallTest, thePageLoadsNothingFromElsewhere) {
  thrift::Span root = span(0x1, 1, 0, "op", 1000, 10);
  root.__set_tags({stringTag("http.url", "http://example.com/x")});
  const std::string page = renderHtmlWaterfall({trace(0x1, {batch("svc", {root})})}, "test");
  // Span data mentions a URL, but only inside the JSON, where '<' cannot occur.
  for (const char* fetch : {" src=", " href=", "url(", "@import", "<link", "<iframe"}) {
    EXPECT_EQ(page.find(fetch), std::string::npos) << fetch;
  }
  EXPECT_EQ(page.find("</script><script>document"), std::string::npos);
}

TEST(HtmlWaterfallTest, chromiumDrawsRowsInTreeOrderAndSpanTextAsText) {
  const int64_t t0 = 1700000000000000;
  // Trace 0x2 starts later but has the tricky shapes; trace 0x1 comes first on the page.
  thrift::Span root = span(0x2, 0x10, 0, kHostile, t0 + 100, 1000);
  root.__set_tags({stringTag("note", kHostile)});
  thrift::Log log;
  log.timestamp = t0 + 150;
  log.fields = {stringTag("event", "<img src=x onerror=\"document.body.dataset.injected='img'\">")};
  root.__set_logs({log});
  thrift::Span second = span(0x2, 0x12, 0x10, "second-child", t0 + 600, 100);
  thrift::Span first = span(0x2, 0x11, 0x10, "first-child", t0 + 200, 100);
  thrift::Span grandchild = span(0x2, 0x13, 0x11, "grandchild", t0 + 250, 10);
  // A client that leaves parentSpanId 0 and names the parent in a reference.
  thrift::Span byReference = span(0x2, 0x14, 0, "by-reference", t0 + 300, 10);
  thrift::SpanRef reference;
  reference.refType = thrift::SpanRefType::CHILD_OF;
  reference.traceIdLow = 0x2;
  reference.traceIdHigh = 0;
  reference.spanId = 0x12;
  byReference.__set_references({reference});
  thrift::Span orphan = span(0x2, 0x15, 0x99, "orphan", t0 + 50, 10);
  const std::vector<Trace> traces = {
      trace(0x1, {batch("early", {span(0x1, 0x1, 0, "early-root", t0, 10)})}),
      // Children before parents and out of start order, from two processes.
      trace(0x2, {batch("<i>service</i>", {grandchild, second}),
                  batch("main", {byReference, first, root, orphan})})};

  const TempDirectory directory;
  const auto page = directory.write("page.html", renderHtmlWaterfall(traces, "jaeger-tail test"));
  const auto rendered = dumpDom(JAEGERTRACING_CHROMIUM, page);
  ASSERT_TRUE(rendered.ok) << rendered.error;

  // No script of the data ran, and no element of it was made.
  EXPECT_EQ(rendered.dom.find("data-injected"), std::string::npos) << rendered.dom;
  for (const auto& element : elementsWithAttribute(rendered.dom, "id")) {
    EXPECT_NE(element.at("id"), "bold") << rendered.dom;
  }
  EXPECT_EQ(rendered.dom.find("<i>service</i>"), std::string::npos) << rendered.dom;
  // The operation shows as its text.
  EXPECT_NE(rendered.dom.find("&lt;/script&gt;&lt;script&gt;document.body.dataset.injected="),
            std::string::npos);

  const auto rows = elementsWithAttribute(rendered.dom, "data-span-id");
  struct Expected {
    const char* operation;
    const char* spanId;
    const char* parentId;
    const char* depth;
    const char* service;
  };
  // Roots by start time (the orphan started before the root), children by start time.
  const std::vector<Expected> expected = {
      {"early-root", "0000000000000001", "", "0", "early"},
      {"orphan", "0000000000000015", "", "0", "main"},
      {nullptr, "0000000000000010", "", "0", "main"},
      {"first-child", "0000000000000011", "0000000000000010", "1", "main"},
      {"grandchild", "0000000000000013", "0000000000000011", "2", "<i>service</i>"},
      {"second-child", "0000000000000012", "0000000000000010", "1", "<i>service</i>"},
      {"by-reference", "0000000000000014", "0000000000000012", "2", "main"},
  };
  ASSERT_EQ(rows.size(), expected.size()) << rendered.dom;
  for (size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE("row " + std::to_string(i));
    EXPECT_EQ(rows[i].at("data-operation"),
              expected[i].operation ? expected[i].operation : kHostile);
    EXPECT_EQ(rows[i].at("data-span-id"), expected[i].spanId);
    EXPECT_EQ(rows[i].at("data-parent-id"), expected[i].parentId);
    EXPECT_EQ(rows[i].at("data-depth"), expected[i].depth);
    EXPECT_EQ(rows[i].at("data-service"), expected[i].service);
  }
  const auto sections = elementsWithAttribute(rendered.dom, "data-trace-id");
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].at("data-trace-id"), "0000000000000001");
  EXPECT_EQ(sections[1].at("data-trace-id"), "0000000000000002");
  EXPECT_NE(rendered.dom.find("<title>jaeger-tail: 2 traces, 7 spans, 3 services</title>"),
            std::string::npos);
}

TEST(HtmlWaterfallTest, chromiumShowsAPageWithoutTraces) {
  const TempDirectory directory;
  const auto page = directory.write("empty.html", renderHtmlWaterfall({}, "jaeger-tail test"));
  const auto rendered = dumpDom(JAEGERTRACING_CHROMIUM, page);
  ASSERT_TRUE(rendered.ok) << rendered.error;
  EXPECT_NE(rendered.dom.find(">No traces received.</p>"), std::string::npos) << rendered.dom;
  EXPECT_TRUE(elementsWithAttribute(rendered.dom, "data-span-id").empty());
}

}  // namespace
}  // namespace tail
}  // namespace jaegertracing
