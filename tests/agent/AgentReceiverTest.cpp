// The test agent on its own: batches encoded here with the generated Thrift client (the
// reference encoder) and sent over a real UDP socket must come back field for field; anything
// else is counted as malformed without stopping the receiver.
#include <Agent.h>
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TCompactProtocol.h>
#include <thrift/transport/TBufferTransports.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "agent/AgentReceiver.h"
#include "agent/ThriftBatches.h"
#include "agent/UdpClient.h"

namespace jaegertracing {
namespace testing {
namespace {

using apache::thrift::protocol::TBinaryProtocol;
using apache::thrift::protocol::TCompactProtocol;
using apache::thrift::transport::TMemoryBuffer;
using namespace std::chrono_literals;

constexpr auto kDeadline = 5s;

thrift::Span makeSpan(int64_t spanId, int64_t parentId, const std::string& operation) {
  thrift::Span result = span(0x1234, spanId, parentId, operation, 1700000000000000 + spanId, 1500);
  result.__set_tags({stringTag("span.kind", "client")});
  return result;
}

thrift::Batch makeBatch(const std::string& service, std::vector<thrift::Span> spans) {
  thrift::Batch result = batch(service, std::move(spans));
  result.process.__set_tags({stringTag("hostname", "test")});
  result.__set_seqNo(7);
  return result;
}

// A compact message with the given name and type around a batch.
std::string encodeMessage(const std::string& name, apache::thrift::protocol::TMessageType type,
                          const thrift::Batch& batch) {
  auto buffer = std::make_shared<TMemoryBuffer>();
  TCompactProtocol protocol(buffer);
  protocol.writeMessageBegin(name, type, 0);
  agent::thrift::Agent_emitBatch_args args;
  args.batch = batch;
  args.write(&protocol);
  protocol.writeMessageEnd();
  return buffer->getBufferAsString();
}

TEST(AgentReceiverTest, bindsLoopbackOnAPortTheOsPicks) {
  AgentReceiver receiver;
  EXPECT_NE(receiver.port(), 0);
  EXPECT_EQ(receiver.hostPort(), "127.0.0.1:" + std::to_string(receiver.port()));
  EXPECT_TRUE(receiver.batches().empty());
  EXPECT_EQ(receiver.malformedDatagrams(), 0u);
}

TEST(AgentReceiverTest, decodesBatchesInArrivalOrderFieldForField) {
  AgentReceiver receiver;
  UdpClient client;

  thrift::Span child = makeSpan(2, 1, "child");
  thrift::Log log;
  log.timestamp = child.startTime + 10;
  log.fields = {stringTag("event", "string-format")};
  child.__set_logs({log});
  thrift::SpanRef reference;
  reference.refType = thrift::SpanRefType::CHILD_OF;
  reference.traceIdLow = child.traceIdLow;
  reference.traceIdHigh = child.traceIdHigh;
  reference.spanId = 1;
  child.__set_references({reference});
  const thrift::Batch first = makeBatch("first", {makeSpan(1, 0, "root"), child});
  thrift::Batch second = makeBatch("second", {makeSpan(3, 2, "grandchild")});
  thrift::ClientStats stats;
  stats.fullQueueDroppedSpans = 1;
  stats.tooLargeDroppedSpans = 2;
  stats.failedToEmitSpans = 3;
  second.__set_stats(stats);

  const std::string firstDatagram = emitBatchMessage<TCompactProtocol>(first);
  const std::string secondDatagram = emitBatchMessage<TCompactProtocol>(second);
  ASSERT_TRUE(client.send(receiver.port(), firstDatagram));
  ASSERT_TRUE(client.send(receiver.port(), secondDatagram));

  ASSERT_TRUE(receiver.waitForSpans(3, kDeadline));
  const auto batches = receiver.batches();
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_EQ(batches[0], first);
  EXPECT_EQ(batches[1], second);
  EXPECT_TRUE(batches[1].__isset.stats);
  EXPECT_EQ(batches[1].stats.failedToEmitSpans, 3);

  const auto spans = receiver.spans();
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].operationName, "root");
  EXPECT_EQ(spans[1].operationName, "child");
  ASSERT_EQ(spans[1].logs.size(), 1u);
  EXPECT_EQ(spans[1].logs[0].fields[0].vStr, "string-format");
  EXPECT_EQ(spans[2].operationName, "grandchild");

