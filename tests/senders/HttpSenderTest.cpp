// The collector sender against a real HTTP server on 127.0.0.1 that decodes every request with
// the generated Thrift types; failures against servers that refuse, hang or hang up.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "platform/LogSafeText.h"
#include "senders/CollectorUrl.h"
#include "senders/HttpSender.h"
#include "senders/ThriftSpanWriter.h"
#include "support/CapturingLogger.h"
#include "support/CollectorServer.h"
#include "support/LoopbackSocket.h"
#include "support/ScopedEnvironment.h"
#include "support/SpanRecordConversion.h"
#include "support/SpanRecords.h"

namespace jaegertracing {
namespace detail {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
namespace wire = jaegertracing::thrift;

// ---------------------------------------------------------------------------------------------
// Helpers

using testing::CapturingLogger;

// Every line, checked for each text that must never be logged.
void expectNoneContain(const CapturingLogger& logger, const std::vector<std::string>& secrets) {
  for (const auto& line : logger.lines()) {
    for (const auto& secret : secrets) {
      EXPECT_EQ(line.find(secret), std::string::npos) << "\"" << secret << "\" in: " << line;
    }
  }
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

using testing::ScopedEnv;
using testing::spanWithPayload;

std::vector<std::unique_ptr<SpanRecord>> spans(uint64_t count, size_t payloadBytes = 10) {
  std::vector<std::unique_ptr<SpanRecord>> result;
  for (uint64_t id = 1; id <= count; ++id) result.push_back(spanWithPayload(id, payloadBytes));
  return result;
}

// Bytes of one span in the binary protocol, as the sender encodes it.
size_t encodedBytes(const SpanRecord& span) {
  auto buffer = std::make_shared<EncodeBuffer>(1024);
  apache::thrift::protocol::TBinaryProtocolT<EncodeBuffer> protocol(buffer);
  writeSpan(protocol, span);
  return buffer->size();
}

HttpSenderOptions optionsFor(const std::string& endpoint) {
  HttpSenderOptions options;
  options.endpoint = endpoint;
  options.connectTimeout = 2s;
  options.requestTimeout = 5s;
  return options;
}

const std::vector<SpanTag> kProcessTags = {SpanTag{"jaeger.version", std::string("C++-test")},
                                           SpanTag{"ratio", 0.5}, SpanTag{"canary", true},
                                           SpanTag{"shard", int64_t{3}}};

std::string closedEndpoint() {
  return "http://127.0.0.1:" + std::to_string(testing::closedLoopbackPort(SOCK_STREAM)) +
         "/api/traces";
}

// Accepts connections, reads the request's headers and hangs up without answering.
class HangUpServer {
 public:
  HangUpServer() {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(listener_, 8) != 0 ||
        getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("cannot listen");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~HangUpServer() {
    // Wakes accept() with an error.
    shutdown(listener_, SHUT_RDWR);
    thread_.join();
    close(listener_);
  }

  std::string endpoint() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/api/traces";
  }
  size_t hungUp() const { return hungUp_.load(); }

 private:
  void run() {
    for (;;) {
      const int connection = accept(listener_, nullptr, nullptr);
      if (connection < 0) return;
      std::string received;
      char chunk[4096];
      while (received.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = recv(connection, chunk, sizeof chunk, 0);
        if (n <= 0) break;
        received.append(chunk, static_cast<size_t>(n));
      }
      close(connection);
      ++hungUp_;
    }
  }

  int listener_ = -1;
  uint16_t port_ = 0;
  std::atomic<size_t> hungUp_{0};
  std::thread thread_;
};

const wire::Tag* findTag(const std::vector<wire::Tag>& tags, const std::string& key) {
  for (const auto& tag : tags) {
    if (tag.key == key) return &tag;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The request URL and what logs show of it

TEST(CollectorUrlTest, AddsTheFormatAndKeepsTheUsersQuery) {
  EXPECT_EQ(collectorRequestUrl("http://c:14268/api/traces"),
            "http://c:14268/api/traces?format=jaeger.thrift");
  EXPECT_EQ(collectorRequestUrl("http://c/api/traces?tenant=a&x=1"),
            "http://c/api/traces?tenant=a&x=1&format=jaeger.thrift");
  EXPECT_EQ(collectorRequestUrl("http://c/api/traces?"),
            "http://c/api/traces?format=jaeger.thrift");
  EXPECT_EQ(collectorRequestUrl("http://c/api/traces?a=1&"),
            "http://c/api/traces?a=1&format=jaeger.thrift");
  EXPECT_EQ(collectorRequestUrl("http://c/api/traces#top"),
            "http://c/api/traces?format=jaeger.thrift#top");
  EXPECT_EQ(collectorRequestUrl("http://c/api/traces?formats=1"),
            "http://c/api/traces?formats=1&format=jaeger.thrift");
  // A format of the user's own is left alone.
  EXPECT_EQ(collectorRequestUrl("http://c/api/traces?format=jaeger.thrift"),
            "http://c/api/traces?format=jaeger.thrift");
  EXPECT_EQ(collectorRequestUrl("http://c/api/traces?a=1&format=other"),
            "http://c/api/traces?a=1&format=other");
}

TEST(CollectorUrlTest, LogsShowNoUserInfo) {
  EXPECT_EQ(urlWithoutUserInfo("https://alice:s3cret@collector:14268/api/traces"),
            "https://collector:14268/api/traces");
  EXPECT_EQ(urlWithoutUserInfo("http://alice@collector/api/traces"), "http://collector/api/traces");
  EXPECT_EQ(urlWithoutUserInfo("http://a:p@ss@collector/"), "http://collector/");
  EXPECT_EQ(urlWithoutUserInfo("http://[::1]:14268/api/traces"), "http://[::1]:14268/api/traces");
  // An "@" after the authority is not userinfo.
  EXPECT_EQ(urlWithoutUserInfo("http://collector/api?mail=a@b"), "http://collector/api?mail=a@b");
  EXPECT_EQ(urlWithoutUserInfo("http://collector"), "http://collector");

  const UrlUserInfo info = urlUserInfo("http://al%69ce:p%40ss%3A@collector/");
  EXPECT_EQ(info.user, "alice");
  EXPECT_EQ(info.password, "p@ss:");
  EXPECT_EQ(urlUserInfo("http://collector/a@b").user, "");
}

// ---------------------------------------------------------------------------------------------
// What arrives

TEST(HttpSenderTest, EveryFieldArrives) {
  testing::CollectorServer collector;
  Counters counters;
  CapturingLogger logger;
  // Earlier losses travel in the batch's ClientStats.
  Counters::add(counters.droppedQueueFull, 3);
  Counters::add(counters.droppedTooLarge, 1);
  Counters::add(counters.droppedSendFailed, 4);
  HttpSender sender(optionsFor(collector.endpoint()), "http-service", kProcessTags, counters,
                    logger);

  auto span = std::make_unique<SpanData>();
  span->traceID = TraceID(0x1122334455667788, 0x99aabbccddeeff00);
  span->spanID = 0xfedcba9876543210;
  span->parentID = 42;
  span->flags = 3;
  span->operationName = "checkout";
  span->startMicros = 1700000000123456;
  span->durationMicros = 1500;
  span->references.push_back(SpanReference{false, span->traceID, 42});
  span->references.push_back(SpanReference{true, TraceID(0, 7), 8});
  span->tags = {SpanTag{"text", std::string("value")}, SpanTag{"ratio", 1.5}, SpanTag{"ok", false},
                SpanTag{"count", int64_t{-7}}};
  span->logs.push_back(LogRecord{
      1700000000200000, {SpanTag{"event", std::string("retry")}, SpanTag{"attempt", int64_t{2}}}});
  std::vector<std::unique_ptr<SpanRecord>> batch;
  batch.push_back(toSpanRecord(*span));
  batch.push_back(spanWithPayload(2, 0));
  sender.send(batch);

  ASSERT_TRUE(collector.waitForSpans(2, 5s));
  EXPECT_TRUE(collector.errors().empty()) << collector.errors().front();
  const auto requests = collector.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/api/traces?format=jaeger.thrift");
  EXPECT_EQ(requests[0].contentType, "application/x-thrift");
  EXPECT_EQ(requests[0].authorization, "");

  const auto batches = collector.batches();
  ASSERT_EQ(batches.size(), 1u);
  const wire::Batch& received = batches[0];
  EXPECT_EQ(received.process.serviceName, "http-service");
  ASSERT_EQ(received.process.tags.size(), 4u);
  EXPECT_EQ(findTag(received.process.tags, "jaeger.version")->vStr, "C++-test");
  EXPECT_EQ(findTag(received.process.tags, "ratio")->vType, wire::TagType::DOUBLE);
  EXPECT_DOUBLE_EQ(findTag(received.process.tags, "ratio")->vDouble, 0.5);
  EXPECT_EQ(findTag(received.process.tags, "canary")->vType, wire::TagType::BOOL);
  EXPECT_TRUE(findTag(received.process.tags, "canary")->vBool);
  EXPECT_EQ(findTag(received.process.tags, "shard")->vType, wire::TagType::LONG);
  EXPECT_EQ(findTag(received.process.tags, "shard")->vLong, 3);
  EXPECT_TRUE(received.__isset.seqNo);
  EXPECT_EQ(received.seqNo, 1);
  EXPECT_TRUE(received.__isset.stats);
  EXPECT_EQ(received.stats.fullQueueDroppedSpans, 3);
  EXPECT_EQ(received.stats.tooLargeDroppedSpans, 1);
  EXPECT_EQ(received.stats.failedToEmitSpans, 4);

  ASSERT_EQ(received.spans.size(), 2u);
  const wire::Span& first = received.spans[0];
  EXPECT_EQ(static_cast<uint64_t>(first.traceIdHigh), 0x1122334455667788u);
  EXPECT_EQ(static_cast<uint64_t>(first.traceIdLow), 0x99aabbccddeeff00u);
  EXPECT_EQ(static_cast<uint64_t>(first.spanId), 0xfedcba9876543210u);
  EXPECT_EQ(first.parentSpanId, 42);
  EXPECT_EQ(first.flags, 3);
  EXPECT_EQ(first.operationName, "checkout");
  EXPECT_EQ(first.startTime, 1700000000123456);
  EXPECT_EQ(first.duration, 1500);
  ASSERT_EQ(first.references.size(), 2u);
  EXPECT_EQ(first.references[0].refType, wire::SpanRefType::CHILD_OF);
  EXPECT_EQ(first.references[0].spanId, 42);
  EXPECT_EQ(static_cast<uint64_t>(first.references[0].traceIdHigh), 0x1122334455667788u);
  EXPECT_EQ(first.references[1].refType, wire::SpanRefType::FOLLOWS_FROM);
  EXPECT_EQ(first.references[1].traceIdLow, 7);
  EXPECT_EQ(first.references[1].spanId, 8);
  ASSERT_EQ(first.tags.size(), 4u);
  EXPECT_EQ(first.tags[0].key, "text");
  EXPECT_EQ(first.tags[0].vType, wire::TagType::STRING);
  EXPECT_EQ(first.tags[0].vStr, "value");
  EXPECT_EQ(first.tags[1].vType, wire::TagType::DOUBLE);
  EXPECT_DOUBLE_EQ(first.tags[1].vDouble, 1.5);
  EXPECT_EQ(first.tags[2].vType, wire::TagType::BOOL);
  EXPECT_FALSE(first.tags[2].vBool);
  EXPECT_EQ(first.tags[3].vType, wire::TagType::LONG);
  EXPECT_EQ(first.tags[3].vLong, -7);
  ASSERT_EQ(first.logs.size(), 1u);
  EXPECT_EQ(first.logs[0].timestamp, 1700000000200000);
  ASSERT_EQ(first.logs[0].fields.size(), 2u);
  EXPECT_EQ(first.logs[0].fields[0].vStr, "retry");
  EXPECT_EQ(first.logs[0].fields[1].vLong, 2);
  const wire::Span& second = received.spans[1];
  EXPECT_EQ(second.spanId, 2);
  EXPECT_FALSE(second.__isset.references);
  EXPECT_FALSE(second.__isset.tags);
  EXPECT_FALSE(second.__isset.logs);

  EXPECT_EQ(Counters::read(counters.spansReported), 2u);
  EXPECT_EQ(Counters::read(counters.batchesSent), 1u);
  EXPECT_EQ(Counters::read(counters.bytesSent), requests[0].bodyBytes);
  EXPECT_EQ(Counters::read(counters.batchesFailed), 0u);
  EXPECT_TRUE(logger.lines().empty());
}

TEST(HttpSenderTest, KeepsTheUsersQuery) {
  testing::CollectorServer collector;
  Counters counters;
  CapturingLogger logger;
  HttpSender sender(optionsFor(collector.endpoint() + "?tenant=blue&region=eu"), "svc", {},
                    counters, logger);
  EXPECT_EQ(sender.requestUrl(),
            collector.endpoint() + "?tenant=blue&region=eu&format=jaeger.thrift");
  sender.send(spans(1));
  ASSERT_TRUE(collector.waitForSpans(1, 5s));
  EXPECT_EQ(collector.requests().at(0).target,
            "/api/traces?tenant=blue&region=eu&format=jaeger.thrift");
}

TEST(HttpSenderTest, KeepsTheConnectionAliveAndNumbersTheBatches) {
  testing::CollectorServer collector;
  Counters counters;
  CapturingLogger logger;
  HttpSender sender(optionsFor(collector.endpoint()), "svc", {}, counters, logger);
  sender.send(spans(1));
  sender.send(spans(2));
  ASSERT_TRUE(collector.waitForSpans(3, 5s));
  const auto requests = collector.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].remotePort, requests[1].remotePort);
  const auto batches = collector.batches();
  EXPECT_EQ(batches[0].seqNo, 1);
  EXPECT_EQ(batches[1].seqNo, 2);
}

// ---------------------------------------------------------------------------------------------
// Batch limits

TEST(HttpSenderTest, SplitsBatchesAtMaxBatchBytes) {
  testing::CollectorServer collector;
  Counters counters;
  CapturingLogger logger;
  auto options = optionsFor(collector.endpoint());
  options.maxBatchBytes = 4096;
  HttpSender sender(options, "svc", kProcessTags, counters, logger);
  // About 1 KB each: three fit in 4096 bytes with the Batch around them, four do not.
  sender.send(spans(10, 1000));

  ASSERT_TRUE(collector.waitForSpans(10, 5s));
  EXPECT_TRUE(collector.errors().empty());
  for (const auto& request : collector.requests()) EXPECT_LE(request.bodyBytes, 4096u);
  const auto batches = collector.batches();
  EXPECT_EQ(batches.size(), 4u);
  std::vector<int64_t> ids;
  for (size_t i = 0; i < batches.size(); ++i) {
    EXPECT_EQ(batches[i].seqNo, static_cast<int64_t>(i + 1));
    for (const auto& span : batches[i].spans) ids.push_back(span.spanId);
  }
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(Counters::read(counters.spansReported), 10u);
  EXPECT_EQ(Counters::read(counters.batchesSent), batches.size());
  EXPECT_EQ(Counters::read(counters.droppedTooLarge), 0u);
}

TEST(HttpSenderTest, SplitsBatchesAtMaxBatchSpans) {
  testing::CollectorServer collector;
  Counters counters;
  CapturingLogger logger;
  auto options = optionsFor(collector.endpoint());
  options.maxBatchSpans = 3;
  HttpSender sender(options, "svc", {}, counters, logger);
  sender.send(spans(10));

  ASSERT_TRUE(collector.waitForSpans(10, 5s));
  std::vector<size_t> sizes;
  for (const auto& batch : collector.batches()) sizes.push_back(batch.spans.size());
  EXPECT_EQ(sizes, (std::vector<size_t>{3, 3, 3, 1}));
  EXPECT_EQ(Counters::read(counters.batchesSent), 4u);
}

TEST(HttpSenderTest, ASpanThatFillsTheLimitIsSentAndOneByteMoreIsDroppedAndCounted) {
  testing::CollectorServer collector;
  Counters counters;
  CapturingLogger logger;
  auto options = optionsFor(collector.endpoint());
  options.maxBatchBytes = 2048;
  HttpSender sender(options, "svc", kProcessTags, counters, logger);
  // A string's length is a fixed four bytes: one more byte of payload is one more byte of span.
  const size_t fixed = encodedBytes(*spanWithPayload(1, 1)) - 1;
  const size_t exact = options.maxBatchBytes - sender.overheadBytes() - fixed;
  std::vector<std::unique_ptr<SpanRecord>> batch;
  batch.push_back(spanWithPayload(1, exact));
  batch.push_back(spanWithPayload(2, exact + 1));
  batch.push_back(spanWithPayload(3, 10));
  sender.send(batch);

  ASSERT_TRUE(collector.waitForSpans(2, 5s));
  EXPECT_TRUE(collector.errors().empty());
  const auto requests = collector.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].bodyBytes, 2048u);
  const auto received = collector.spans();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].spanId, 1);
  EXPECT_EQ(received[1].spanId, 3);
  EXPECT_EQ(Counters::read(counters.droppedTooLarge), 1u);
  EXPECT_EQ(Counters::read(counters.spansReported), 2u);
  // The drop travels to Jaeger in the batches' ClientStats.
  EXPECT_EQ(collector.batches().back().stats.tooLargeDroppedSpans, 1);
}

