#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>

#include "agent/AgentReceiver.h"
#include "senders/UdpSender.h"
#include "support/LoopbackSocket.h"
#include "support/SpanRecordConversion.h"
#include "support/SpanRecords.h"

namespace jaegertracing {
namespace detail {
namespace {

using namespace std::chrono_literals;

using testing::spanWithPayload;

struct Fixture {
  testing::AgentReceiver agent;
  Counters counters;
  std::unique_ptr<logging::Logger> logger = logging::nullLogger();
  UdpSender sender;

  explicit Fixture(size_t maxPacketSize)
      : sender("127.0.0.1", agent.port(), maxPacketSize, "svc",
               {SpanTag{"jaeger.version", std::string("C++-test")}}, counters, *logger) {}
};

TEST(UdpSenderTest, SplitsBatchesAtTheDatagramLimitAndNumbersThem) {
  Fixture f(4000);
  std::vector<std::unique_ptr<SpanRecord>> spans;
  // Each span is about 1 KB: three fit in a 4000-byte datagram with the overhead, four do not.
  for (uint64_t id = 1; id <= 10; ++id) spans.push_back(spanWithPayload(id, 1000));
  f.sender.send(spans);

  ASSERT_TRUE(f.agent.waitForSpans(10, 5s));
  EXPECT_EQ(f.agent.malformedDatagrams(), 0u);
  for (size_t size : f.agent.datagramSizes()) EXPECT_LE(size, 4000u);
  const auto batches = f.agent.batches();
  ASSERT_GE(batches.size(), 3u);
  std::vector<uint64_t> ids;
  for (size_t i = 0; i < batches.size(); ++i) {
    EXPECT_EQ(batches[i].seqNo, static_cast<int64_t>(i + 1));
    EXPECT_EQ(batches[i].process.serviceName, "svc");
    for (const auto& span : batches[i].spans) ids.push_back(static_cast<uint64_t>(span.spanId));
  }
  EXPECT_EQ(ids, (std::vector<uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(Counters::read(f.counters.spansReported), 10u);
  EXPECT_EQ(Counters::read(f.counters.batchesSent), batches.size());
}

TEST(UdpSenderTest, SpansNearTheLimitFitExactlyOrAreDroppedAndCounted) {
  const size_t limit = 65000;
  Fixture f(limit);
  const size_t budget = limit - f.sender.overheadBytes();
  std::vector<std::unique_ptr<SpanRecord>> spans;
  // A span whose encoding is just under the budget, and one far over it.
  spans.push_back(spanWithPayload(1, budget - 200));
  spans.push_back(spanWithPayload(2, limit + 10));
  spans.push_back(spanWithPayload(3, 10));
  f.sender.send(spans);

  ASSERT_TRUE(f.agent.waitForSpans(2, 5s));
  for (size_t size : f.agent.datagramSizes()) EXPECT_LE(size, limit);
  EXPECT_EQ(Counters::read(f.counters.droppedTooLarge), 1u);
  EXPECT_EQ(Counters::read(f.counters.spansReported), 2u);
  const auto received = f.agent.spans();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].spanId, 1);
  EXPECT_EQ(received[1].spanId, 3);
  // The drop travels to Jaeger in the next batch's ClientStats.
  const auto batches = f.agent.batches();
  EXPECT_EQ(batches.back().stats.tooLargeDroppedSpans, 1);
}

TEST(UdpSenderTest, FailedSendsAreCountedAndNeverRetriedForever) {
  Counters counters;
  auto logger = logging::nullLogger();
  // Nobody listens: the kernel answers a connected UDP socket with "connection refused".
  UdpSender sender("127.0.0.1", testing::closedLoopbackPort(SOCK_DGRAM), 65000, "svc", {}, counters,
                   *logger);
  std::vector<std::unique_ptr<SpanRecord>> spans;
  spans.push_back(spanWithPayload(1, 10));
  for (int i = 0; i < 6; ++i) sender.send(spans);
  // Each batch was tried once: sent, or failed and counted.
  EXPECT_EQ(Counters::read(counters.batchesFailed) + Counters::read(counters.batchesSent), 6u);
  EXPECT_GE(Counters::read(counters.droppedSendFailed), 1u);
  EXPECT_EQ(Counters::read(counters.droppedSendFailed) + Counters::read(counters.spansReported),
            6u);
}

TEST(UdpSenderTest, AnAgentThatComesUpLaterReceivesTheLaterSpans) {
  Counters counters;
  auto logger = logging::nullLogger();
  const uint16_t port = testing::closedLoopbackPort(SOCK_DGRAM);
  UdpSender sender("127.0.0.1", port, 65000, "svc", {}, counters, *logger);
  std::vector<std::unique_ptr<SpanRecord>> spans;
  spans.push_back(spanWithPayload(1, 10));
  sender.send(spans);
  sender.send(spans);
  testing::AgentReceiver agent(port);
  // A refusal from before the agent came up may still be pending on the socket: the sender
  // reconnects after it, so one of the next few batches arrives.
  bool arrived = false;
  for (int attempt = 0; attempt < 5 && !arrived; ++attempt) {
    sender.send(spans);
    arrived = agent.waitForSpans(1, 1s);
  }
  EXPECT_TRUE(arrived);
}

TEST(UdpSenderTest, AHostNameThatComesToMeanAnotherAddressIsFollowed) {
  testing::AgentReceiver first;
  testing::AgentReceiver second;
  std::atomic<uint16_t> target{first.port()};
  // A test resolver stands in for DNS or /etc/hosts: "agent.test" means whichever agent
  // `target` names at the time of the lookup.
  Resolver resolver = [&target](const std::string& host, uint16_t, std::string& error) {
    std::vector<ResolvedAddress> addresses;
    if (host != "agent.test") {
      error = "unknown host " + host;
      return addresses;
    }
    ResolvedAddress address;
    auto* ipv4 = reinterpret_cast<sockaddr_in*>(&address.address);
    ipv4->sin_family = AF_INET;
    ipv4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ipv4->sin_port = htons(target.load());
    address.length = sizeof(sockaddr_in);
    addresses.push_back(address);
    return addresses;
  };
  Counters counters;
  auto logger = logging::nullLogger();
  UdpSender sender("agent.test", 6831, 65000, "svc", {}, counters, *logger,
                   std::chrono::milliseconds(0), resolver);
  std::vector<std::unique_ptr<SpanRecord>> spans;
  spans.push_back(spanWithPayload(1, 10));
  sender.send(spans);
  ASSERT_TRUE(first.waitForSpans(1, 5s));
  target.store(second.port());
  sender.send(spans);
  ASSERT_TRUE(second.waitForSpans(1, 5s));
  EXPECT_EQ(first.spans().size(), 1u);
}

TEST(UdpSenderTest, IPv6AgentsWork) {
  const int probe = socket(AF_INET6, SOCK_DGRAM, 0);
  sockaddr_in6 address{};
  address.sin6_family = AF_INET6;
  address.sin6_addr = in6addr_loopback;
  if (probe < 0 || bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    if (probe >= 0) close(probe);
    GTEST_SKIP() << "no IPv6 loopback on this machine";
  }
  socklen_t length = sizeof address;
  getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length);
  timeval timeout{5, 0};
  setsockopt(probe, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);

  Counters counters;
  auto logger = logging::nullLogger();
  UdpSender sender("::1", ntohs(address.sin6_port), 65000, "svc", {}, counters, *logger);
  std::vector<std::unique_ptr<SpanRecord>> spans;
  spans.push_back(spanWithPayload(1, 10));
  sender.send(spans);
  char datagram[65536];
  const ssize_t received = recv(probe, datagram, sizeof datagram, 0);
  close(probe);
  EXPECT_GT(received, 0);
  EXPECT_EQ(Counters::read(counters.spansReported), 1u);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
