// jaeger-tail and Jaeger v2 receive the same run and must agree: the tutorial's services send
// their datagrams to a relay in the test, which passes each one on to both, so both decode the
// very same bytes. Every span jaeger-tail wrote (--json) is in Jaeger's trace with the same ids,
// parent, service, times, tags and logs, and Jaeger has no span jaeger-tail lacks.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "jaeger/JaegerV2.h"
#include "jaeger/Tutorial.h"
#include "support/LoopbackSocket.h"
#include "support/Process.h"
#include "support/TempDirectory.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kStartDeadline = 20s;
constexpr auto kTraceDeadline = 30s;
constexpr auto kExitDeadline = 60s;

// Receives datagrams on 127.0.0.1:<port()> and sends each, unchanged, to every target.
class UdpRelay {
 public:
  explicit UdpRelay(std::vector<uint16_t> targets) : targets_(std::move(targets)) {
    socket_ = bindLoopback(SOCK_DGRAM, port_);
    if (socket_ < 0) throw std::runtime_error("cannot bind the relay");
    thread_ = std::thread([this] { run(); });
  }
  ~UdpRelay() {
    stop_ = true;
    thread_.join();
    ::close(socket_);
  }
  uint16_t port() const { return port_; }
  size_t relayed() const { return relayed_; }

 private:
  void run() {
    std::vector<char> datagram(65536);
    while (!stop_) {
      // The poll's timeout is how often the stop flag is read.
      pollfd entry{socket_, POLLIN, 0};
      if (::poll(&entry, 1, 50) <= 0) continue;
      const ssize_t size = ::recv(socket_, datagram.data(), datagram.size(), 0);
      if (size <= 0) continue;
      for (const uint16_t target : targets_) {
        const sockaddr_in to = loopbackAddress(target);
        ::sendto(socket_, datagram.data(), static_cast<size_t>(size), 0,
                 reinterpret_cast<const sockaddr*>(&to), sizeof(to));
      }
      ++relayed_;
    }
  }

  std::vector<uint16_t> targets_;
  int socket_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<size_t> relayed_{0};
  std::thread thread_;
};

// key -> value of jaeger-tail's [{"key", "value"}] or Jaeger's [{"key", "type", "value"}].
std::map<std::string, nlohmann::json> byKey(const nlohmann::json& tags) {
  std::map<std::string, nlohmann::json> values;
  for (const auto& tag : tags) values[tag.at("key").get<std::string>()] = tag.at("value");
  return values;
}

TEST(JaegerTailAgreesTest, bothReceiveTheSameTutorialRunAndShowTheSameSpans) {
  JaegerV2 jaeger;
  ASSERT_TRUE(jaeger.ready());
  TempDirectory directory;
  const auto json = directory.path() / "spans.jsonl";
  Process tail({JAEGERTRACING_TAIL, "--agent-port", "0", "--agent-binary-port", "0",
                "--collector-port", "0", "--spans", "5", "--timeout", "60", "--quiet-ms", "300",
                "--no-color", "--json", json.string()});
  const std::regex compact(
      R"(^listening on 127\.0\.0\.1:([0-9]+) \(agent, UDP, Thrift compact\)$)");
  uint16_t tailPort = 0;
  for (int i = 0; i < 3 && tailPort == 0; ++i) {
    const auto line = tail.readLine(kStartDeadline);
    ASSERT_TRUE(line) << "jaeger-tail did not say where it listens";
    std::smatch match;
    if (std::regex_match(*line, match, compact)) tailPort = std::stoi(match[1].str());
  }
  ASSERT_NE(tailPort, 0);

  UdpRelay relay({tailPort, jaeger.compactPort()});
  runTutorial(
      {{"JAEGER_AGENT_HOST", "127.0.0.1"}, {"JAEGER_AGENT_PORT", std::to_string(relay.port())}});
  ASSERT_FALSE(::testing::Test::HasFailure());

  // jaeger-tail exits by itself once the 5 spans are in.
  while (tail.readLine(kExitDeadline)) {
  }
  const auto status = tail.wait(kExitDeadline);
  ASSERT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "jaeger-tail " << (status ? describeStatus(*status) : "still runs");
  const auto trace = jaeger.waitForTrace("starter", 5, kTraceDeadline);
  ASSERT_TRUE(trace) << jaeger.log();
  EXPECT_GT(relay.relayed(), 0u);

  std::ifstream in(json);
  std::string line;
  size_t compared = 0;
  while (std::getline(in, line)) {
    const auto tailSpan = nlohmann::json::parse(line);
    const std::string operation = tailSpan.at("operationName");
    SCOPED_TRACE(operation);
    const nlohmann::json* span = spanNamed(*trace, operation);
    ASSERT_NE(span, nullptr) << trace->dump(1);
    ++compared;
    EXPECT_EQ(span->at("traceID"), tailSpan.at("traceId"));
    EXPECT_EQ(span->at("spanID"), tailSpan.at("spanId"));
    EXPECT_EQ(serviceOf(*trace, *span), tailSpan.at("serviceName"));
    EXPECT_EQ(span->at("startTime"), tailSpan.at("startTime"));
    EXPECT_EQ(span->at("duration"), tailSpan.at("duration"));
    const auto& references = span->at("references");
    if (tailSpan.at("parentSpanId") == "0000000000000000") {
      EXPECT_TRUE(references.empty()) << references.dump();
    } else {
      ASSERT_EQ(references.size(), 1u) << references.dump();
      EXPECT_EQ(references[0].at("spanID"), tailSpan.at("parentSpanId"));
    }
    EXPECT_EQ(byKey(span->at("tags")), byKey(tailSpan.at("tags")));
    ASSERT_EQ(span->at("logs").size(), tailSpan.at("logs").size());
    for (size_t i = 0; i < tailSpan.at("logs").size(); ++i) {
      EXPECT_EQ(span->at("logs")[i].at("timestamp"), tailSpan.at("logs")[i].at("timestamp"));
      EXPECT_EQ(byKey(span->at("logs")[i].at("fields")),
                byKey(tailSpan.at("logs")[i].at("fields")));
    }
  }
  EXPECT_EQ(compared, 5u) << "jaeger-tail's spans";
  EXPECT_EQ(trace->at("spans").size(), compared);
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