// ---------------------------------------------------------------------------------------------
// Authentication, and what the logs never show

TEST(HttpSenderTest, BasicAuthFromUserAndPassword) {
  testing::CollectorServer collector;
  // base64("alice:s3cret-pass")
  collector.expectAuthorization("Basic YWxpY2U6czNjcmV0LXBhc3M=");
  Counters counters;
  CapturingLogger logger;
  auto options = optionsFor(collector.endpoint());
  options.user = "alice";
  options.password = "s3cret-pass";
  HttpSender sender(options, "svc", {}, counters, logger);
  sender.send(spans(1));
  ASSERT_TRUE(collector.waitForSpans(1, 5s));
  EXPECT_TRUE(collector.errors().empty()) << collector.errors().front();
  EXPECT_EQ(Counters::read(counters.spansReported), 1u);
}

TEST(HttpSenderTest, BearerTokenWinsOverUserAndPassword) {
  testing::CollectorServer collector;
  collector.expectAuthorization("Bearer tok-3f9a77");
  Counters counters;
  CapturingLogger logger;
  auto options = optionsFor(collector.endpoint());
  options.user = "alice";
  options.password = "s3cret-pass";
  options.authToken = "tok-3f9a77";
  HttpSender sender(options, "svc", {}, counters, logger);
  sender.send(spans(1));
  ASSERT_TRUE(collector.waitForSpans(1, 5s));
  EXPECT_TRUE(collector.errors().empty()) << collector.errors().front();
  const auto info = logger.linesStartingWith("INFO: ");
  ASSERT_EQ(info.size(), 1u);
  EXPECT_TRUE(contains(info[0], "gets the token")) << info[0];
  expectNoneContain(logger, {"tok-3f9a77", "s3cret-pass"});
}