  EXPECT_EQ(receiver.datagramSizes(),
            (std::vector<size_t>{firstDatagram.size(), secondDatagram.size()}));
  EXPECT_EQ(receiver.malformedDatagrams(), 0u);
}

TEST(AgentReceiverTest, decodesADatagramOfAlmostTheAgentsLimit) {
  AgentReceiver receiver;
  UdpClient client;
  thrift::Span span = makeSpan(1, 0, "big");
  span.tags.push_back(stringTag("payload", std::string(64000, 'x')));
  const std::string datagram = emitBatchMessage<TCompactProtocol>(makeBatch("big", {span}));
  ASSERT_GT(datagram.size(), 64000u);
  ASSERT_LE(datagram.size(), 65000u);

  ASSERT_TRUE(client.send(receiver.port(), datagram));
  ASSERT_TRUE(receiver.waitForSpans(1, kDeadline));
  EXPECT_EQ(receiver.spans()[0].tags.back().vStr.size(), 64000u);
  EXPECT_EQ(receiver.datagramSizes(), std::vector<size_t>{datagram.size()});
}

TEST(AgentReceiverTest, countsMalformedDatagramsAndKeepsReceiving) {
  AgentReceiver receiver;
  UdpClient client;
  const thrift::Batch batch = makeBatch("svc", {makeSpan(1, 0, "op")});
  const std::string good = emitBatchMessage<TCompactProtocol>(batch);

  ASSERT_TRUE(client.send(receiver.port(), "not thrift at all"));
  ASSERT_TRUE(client.send(receiver.port(), ""));
  // The agent's other port takes the binary protocol; this one must not accept it.
  ASSERT_TRUE(client.send(receiver.port(), emitBatchMessage<TBinaryProtocol>(batch)));
  ASSERT_TRUE(client.send(receiver.port(),
                          encodeMessage("emitBatches", apache::thrift::protocol::T_ONEWAY, batch)));
  ASSERT_TRUE(client.send(receiver.port(),
                          encodeMessage("emitBatch", apache::thrift::protocol::T_CALL, batch)));
  ASSERT_TRUE(client.send(receiver.port(), good.substr(0, good.size() / 2)));
  ASSERT_TRUE(client.send(receiver.port(), good + "trailing"));
  // A batch without its required spans list.
  {
    auto buffer = std::make_shared<TMemoryBuffer>();
    TCompactProtocol protocol(buffer);
    writeEmitBatchOpening(protocol);
    protocol.writeFieldBegin("process", apache::thrift::protocol::T_STRUCT, 1);
    batch.process.write(&protocol);
    protocol.writeFieldEnd();
    protocol.writeFieldStop();
    protocol.writeStructEnd();
    protocol.writeFieldEnd();
    protocol.writeFieldStop();
    protocol.writeStructEnd();
    protocol.writeMessageEnd();
    ASSERT_TRUE(client.send(receiver.port(), buffer->getBufferAsString()));
  }
  ASSERT_TRUE(client.send(receiver.port(), good));

  // One socket, one thread: when the last datagram is in, every earlier one was decoded.
  ASSERT_TRUE(receiver.waitForSpans(1, kDeadline));
  EXPECT_EQ(receiver.malformedDatagrams(), 8u);
  const auto errors = receiver.errors();
  ASSERT_EQ(errors.size(), 8u);
  EXPECT_NE(errors[3].find("emitBatches"), std::string::npos) << errors[3];
  EXPECT_NE(errors[4].find("not ONEWAY"), std::string::npos) << errors[4];
  EXPECT_NE(errors[6].find("bytes after the message"), std::string::npos) << errors[6];
  ASSERT_EQ(receiver.batches().size(), 1u);
  EXPECT_EQ(receiver.batches()[0], batch);
  EXPECT_EQ(receiver.datagramSizes().size(), 9u);
}

TEST(AgentReceiverTest, theBinaryPortTakesTheBinaryProtocolOnly) {
  std::vector<thrift::Batch> handled;
  std::mutex handledMutex;
  AgentReceiver receiver(AgentReceiver::Endpoint{"127.0.0.1", 0, ThriftProtocol::kBinary},
                         [&](thrift::Batch&& batch) {
                           std::lock_guard<std::mutex> lock(handledMutex);
                           handled.push_back(std::move(batch));
                         });
  EXPECT_EQ(receiver.protocol(), ThriftProtocol::kBinary);
  UdpClient client;
  const thrift::Batch batch = makeBatch("svc", {makeSpan(1, 0, "op"), makeSpan(2, 1, "child")});
  ASSERT_TRUE(client.send(receiver.port(), emitBatchMessage<TCompactProtocol>(batch)));
  // A name length far beyond the datagram: refused before anything is allocated for it.
  ASSERT_TRUE(client.send(receiver.port(), std::string("\x7f\xff\xff\xf0", 4) + "emitBatch"));
  ASSERT_TRUE(client.send(receiver.port(), emitBatchMessage<TBinaryProtocol>(batch)));

  ASSERT_TRUE(receiver.waitForSpans(2, kDeadline));
  EXPECT_EQ(receiver.receivedSpans(), 2u);
  EXPECT_EQ(receiver.malformedDatagrams(), 2u);
  {
    std::lock_guard<std::mutex> lock(handledMutex);
    ASSERT_EQ(handled.size(), 1u);
    EXPECT_EQ(handled[0], batch);
  }
  // Given to the handler, not kept.
  EXPECT_TRUE(receiver.batches().empty());
  EXPECT_TRUE(receiver.datagramSizes().empty());
}

TEST(AgentReceiverTest, listensOnIpv6Loopback) {
  AgentReceiver receiver(AgentReceiver::Endpoint{"::1", 0, ThriftProtocol::kCompact});
  EXPECT_EQ(receiver.hostPort(), "[::1]:" + std::to_string(receiver.port()));
  const int socket = ::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_in6 address{};
  address.sin6_family = AF_INET6;
  address.sin6_port = htons(receiver.port());
  address.sin6_addr = in6addr_loopback;
  const std::string datagram =
      emitBatchMessage<TCompactProtocol>(makeBatch("v6", {makeSpan(1, 0, "op")}));
  ASSERT_EQ(::sendto(socket, datagram.data(), datagram.size(), 0,
                     reinterpret_cast<const sockaddr*>(&address), sizeof(address)),
            static_cast<ssize_t>(datagram.size()));
  ::close(socket);
  ASSERT_TRUE(receiver.waitForSpans(1, kDeadline));
  EXPECT_EQ(receiver.batches()[0].process.serviceName, "v6");
}

TEST(AgentReceiverTest, stopEndsReceivingAndKeepsTheCounts) {
  AgentReceiver receiver;
  UdpClient client;
  ASSERT_TRUE(client.send(receiver.port(), "junk"));
  ASSERT_TRUE(client.send(receiver.port(), emitBatchMessage<TCompactProtocol>(
                                               makeBatch("svc", {makeSpan(1, 0, "op")}))));
  ASSERT_TRUE(receiver.waitForSpans(1, kDeadline));
  receiver.stop();
  receiver.stop();  // idempotent
  EXPECT_EQ(receiver.malformedDatagrams(), 1u);
  EXPECT_EQ(receiver.receivedSpans(), 1u);
}

TEST(AgentReceiverTest, waitForSpansReturnsFalseAtItsDeadline) {
  AgentReceiver receiver;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(receiver.waitForSpans(1, 50ms));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
  EXPECT_TRUE(receiver.waitForSpans(0, 0ms));
}

TEST(AgentReceiverTest, cancelWaitsWakesAWaiter) {
  AgentReceiver receiver;
  std::thread canceller([&] { receiver.cancelWaits(); });
  // Without the cancel this would wait for the whole minute.
  EXPECT_FALSE(receiver.waitForSpans(1, std::chrono::minutes(1)));
  canceller.join();
}

TEST(AgentReceiverTest, stopsPromptlyWhetherIdleOrBusy) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    AgentReceiver receiver;
    UdpClient client;
    if (i % 2 == 0) {
      ASSERT_TRUE(
          client.send(receiver.port(), emitBatchMessage<TCompactProtocol>(makeBatch("svc", {}))));
    }
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(AgentReceiverTest, aTakenPortIsAnError) {
  AgentReceiver first;
  EXPECT_THROW(AgentReceiver second(first.port()), std::system_error);
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
