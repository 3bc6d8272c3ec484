// The OTLP sender against a real OTLP/HTTP receiver on 127.0.0.1 (support/OtlpServer) that
// decodes every request with the types protoc generated from idl/otlp: the mapping from the
// span record, both encodings, gzip, batching, and OTLP's delivery rules.
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "senders/OtlpSender.h"
#include "support/CapturingLogger.h"
#include "support/LoopbackSocket.h"
#include "support/OtlpServer.h"
#include "support/SpanRecordConversion.h"
#include "support/SpanRecords.h"

namespace jaegertracing {
namespace detail {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::CapturingLogger;
using testing::OtlpServer;
namespace proto = opentelemetry::proto;
using Records = std::vector<std::unique_ptr<SpanRecord>>;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct Fixture {
  Counters counters;
  CapturingLogger logger;
  std::vector<SpanTag> processTags = {{"jaeger.version", std::string("C++-0.1.0")},
                                      {"hostname", std::string("box")},
                                      {"ip", std::string("10.0.0.7")},
                                      {"region", std::string("eu")},
                                      {"replicas", int64_t{3}}};

  OtlpSenderOptions options(const std::string& url) const {
    OtlpSenderOptions options;
    options.transport.url = url;
    options.transport.timeout = 5000ms;
    options.transport.initialBackoff = 5ms;
    options.transport.maxBackoff = 20ms;
    return options;
  }
  std::unique_ptr<OtlpSender> sender(const OtlpSenderOptions& options) {
    return std::make_unique<OtlpSender>(options, "checkout", processTags, counters, logger);
  }
};

Records records(size_t n, size_t payloadBytes = 0) {
  Records spans;
  for (size_t i = 1; i <= n; ++i) spans.push_back(testing::spanWithPayload(i, payloadBytes));
  return spans;
}

// A span with every part the mapping handles.
std::unique_ptr<SpanRecord> richSpan() {
  SpanData span;
  span.traceID = TraceID(0, 0x0102030405060708);  // 64-bit: left-padded to 16 bytes
  span.spanID = 0x1112131415161718;
  span.parentID = 0x2122232425262728;
  span.flags = 1;
  span.operationName = "GET /cart";
  span.startMicros = 1700000000123456;
  span.durationMicros = 2500;
  span.references = {{true, TraceID(9, 10), 0x31},                    // follows_from: a link
                     {false, span.traceID, span.parentID},            // the parent: no link
                     {false, TraceID(0, 0x0102030405060708), 0x41}};  // another child_of: a link
  span.tags = {{"span.kind", std::string("server")},
               {"error", true},
               {"otel.status_description", std::string("out of stock")},
               {"http.status_message", std::string("Conflict")},
               {"http.method", std::string("GET")},
               {"ratio", 0.25},
               {"cached", false},
               {"bytes", int64_t{-42}},
               {"big", std::string("18446744073709551615")}};
  span.logs = {{1700000000124000, {{"event", std::string("retry")}, {"attempt", int64_t{2}}}},
               {1700000000125000, {{"message", std::string("no event name")}}}};
  auto record = toSpanRecord(span);
  record->setTraceState("rojo=00f067aa0ba902b7,congo=\"q\"");
  return record;
}

const proto::common::v1::AnyValue* attribute(
    const google::protobuf::RepeatedPtrField<proto::common::v1::KeyValue>& attributes,
    const std::string& key) {
  const proto::common::v1::AnyValue* found = nullptr;
  for (const auto& attribute : attributes) {
    if (attribute.key() == key) {
      EXPECT_EQ(found, nullptr) << key << " twice";
      found = &attribute.value();
    }
  }
  return found;
}

std::string bytesOf(std::initializer_list<int> values) {
  std::string bytes;
  for (int value : values) bytes += static_cast<char>(value);
  return bytes;
}

std::vector<proto::trace::v1::Span> spansOf(const OtlpServer& server) {
  std::vector<proto::trace::v1::Span> spans;
  for (const auto& request : server.decoded()) {
    for (const auto& resourceSpans : request.resource_spans()) {
      for (const auto& scopeSpans : resourceSpans.scope_spans()) {
        spans.insert(spans.end(), scopeSpans.spans().begin(), scopeSpans.spans().end());
      }
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// The mapping

void expectRichSpanMapping(const testing::OtlpRequestMessage& request) {
  ASSERT_EQ(request.resource_spans_size(), 1);
  const auto& resourceSpans = request.resource_spans(0);
  const auto& resource = resourceSpans.resource().attributes();
  ASSERT_NE(attribute(resource, "service.name"), nullptr);
  EXPECT_EQ(attribute(resource, "service.name")->string_value(), "checkout");
  ASSERT_NE(attribute(resource, "host.name"), nullptr);
  EXPECT_EQ(attribute(resource, "host.name")->string_value(), "box");
  EXPECT_EQ(attribute(resource, "hostname"), nullptr);
  EXPECT_EQ(attribute(resource, "ip")->string_value(), "10.0.0.7");
  EXPECT_EQ(attribute(resource, "region")->string_value(), "eu");
  EXPECT_EQ(attribute(resource, "replicas")->int_value(), 3);
  EXPECT_EQ(attribute(resource, "jaeger.version"), nullptr);
  EXPECT_EQ(attribute(resource, "telemetry.sdk.name")->string_value(), "jaegertracing-cpp");
  EXPECT_EQ(attribute(resource, "telemetry.sdk.language")->string_value(), "cpp");
  EXPECT_FALSE(attribute(resource, "telemetry.sdk.version")->string_value().empty());

  ASSERT_EQ(resourceSpans.scope_spans_size(), 1);
  EXPECT_EQ(resourceSpans.scope_spans(0).scope().name(), "");
  ASSERT_EQ(resourceSpans.scope_spans(0).spans_size(), 1);
  const auto& span = resourceSpans.scope_spans(0).spans(0);

  EXPECT_EQ(span.trace_id(), bytesOf({0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(span.span_id(), bytesOf({0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18}));
  EXPECT_EQ(span.parent_span_id(), bytesOf({0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28}));
  EXPECT_EQ(span.flags(), 1u);
  EXPECT_EQ(span.trace_state(), "rojo=00f067aa0ba902b7,congo=\"q\"");
  EXPECT_EQ(span.name(), "GET /cart");
  EXPECT_EQ(span.kind(), proto::trace::v1::Span::SPAN_KIND_SERVER);
  EXPECT_EQ(span.start_time_unix_nano(), 1700000000123456000u);
  EXPECT_EQ(span.end_time_unix_nano(), 1700000000125956000u);

  EXPECT_EQ(span.status().code(), proto::trace::v1::Status::STATUS_CODE_ERROR);
  EXPECT_EQ(span.status().message(), "out of stock");
  const auto& attributes = span.attributes();
  EXPECT_EQ(attribute(attributes, "span.kind"), nullptr);
  EXPECT_EQ(attribute(attributes, "error"), nullptr);
  EXPECT_EQ(attribute(attributes, "otel.status_description"), nullptr);
  EXPECT_EQ(attribute(attributes, "http.status_message")->string_value(), "Conflict");
  EXPECT_EQ(attribute(attributes, "http.method")->string_value(), "GET");
  EXPECT_EQ(attribute(attributes, "ratio")->double_value(), 0.25);
  ASSERT_TRUE(attribute(attributes, "cached")->has_bool_value());
  EXPECT_FALSE(attribute(attributes, "cached")->bool_value());
  EXPECT_EQ(attribute(attributes, "bytes")->int_value(), -42);
  EXPECT_EQ(attribute(attributes, "big")->string_value(), "18446744073709551615");
  EXPECT_EQ(attributes.size(), 6);

  ASSERT_EQ(span.events_size(), 2);
  EXPECT_EQ(span.events(0).time_unix_nano(), 1700000000124000000u);
  EXPECT_EQ(span.events(0).name(), "retry");
  ASSERT_EQ(span.events(0).attributes_size(), 1);
  EXPECT_EQ(attribute(span.events(0).attributes(), "attempt")->int_value(), 2);
  EXPECT_EQ(span.events(1).name(), "");
  EXPECT_EQ(attribute(span.events(1).attributes(), "message")->string_value(), "no event name");

  ASSERT_EQ(span.links_size(), 2);
  EXPECT_EQ(span.links(0).trace_id(), bytesOf({0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 10}));
  EXPECT_EQ(span.links(0).span_id(), bytesOf({0, 0, 0, 0, 0, 0, 0, 0x31}));
  EXPECT_EQ(attribute(span.links(0).attributes(), "opentracing.ref_type")->string_value(),
            "follows_from");
  EXPECT_EQ(span.links(1).span_id(), bytesOf({0, 0, 0, 0, 0, 0, 0, 0x41}));
  EXPECT_EQ(attribute(span.links(1).attributes(), "opentracing.ref_type")->string_value(),
            "child_of");
}

TEST(OtlpSenderTest, MapsEveryPartOfASpanInProtobuf) {
  OtlpServer server;
  Fixture f;
  auto sender = f.sender(f.options(server.endpoint()));
  Records spans;
  spans.push_back(richSpan());
  sender->send(spans);
  ASSERT_TRUE(server.errors().empty()) << server.errors().front();
  ASSERT_EQ(server.decoded().size(), 1u);
  EXPECT_EQ(server.requests().at(0).contentType, "application/x-protobuf");
  expectRichSpanMapping(server.decoded().at(0));
  EXPECT_EQ(Counters::read(f.counters.spansReported), 1u);
  EXPECT_EQ(Counters::read(f.counters.bytesSent), server.requests().at(0).bodyBytes);
}

TEST(OtlpSenderTest, JsonDecodesToTheSameRequestAsProtobuf) {
  OtlpServer server;
  Fixture f;
  auto protobufSender = f.sender(f.options(server.endpoint()));
  auto jsonOptions = f.options(server.endpoint());
  jsonOptions.json = true;
  auto jsonSender = f.sender(jsonOptions);
  Records spans;
  spans.push_back(richSpan());
  spans.push_back(testing::spanWithPayload(5, 10));
  protobufSender->send(spans);
  jsonSender->send(spans);
  ASSERT_TRUE(server.errors().empty()) << server.errors().front();
  ASSERT_EQ(server.decoded().size(), 2u);
  EXPECT_EQ(server.requests().at(1).contentType, "application/json");
  std::string difference;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  EXPECT_TRUE(differencer.Compare(server.decoded().at(0), server.decoded().at(1))) << difference;
}

TEST(OtlpSenderTest, WithoutKindOrErrorTheSpanIsUnspecifiedAndUnset) {
  OtlpServer server;
  Fixture f;
  auto sender = f.sender(f.options(server.endpoint()));
  SpanData data;
  data.traceID = TraceID(0xa, 0xb);
  data.spanID = 7;
  data.flags = 1;
  data.operationName = "plain";
  data.startMicros = 1700000000000000;
  data.durationMicros = 1;
  data.tags = {{"error", false}, {"span.kind", std::string("sideways")}};
  Records spans;
  spans.push_back(toSpanRecord(data));
  sender->send(spans);
  ASSERT_TRUE(server.errors().empty()) << server.errors().front();
  const auto received = spansOf(server);
  ASSERT_EQ(received.size(), 1u);
  const auto& span = received[0];
  EXPECT_EQ(span.trace_id(), bytesOf({0, 0, 0, 0, 0, 0, 0, 0xa, 0, 0, 0, 0, 0, 0, 0, 0xb}));
  EXPECT_EQ(span.parent_span_id(), "");
  EXPECT_EQ(span.kind(), proto::trace::v1::Span::SPAN_KIND_UNSPECIFIED);
  EXPECT_FALSE(span.has_status());
  // error=false is no status: it stays an attribute, as the translator keeps it.
  ASSERT_NE(attribute(span.attributes(), "error"), nullptr);
  EXPECT_FALSE(attribute(span.attributes(), "error")->bool_value());
  EXPECT_EQ(attribute(span.attributes(), "span.kind"), nullptr);
}

TEST(OtlpSenderTest, GzipCompressesTheBody) {
  OtlpServer server;
  Fixture f;
  auto options = f.options(server.endpoint());
  options.transport.gzip = true;
  auto sender = f.sender(options);
  sender->send(records(50, 100));
  ASSERT_TRUE(server.errors().empty()) << server.errors().front();
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_EQ(server.requests()[0].contentEncoding, "gzip");
  EXPECT_EQ(server.spanCount(), 50u);
  // 50 spans of 100 'x' compress well below what they take plain.
  EXPECT_LT(server.requests()[0].bodyBytes, 50u * 100u / 4);
  EXPECT_EQ(Counters::read(f.counters.bytesSent), server.requests()[0].bodyBytes);
}

TEST(OtlpSenderTest, SendsTheConfiguredHeaders) {
  OtlpServer server;
  Fixture f;
  auto options = f.options(server.endpoint());
  options.transport.headers = {{"x-api-key", "s3cret"}, {"X-Scope-OrgID", "tenant-1"}};
  auto sender = f.sender(options);
  sender->send(records(1));
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto& headers = requests[0].headers;
  ASSERT_EQ(headers.count("x-api-key"), 1u);
  EXPECT_EQ(headers.find("x-api-key")->second, "s3cret");
  EXPECT_EQ(headers.find("X-Scope-OrgID")->second, "tenant-1");
}

// ---------------------------------------------------------------------------------------------
// Batching

TEST(OtlpSenderTest, SplitsBatchesAtTheSpanLimit) {
  OtlpServer server;
  Fixture f;
  auto options = f.options(server.endpoint());
  options.maxBatchSpans = 3;
  auto sender = f.sender(options);
  sender->send(records(7));
  ASSERT_EQ(server.decoded().size(), 3u);
  EXPECT_EQ(server.spanCount(), 7u);
  EXPECT_EQ(Counters::read(f.counters.batchesSent), 3u);
  EXPECT_EQ(Counters::read(f.counters.spansReported), 7u);
}

TEST(OtlpSenderTest, SplitsBatchesAtTheByteLimitAndDropsASpanTooLargeAlone) {
  for (const bool json : {false, true}) {
    OtlpServer server;
    Fixture f;
    auto options = f.options(server.endpoint());
    options.json = json;
    options.maxBatchBytes = 4096;
    auto sender = f.sender(options);
    Records spans = records(10, 1000);
    spans.insert(spans.begin() + 4, testing::spanWithPayload(99, 8000));
    sender->send(spans);
    ASSERT_TRUE(server.errors().empty()) << server.errors().front();
    EXPECT_EQ(server.spanCount(), 10u) << json;
    EXPECT_EQ(Counters::read(f.counters.droppedTooLarge), 1u);
    EXPECT_GE(server.requests().size(), 3u);
    for (const auto& request : server.requests()) EXPECT_LE(request.bodyBytes, 4096u);
    std::vector<std::string> ids;
    for (const auto& span : spansOf(server)) ids.push_back(span.span_id());
    EXPECT_EQ(std::find(ids.begin(), ids.end(), bytesOf({0, 0, 0, 0, 0, 0, 0, 99})), ids.end());
  }
}

// ---------------------------------------------------------------------------------------------
// Delivery

TEST(OtlpSenderTest, RetriesRetryableStatusesUntilAccepted) {
  OtlpServer server;
  server.script({{503, "busy", ""}, {429, "slow down", ""}, {502, "", ""}, {504, "", ""}});
  Fixture f;
  auto sender = f.sender(f.options(server.endpoint()));
  sender->send(records(4));
  ASSERT_EQ(server.requests().size(), 5u);
  EXPECT_EQ(server.spanCount(), 4u);
  EXPECT_EQ(Counters::read(f.counters.spansReported), 4u);
  EXPECT_EQ(Counters::read(f.counters.droppedSendFailed), 0u);
  EXPECT_TRUE(f.logger.errors().empty());
}

TEST(OtlpSenderTest, OtherStatusesAreFinalAndLoggedOncePerOutage) {
  OtlpServer server;
  server.answer({400, "bad request: field 9 is wrong", ""});
  Fixture f;
  auto sender = f.sender(f.options(server.endpoint()));
  sender->send(records(2));
  sender->send(records(3));
  EXPECT_EQ(server.requests().size(), 2u);  // never tried again
  EXPECT_EQ(Counters::read(f.counters.droppedSendFailed), 5u);
  EXPECT_EQ(Counters::read(f.counters.batchesFailed), 2u);
  ASSERT_EQ(f.logger.errors().size(), 1u);
  EXPECT_TRUE(contains(f.logger.errors()[0], "HTTP 400: bad request: field 9 is wrong"))
      << f.logger.errors()[0];

  for (const int status : {401, 403, 404, 413, 500}) {
    OtlpServer other;
    other.answer({status, "", ""});
    Fixture g;
    auto final = g.sender(g.options(other.endpoint()));
    final->send(records(1));
    EXPECT_EQ(other.requests().size(), 1u) << status;
    EXPECT_EQ(Counters::read(g.counters.droppedSendFailed), 1u) << status;
  }

  server.answer({200, "", ""});
  sender->send(records(1));
  EXPECT_EQ(Counters::read(f.counters.spansReported), 1u);
  EXPECT_TRUE(contains(f.logger.lines().back(), "again"));
}

TEST(OtlpSenderTest, HeaderValuesNeverReachTheLog) {
  OtlpServer server;
  server.answer({401, "unknown key Bearer tok-123 for tenant", ""});
  Fixture f;
  auto options = f.options(server.endpoint());
  options.transport.headers = {{"Authorization", "Bearer tok-123"}};
  auto sender = f.sender(options);
  sender->send(records(1));
  ASSERT_EQ(f.logger.errors().size(), 1u);
  EXPECT_TRUE(contains(f.logger.errors()[0], "HTTP 401")) << f.logger.errors()[0];
  EXPECT_FALSE(contains(f.logger.errors()[0], "tok-123")) << f.logger.errors()[0];
}

TEST(OtlpSenderTest, RetryAfterIsHonoured) {
  OtlpServer server;
  server.script({{429, "", "1"}});
  Fixture f;
  auto sender = f.sender(f.options(server.endpoint()));
  sender->send(records(1));
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_GE(requests[1].arrival - requests[0].arrival, 1s);
  EXPECT_EQ(Counters::read(f.counters.spansReported), 1u);
}

TEST(OtlpSenderTest, ARetryAfterBeyondTheTimeoutIsNotWaitedFor) {
  // Seconds, and an HTTP date: both past the export timeout of 2 s.
  const std::time_t later = std::time(nullptr) + 60;
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", std::gmtime(&later));
  for (const std::string& retryAfter : {std::string("30"), std::string(date)}) {
    OtlpServer server;
    server.answer({503, "", retryAfter});
    Fixture f;
    auto options = f.options(server.endpoint());
    options.transport.timeout = 2000ms;
    auto sender = f.sender(options);
    const auto start = Clock::now();
    sender->send(records(1));
    EXPECT_EQ(server.requests().size(), 1u) << retryAfter;
    EXPECT_LT(Clock::now() - start, 2000ms) << retryAfter;
    EXPECT_EQ(Counters::read(f.counters.droppedSendFailed), 1u);
    ASSERT_EQ(f.logger.errors().size(), 1u);
    EXPECT_TRUE(contains(f.logger.errors()[0], "not tried again")) << f.logger.errors()[0];
  }
}

TEST(OtlpSenderTest, AFailedConnectionIsRetriedWithinTheTimeout) {
  Fixture f;
  auto options =
      f.options("http://127.0.0.1:" + std::to_string(testing::closedLoopbackPort(SOCK_STREAM)) +
                "/v1/traces");
  options.transport.timeout = 300ms;
  auto sender = f.sender(options);
  CapturingLogger& logger = f.logger;
  sender->send(records(2));
  sender->send(records(1));
  EXPECT_EQ(Counters::read(f.counters.droppedSendFailed), 3u);
  ASSERT_EQ(logger.errors().size(), 1u);
  EXPECT_TRUE(contains(logger.errors()[0], "127.0.0.1")) << logger.errors()[0];
}

TEST(OtlpSenderTest, RetriesStopAtTheDeadlineOfAWaitingClose) {
  OtlpServer server;
  server.answer({503, "", ""});
  Fixture f;
  auto options = f.options(server.endpoint());
  options.transport.timeout = 60000ms;
  options.transport.initialBackoff = 1000ms;
  options.transport.maxBackoff = 1000ms;
  auto sender = f.sender(options);
  std::thread closer([&] {
    // As RemoteReporter::close(100ms) does, once the first attempt failed.
    server.waitForRequests(1, 10s);
    sender->giveUpAt(Clock::now() + 100ms);
  });
  const auto start = Clock::now();
  sender->send(records(1));
  closer.join();
  // The backoff of at least 500 ms was cut short: no second attempt.
  EXPECT_LT(Clock::now() - start, 10s);
  EXPECT_EQ(server.requests().size(), 1u);
  EXPECT_EQ(Counters::read(f.counters.droppedSendFailed), 1u);
}

// ---------------------------------------------------------------------------------------------
// partial_success

TEST(OtlpSenderTest, RejectedSpansOfAPartialSuccessAreCountedAndLoggedOnce) {
  for (const bool json : {false, true}) {
    OtlpServer server;
    std::string body;
    if (json) {
      body = R"({"partialSuccess":{"rejectedSpans":"2","errorMessage":"spans too old"}})";
    } else {
      proto::collector::trace::v1::ExportTraceServiceResponse response;
      response.mutable_partial_success()->set_rejected_spans(2);
      response.mutable_partial_success()->set_error_message("spans too old");
      body = response.SerializeAsString();
    }
    server.answer({200, body, ""});
    Fixture f;
    auto options = f.options(server.endpoint());
    options.json = json;
    auto sender = f.sender(options);
    sender->send(records(5));
    sender->send(records(5));
    EXPECT_EQ(Counters::read(f.counters.droppedRejected), 4u) << json;
    EXPECT_EQ(Counters::read(f.counters.spansReported), 6u) << json;
    EXPECT_EQ(f.counters.snapshot().droppedRejected, 4u);
    ASSERT_EQ(f.logger.errors().size(), 1u) << json;
    EXPECT_TRUE(contains(f.logger.errors()[0], "rejected 2 of 5 spans: spans too old"))
        << f.logger.errors()[0];
  }
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