TEST(HttpSenderTest, CredentialsNeverReachTheLogsEvenWhenTheServerEchoesThem) {
  testing::CollectorServer collector;
  Counters counters;
  CapturingLogger logger;
  // The URL's own user:password@, overridden by the configured user and password.
  const std::string endpoint =
      "http://bob:url-pass-77@127.0.0.1:" + std::to_string(collector.port()) +
      "/api/traces?tenant=t1";
  auto options = optionsFor(endpoint);
  options.user = "alice";
  options.password = "s3cret-pass";
  HttpSender sender(options, "svc", {}, counters, logger);
  collector.answer(401,
                   "denied: alice/s3cret-pass (Basic YWxpY2U6czNjcmV0LXBhc3M=), url-pass-77\n");
  sender.send(spans(2));

  ASSERT_TRUE(collector.waitForRequests(1, 5s));
  EXPECT_EQ(collector.requests().at(0).authorization, "Basic YWxpY2U6czNjcmV0LXBhc3M=");
  EXPECT_EQ(Counters::read(counters.batchesFailed), 1u);
  EXPECT_EQ(Counters::read(counters.droppedSendFailed), 2u);
  const auto errors = logger.linesStartingWith("ERROR: ");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(contains(errors[0], "HTTP 401")) << errors[0];
  EXPECT_TRUE(contains(errors[0], "denied")) << errors[0];
  EXPECT_TRUE(contains(errors[0], "http://127.0.0.1:" + std::to_string(collector.port()) +
                                      "/api/traces?tenant=t1&format=jaeger.thrift"))
      << errors[0];
  expectNoneContain(logger,
                    {"s3cret-pass", "YWxpY2U6czNjcmV0LXBhc3M=", "url-pass-77", "bob:", "\n"});
}

// ---------------------------------------------------------------------------------------------
// Failures

TEST(HttpSenderTest, AnAnswerOutside2xxIsAFailureLoggedOnceWithStatusAndBody) {
  testing::CollectorServer collector;
  collector.answer(500, "collector overloaded, queue full");
  Counters counters;
  CapturingLogger logger;
  HttpSender sender(optionsFor(collector.endpoint()), "svc", {}, counters, logger);
  sender.send(spans(3));
  sender.send(spans(2));

  ASSERT_TRUE(collector.waitForRequests(2, 5s));
  EXPECT_EQ(Counters::read(counters.batchesFailed), 2u);
  EXPECT_EQ(Counters::read(counters.droppedSendFailed), 5u);
  EXPECT_EQ(Counters::read(counters.spansReported), 0u);
  EXPECT_EQ(Counters::read(counters.batchesSent), 0u);
  const auto errors = logger.linesStartingWith("ERROR: ");
  ASSERT_EQ(errors.size(), 1u);  // once per outage
  EXPECT_TRUE(contains(errors[0], "HTTP 500: collector overloaded, queue full")) << errors[0];

  // Recovery: logged once, and the losses reach Jaeger in the next batch's ClientStats.
  collector.answer(202);
  sender.send(spans(1));
  ASSERT_TRUE(collector.waitForRequests(3, 5s));
  EXPECT_EQ(Counters::read(counters.spansReported), 1u);
  EXPECT_EQ(collector.batches().back().stats.failedToEmitSpans, 5);
  const auto info = logger.linesStartingWith("INFO: ");
  ASSERT_EQ(info.size(), 1u);
  EXPECT_TRUE(contains(info[0], "again")) << info[0];
}

TEST(HttpSenderTest, ALongErrorBodyIsCutShort) {
  testing::CollectorServer collector;
  collector.answer(503, std::string(5000, 'e'));
  Counters counters;
  CapturingLogger logger;
  HttpSender sender(optionsFor(collector.endpoint()), "svc", {}, counters, logger);
  sender.send(spans(1));
  const auto errors = logger.linesStartingWith("ERROR: ");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(contains(errors[0], "HTTP 503: " + std::string(200, 'e') + "...")) << errors[0];
  EXPECT_FALSE(contains(errors[0], std::string(201, 'e')));
}

TEST(HttpSenderTest, ACollectorThatHangsFailsWithinTheRequestTimeout) {
  testing::CollectorServer collector;
  collector.hang();
  Counters counters;
  CapturingLogger logger;
  auto options = optionsFor(collector.endpoint());
  options.requestTimeout = 300ms;
  HttpSender sender(options, "svc", {}, counters, logger);
  const auto start = Clock::now();
  sender.send(spans(2));
  const auto elapsed = Clock::now() - start;

  EXPECT_GE(elapsed, 250ms);
  EXPECT_LT(elapsed, 300ms + 2s);
  EXPECT_EQ(Counters::read(counters.batchesFailed), 1u);
  EXPECT_EQ(Counters::read(counters.droppedSendFailed), 2u);
  const auto errors = logger.linesStartingWith("ERROR: ");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(contains(errors[0], "timed out")) << errors[0];
}

TEST(HttpSenderTest, ARefusedConnectionIsAFailureCountedOnce) {
  Counters counters;
  CapturingLogger logger;
  const std::string endpoint = closedEndpoint();
  HttpSender sender(optionsFor(endpoint), "svc", {}, counters, logger);
  for (int i = 0; i < 3; ++i) sender.send(spans(2));
  // Each batch was tried once.
  EXPECT_EQ(Counters::read(counters.batchesFailed), 3u);
  EXPECT_EQ(Counters::read(counters.droppedSendFailed), 6u);
  const auto errors = logger.linesStartingWith("ERROR: ");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(contains(errors[0], endpoint)) << errors[0];
}

TEST(HttpSenderTest, AServerThatHangsUpMidRequestIsAFailure) {
  HangUpServer server;
  Counters counters;
  CapturingLogger logger;
  HttpSender sender(optionsFor(server.endpoint()), "svc", {}, counters, logger);
  sender.send(spans(2));
  // The server counts the hang-up after closing, and the sender may see the close first.
  const auto deadline = Clock::now() + 5s;
  while (server.hungUp() == 0 && Clock::now() < deadline) std::this_thread::yield();
  EXPECT_GE(server.hungUp(), 1u);
  EXPECT_EQ(Counters::read(counters.batchesFailed), 1u);
  EXPECT_EQ(Counters::read(counters.droppedSendFailed), 2u);
  EXPECT_EQ(Counters::read(counters.spansReported), 0u);
  EXPECT_EQ(logger.linesStartingWith("ERROR: ").size(), 1u);
}

TEST(HttpSenderTest, ACollectorThatComesUpLaterReceivesTheLaterSpans) {
  const uint16_t port = testing::closedLoopbackPort(SOCK_STREAM);
  std::optional<testing::CollectorServer> collector;  // outlives the sender's connection
  Counters counters;
  CapturingLogger logger;
  HttpSender sender(optionsFor("http://127.0.0.1:" + std::to_string(port) + "/api/traces"), "svc",
                    {}, counters, logger);
  sender.send(spans(1));
  EXPECT_EQ(Counters::read(counters.batchesFailed), 1u);

  collector.emplace(port);
  sender.send(spans(2));
  ASSERT_TRUE(collector->waitForSpans(2, 5s));
  EXPECT_EQ(Counters::read(counters.spansReported), 2u);
  EXPECT_EQ(collector->batches().at(0).stats.failedToEmitSpans, 1);
  EXPECT_EQ(collector->batches().at(0).seqNo, 2);
  EXPECT_EQ(logger.linesStartingWith("ERROR: ").size(), 1u);
  EXPECT_EQ(logger.linesStartingWith("INFO: ").size(), 1u);
}

// ---------------------------------------------------------------------------------------------
// fork()

// Whether any descriptor of this process is a TCP connection to 127.0.0.1:port.
bool connectedTo(uint16_t port) {
  for (int fd = 0; fd < 4096; ++fd) {
    sockaddr_in peer{};
    socklen_t length = sizeof peer;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &length) == 0 &&
        peer.sin_family == AF_INET && ntohs(peer.sin_port) == port) {
      return true;
    }
  }
  return false;
}

TEST(HttpSenderTest, AForkedChildLeavesTheParentsConnectionAlone) {
  testing::CollectorServer collector;
  Counters counters;
  CapturingLogger logger;
  HttpSender sender(optionsFor(collector.endpoint()), "svc", {}, counters, logger);
  sender.send(spans(1));
  ASSERT_TRUE(collector.waitForSpans(1, 5s));
  ASSERT_TRUE(connectedTo(collector.port()));

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child's copy of the connection is closed at fork; nothing was written to it.
    _exit(connectedTo(collector.port()) ? 1 : 0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);

  // The parent goes on over the same connection.
  sender.send(spans(1));
  ASSERT_TRUE(collector.waitForSpans(2, 5s));
  const auto requests = collector.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].remotePort, requests[1].remotePort);
  EXPECT_EQ(Counters::read(counters.spansReported), 2u);
}

// ---------------------------------------------------------------------------------------------
// The whole path: Tracer::make with reporter.endpoint

Config tracerConfig(const reporters::Config& reporter) {
  return Config(false, false, samplers::Config(kSamplerTypeConst, 1), reporter);
}

reporters::Config reporterTo(const std::string& endpoint) {
  return reporters::Config(100, 1s, false, "", endpoint);
}

TEST(HttpSenderTracerTest, SpansReachTheCollectorThroughTracerMake) {
  testing::CollectorServer collector;
  auto logger = std::make_shared<CapturingLogger>();
  {
    auto tracer = std::static_pointer_cast<Tracer>(
        Tracer::make("http-e2e", tracerConfig(reporterTo(collector.endpoint())), logger));
    auto root = tracer->StartSpan("root");
    auto child = tracer->StartSpan("child", {opentracing::ChildOf(&root->context())});
    child->SetTag("http.status_code", 200);
    child->Finish();
    root->Finish();
    EXPECT_TRUE(tracer->close(5s));
    const TracerStats stats = tracer->stats();
    EXPECT_EQ(stats.spansReported, 2u);
    EXPECT_GE(stats.batchesSent, 1u);
    EXPECT_EQ(stats.droppedSendFailed, 0u);
    EXPECT_EQ(stats.batchesFailed, 0u);
  }
  ASSERT_TRUE(collector.waitForSpans(2, 5s));
  EXPECT_TRUE(collector.errors().empty());
  const auto batches = collector.batches();
  EXPECT_EQ(batches[0].process.serviceName, "http-e2e");
  const auto spans = collector.spans();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].operationName, "child");
  EXPECT_EQ(spans[0].parentSpanId, spans[1].spanId);
  EXPECT_TRUE(logger->linesStartingWith("ERROR: ").empty());
}

TEST(HttpSenderTracerTest, AMaxBatchBytesWithNoRoomBesideTheProcessIsAConfigError) {
  reporters::Config reporter = reporterTo(closedEndpoint());
  reporter.setMaxBatchBytes(1024);
  // Tracer tags that make the Process alone larger than a request may be.
  const Config config(false, false, samplers::Config(kSamplerTypeConst, 1), reporter,
                      propagation::HeadersConfig(), baggage::RestrictionsConfig(), "",
                      {Tag("big", std::string(1500, 'x'))});
  try {
    Tracer::make("too-small", config);
    FAIL() << "Tracer::make accepted a maxBatchBytes with no room for a span";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.key, "reporter.maxBatchBytes");
    EXPECT_EQ(error.value, "1024");
  }
}

TEST(HttpSenderTracerTest, ADownCollectorFailsNothingButItsSpans) {
  // As a deployment sets it: JAEGER_ENDPOINT over the configuration.
  ScopedEnv endpoint("JAEGER_ENDPOINT", closedEndpoint());
  ScopedEnv password("JAEGER_PASSWORD", "env-pass-91");
  ScopedEnv user("JAEGER_USER", "carol");
  reporters::Config reporter;
  reporter.fromEnv();
  auto logger = std::make_shared<CapturingLogger>();
  std::shared_ptr<Tracer> tracer;
  ASSERT_NO_THROW(tracer = std::static_pointer_cast<Tracer>(
                      Tracer::make("http-down", tracerConfig(reporter), logger)));
  for (int i = 0; i < 5; ++i) tracer->StartSpan("lost")->Finish();

  const auto start = Clock::now();
  EXPECT_TRUE(tracer->close(5s));
  EXPECT_LT(Clock::now() - start, 5s);
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.spansFinished, 5u);
  EXPECT_EQ(stats.droppedSendFailed, 5u);
  EXPECT_EQ(stats.spansReported, 0u);
  EXPECT_EQ(stats.batchesSent, 0u);
  EXPECT_GE(stats.batchesFailed, 1u);
  EXPECT_EQ(logger->linesStartingWith("ERROR: ").size(), 1u);
  expectNoneContain(*logger, {"env-pass-91"});
}

TEST(HttpSenderTracerTest, DropsWhileTheCollectorHangsTravelInClientStats) {
  testing::CollectorServer collector;
  collector.hang();
  auto logger = std::make_shared<CapturingLogger>();
  // The flush interval is an hour: the reporter sends when its queue of 8 is half full.
  auto tracer = std::static_pointer_cast<Tracer>(Tracer::make(
      "http-drops",
      tracerConfig(reporters::Config(8, std::chrono::hours(1), false, "", collector.endpoint())
                       .setRequestTimeout(60s)),
      logger));
  for (int i = 0; i < 8; ++i) tracer->StartSpan("taken")->Finish();
  // The reporter now sits in a request the collector holds: nothing drains the queue, so of
  // the next 100 spans at most a queue's worth is kept and the rest dropped, every time.
  ASSERT_TRUE(collector.waitForRequests(1, 10s));
  for (int i = 0; i < 100; ++i) tracer->StartSpan("burst")->Finish();
  const uint64_t dropped = tracer->stats().droppedQueueFull;
  EXPECT_GE(dropped, 100u - 8u);

  collector.resume();
  EXPECT_TRUE(tracer->close(10s));
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.droppedQueueFull, dropped);
  EXPECT_EQ(stats.spansFinished, 108u);
  EXPECT_EQ(stats.spansReported + stats.droppedQueueFull, 108u);
  ASSERT_TRUE(collector.waitForSpans(stats.spansReported, 5s));
  const auto batches = collector.batches();
  ASSERT_GE(batches.size(), 2u);
  // The first request left before the drops; a later one carries them all.
  EXPECT_EQ(batches.front().stats.fullQueueDroppedSpans, 0);
  EXPECT_EQ(batches.back().stats.fullQueueDroppedSpans, static_cast<int64_t>(dropped));
  EXPECT_EQ(collector.spans().size(), stats.spansReported);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
