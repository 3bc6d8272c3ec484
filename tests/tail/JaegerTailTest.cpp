// jaeger-tail as people and scripts use it: a real process on ports the OS picks. The tutorial's
// three services report to it over UDP and over HTTP; it must print the trace as a tree once the
// trace is quiet, stop cleanly on SIGTERM, and write a page that headless Chromium renders as a
// waterfall of 5 bars in 3 services in tree order. Garbage on every port is rejected, counted
// and reported on exit, and valid batches after it still arrive. Every wait has a deadline.
#if defined(JAEGERTRACING_EXAMPLE_FORMATTER) && defined(JAEGERTRACING_TAIL)

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <jaegertracing/Version.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TCompactProtocol.h>
#include <thrift/transport/TBufferTransports.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "agent/ThriftBatches.h"
#include "agent/UdpClient.h"
#include "support/HeadlessChromium.h"
#include "support/LoopbackSocket.h"
#include "support/Process.h"
#include "support/ProcessChecks.h"
#include "support/TempDirectory.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;
using apache::thrift::protocol::TBinaryProtocol;
using apache::thrift::protocol::TCompactProtocol;
using apache::thrift::transport::TMemoryBuffer;

constexpr auto kStartDeadline = 20s;
constexpr auto kExitDeadline = 30s;
// From the services' exit to the tree: their spans, the quiet period, a loaded machine.
constexpr auto kTraceDeadline = 60s;
constexpr const char* kQuietMs = "300";

std::string exampleConfig() {
  return (std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "examples" /
          "hello" / "config.yml")
      .string();
}

// jaeger-tail on four ports the OS picks, read line by line.
class Tail {
 public:
  explicit Tail(const std::vector<std::string>& extraArguments)
      : process_(arguments(extraArguments)) {
    const std::regex listening(R"(^listening on 127\.0\.0\.1:([0-9]+) \((.*)\)$)");
    for (int i = 0; i < 4; ++i) {
      const auto line = process_.readLine(kStartDeadline);
      std::smatch match;
      if (!line || !std::regex_match(*line, match, listening)) {
        ADD_FAILURE() << "expected \"listening on 127.0.0.1:<port> (...)\", got "
                      << (line ? "\"" + *line + "\"" : "nothing");
        return;
      }
      ports_[match[2].str()] = static_cast<uint16_t>(std::stoi(match[1].str()));
    }
  }

  uint16_t compactPort() const { return port("agent, UDP, Thrift compact"); }
  uint16_t binaryPort() const { return port("agent, UDP, Thrift binary"); }
  uint16_t collectorPort() const { return port("collector, HTTP, POST /api/traces"); }
  uint16_t otlpPort() const { return port("OTLP/HTTP, POST /v1/traces"); }
  bool listening() const { return ports_.size() == 4; }

  // Reads lines until one matches; false at the deadline or the end of output.
  bool readUntil(const std::regex& pattern, std::chrono::milliseconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      const auto line = left.count() > 0 ? process_.readLine(left) : std::nullopt;
      if (!line) {
        return false;
      }
      lines_.push_back(*line);
      if (std::regex_search(*line, pattern)) {
        return true;
      }
    }
  }

  // Reads the rest of the output and the exit status.
  std::optional<int> finish() {
    while (const auto line = process_.readLine(kExitDeadline)) {
      lines_.push_back(*line);
    }
    return process_.wait(kExitDeadline);
  }

  void signal(int number) { process_.signal(number); }
  const std::vector<std::string>& lines() const { return lines_; }
  std::string output() const {
    std::string text;
    for (const auto& line : lines_) {
      text += line + "\n";
    }
    return text;
  }
  bool printed(const std::string& line) const {
    return std::find(lines_.begin(), lines_.end(), line) != lines_.end();
  }

 private:
  static std::vector<std::string> arguments(const std::vector<std::string>& extra) {
    std::vector<std::string> all = {JAEGERTRACING_TAIL,
                                    "--agent-port",
                                    "0",
                                    "--agent-binary-port",
                                    "0",
                                    "--collector-port",
                                    "0",
                                    "--otlp-port",
                                    "0",
                                    "--timeout",
                                    "90"};
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
  }

  uint16_t port(const std::string& what) const {
    const auto found = ports_.find(what);
    return found == ports_.end() ? 0 : found->second;
  }

  Process process_;
  std::map<std::string, uint16_t> ports_;
  std::vector<std::string> lines_;
};

// The tutorial: starter Bryan calls formatter and publisher, which send their spans when they
// stop. `reporting` says where the spans go (JAEGER_AGENT_* or JAEGER_ENDPOINT).
void runTutorial(std::map<std::string, std::string> reporting) {
  std::map<std::string, std::string> environment = {
      {"JAEGER_SAMPLER_TYPE", "const"}, {"JAEGER_SAMPLER_PARAM", "1"}, {"JAEGER_AGENT_HOST", ""},
      {"JAEGER_AGENT_PORT", ""},        {"JAEGER_ENDPOINT", ""},       {"JAEGER_DISABLED", ""},
      {"JAEGER_PROPAGATION", ""},       {"JAEGER_SERVICE_NAME", ""},   {"JAEGER_TAGS", ""}};
  for (const auto& [name, value] : reporting) {
    environment[name] = value;
  }
  const std::string config = exampleConfig();
  Process formatter({JAEGERTRACING_EXAMPLE_FORMATTER, "--config", config, "--port", "0"},
                    environment);
  const std::string formatterUrl = listeningUrl(formatter, kStartDeadline, "formatter");
  ASSERT_FALSE(formatterUrl.empty());
  Process publisher({JAEGERTRACING_EXAMPLE_PUBLISHER, "--config", config, "--port", "0"},
                    environment);
  const std::string publisherUrl = listeningUrl(publisher, kStartDeadline, "publisher");
  ASSERT_FALSE(publisherUrl.empty());
  Process starter({JAEGERTRACING_EXAMPLE_STARTER, "Bryan", "--config", config, "--formatter",
                   formatterUrl, "--publisher", publisherUrl},
                  environment);
  expectExitsWith(starter, 0, kExitDeadline, "starter");
  formatter.signal(SIGTERM);
  publisher.signal(SIGTERM);
  expectExitsWith(formatter, 0, kExitDeadline, "formatter after SIGTERM");
  expectExitsWith(publisher, 0, kExitDeadline, "publisher after SIGTERM");
}

const std::regex kFullTraceHeader(
    R"(^trace [0-9a-f]{16,32}: 5 spans, 3 services \(formatter, publisher, starter\)$)");

// The tree printed last for the trace: its header and the lines after it, up to the blank line.
std::vector<std::string> lastFullTree(const std::vector<std::string>& lines) {
  std::vector<std::string> tree;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (std::regex_match(lines[i], kFullTraceHeader)) {
      tree.clear();
      for (size_t j = i; j < lines.size() && !lines[j].empty(); ++j) {
        tree.push_back(lines[j]);
      }
    }
  }
  return tree;
}

// Each line of the tutorial's tree starts so, in this order: indentation is nesting.
void expectTutorialTree(const std::vector<std::string>& tree, const std::string& output) {
  const std::vector<std::string> starts = {
      "trace ",
      "  say-hello [starter] ",
      "    formatString [starter] ",
      "      format [formatter] ",
      "          log +",
      "    printHello [starter] ",
      "      publish [publisher] ",
  };
  ASSERT_EQ(tree.size(), starts.size()) << output;
  for (size_t i = 0; i < starts.size(); ++i) {
    EXPECT_EQ(tree[i].rfind(starts[i], 0), 0u) << "line " << i << ": " << tree[i] << "\n" << output;
  }
  EXPECT_NE(tree[1].find("hello-to=Bryan"), std::string::npos) << tree[1];
  EXPECT_NE(tree[4].find("event=string-format value=Hello, Bryan!"), std::string::npos) << tree[4];
  // Piped, so no colour.
  EXPECT_EQ(output.find('\x1b'), std::string::npos) << output;
}

// The page as chromium rendered it: 5 rows in tree order, parents before children.
void expectTutorialWaterfall(const std::filesystem::path& page) {
  const DumpedDom rendered = dumpDom(JAEGERTRACING_CHROMIUM, page);
  ASSERT_TRUE(rendered.ok) << rendered.error;
  const auto rows = elementsWithAttribute(rendered.dom, "data-span-id");
  ASSERT_EQ(rows.size(), 5u) << rendered.dom;

  const std::vector<std::pair<std::string, std::string>> expected = {{"say-hello", "starter"},
                                                                     {"formatString", "starter"},
                                                                     {"format", "formatter"},
                                                                     {"printHello", "starter"},
                                                                     {"publish", "publisher"}};
  const std::vector<std::string> expectedDepths = {"0", "1", "2", "1", "2"};
  // Index of each row's parent row: say-hello has none.
  const std::vector<int> expectedParents = {-1, 0, 1, 0, 3};
  std::set<std::string> services;
  for (size_t i = 0; i < rows.size(); ++i) {
    auto row = rows[i];
    SCOPED_TRACE("row " + std::to_string(i) + ": " + row["data-operation"]);
    EXPECT_EQ(row["class"], "span");
    EXPECT_EQ(row["data-operation"], expected[i].first);
    EXPECT_EQ(row["data-service"], expected[i].second);
    EXPECT_EQ(row["data-depth"], expectedDepths[i]);
    EXPECT_EQ(row["data-span-id"].size(), 16u);
    const int parent = expectedParents[i];
    EXPECT_EQ(row["data-parent-id"], parent < 0 ? "" : rows[parent].at("data-span-id"));
    services.insert(row["data-service"]);
  }
  EXPECT_EQ(services, (std::set<std::string>{"formatter", "publisher", "starter"}));

  // A bar per span, placed on the axis by the script (left and width in per cent).
  const auto bars = elementsWithAttribute(rendered.dom, "style");
  size_t barCount = 0;
  for (const auto& element : bars) {
    const auto found = element.find("class");
    if (found != element.end() && found->second == "bar") {
      ++barCount;
      EXPECT_NE(element.at("style").find("width:"), std::string::npos) << element.at("style");
      EXPECT_NE(element.at("style").find("left:"), std::string::npos) << element.at("style");
    }
  }
  EXPECT_EQ(barCount, 5u);
  // What a click shows is in each row: say-hello's tag and format's log.
  EXPECT_NE(rendered.dom.find(">hello-to</td><td class=\"value\">Bryan</td>"), std::string::npos);
  EXPECT_NE(rendered.dom.find(">event</td><td class=\"value\">string-format</td>"),
            std::string::npos);
}

void expectTutorialJsonLines(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::map<std::string, nlohmann::json> byOperation;
  while (std::getline(in, line)) {
    const auto span = nlohmann::json::parse(line);
    byOperation[span.at("operationName").get<std::string>()] = span;
  }
  ASSERT_EQ(byOperation.size(), 5u);
  const auto idOf = [&](const std::string& operation) {
    return byOperation.at(operation).at("spanId").get<std::string>();
  };
  EXPECT_EQ(byOperation.at("say-hello").at("parentSpanId"), "0000000000000000");
  EXPECT_EQ(byOperation.at("formatString").at("parentSpanId"), idOf("say-hello"));
  EXPECT_EQ(byOperation.at("format").at("parentSpanId"), idOf("formatString"));
  EXPECT_EQ(byOperation.at("printHello").at("parentSpanId"), idOf("say-hello"));
  EXPECT_EQ(byOperation.at("publish").at("parentSpanId"), idOf("printHello"));
  EXPECT_EQ(byOperation.at("format").at("serviceName"), "formatter");
}

class JaegerTailTest : public ::testing::Test {
 protected:
  // The tutorial against jaeger-tail: the tree once the trace is quiet, a clean SIGTERM, the
  // counts, the page in chromium, the JSON lines.
  void checkTutorial(
      const std::function<std::map<std::string, std::string>(const Tail&)>& reporting,
      const std::string& receivedLine) {
    const auto page = directory_.path() / "trace.html";
    const auto json = directory_.path() / "spans.jsonl";
    Tail tail({"--quiet-ms", kQuietMs, "--html", page.string(), "--json", json.string()});
    ASSERT_TRUE(tail.listening());
    runTutorial(reporting(tail));
    ASSERT_TRUE(tail.readUntil(kFullTraceHeader, kTraceDeadline)) << tail.output();
    // The rest of the tree, then stop it as a person would.
    ASSERT_TRUE(tail.readUntil(std::regex("^$"), kExitDeadline)) << tail.output();
    tail.signal(SIGTERM);
    const auto status = tail.finish();
    ASSERT_TRUE(status) << "jaeger-tail still runs after SIGTERM";
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << describeStatus(*status) << "\n"
                                                                 << tail.output();

    expectTutorialTree(lastFullTree(tail.lines()), tail.output());
    EXPECT_TRUE(tail.printed(receivedLine)) << tail.output();
    EXPECT_TRUE(
        tail.printed("rejected 0 compact datagrams, 0 binary datagrams, 0 HTTP requests, "
                     "0 OTLP requests"))
        << tail.output();
    EXPECT_TRUE(tail.printed("wrote " + page.string() + " (waterfall page)")) << tail.output();
    expectTutorialWaterfall(page);
    expectTutorialJsonLines(json);
  }

  TempDirectory directory_;
};

TEST_F(JaegerTailTest, showsTheTutorialTraceReceivedOverUdp) {
  checkTutorial(
      [](const Tail& tail) {
        return std::map<std::string, std::string>{
            {"JAEGER_AGENT_HOST", "127.0.0.1"},
            {"JAEGER_AGENT_PORT", std::to_string(tail.compactPort())}};
      },
      "received 5 spans in 1 trace: 5 by UDP compact, 0 by UDP binary, 0 by HTTP, 0 by OTLP");
}

TEST_F(JaegerTailTest, showsTheTutorialTraceReceivedOverHttp) {
  checkTutorial(
      [](const Tail& tail) {
        return std::map<std::string, std::string>{
            {"JAEGER_ENDPOINT",
             "http://127.0.0.1:" + std::to_string(tail.collectorPort()) + "/api/traces"}};
      },
      "received 5 spans in 1 trace: 0 by UDP compact, 0 by UDP binary, 5 by HTTP, 0 by OTLP");
}

// The tutorial's programs switched to OTLP by the environment alone, gzip-compressed JSON.
TEST_F(JaegerTailTest, showsTheTutorialTraceReceivedOverOtlp) {
  checkTutorial(
      [](const Tail& tail) {
        return std::map<std::string, std::string>{
            {"OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + std::to_string(tail.otlpPort())},
            {"OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"},
            {"OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"}};
      },
      "received 5 spans in 1 trace: 0 by UDP compact, 0 by UDP binary, 0 by HTTP, 5 by OTLP");
}

// ---- garbage ----

thrift::Batch oneSpanBatch(const std::string& service, int64_t traceId) {
  return batch(service,
               {span(traceId, traceId, 0, "after-garbage", 1700000000000000 + traceId, 1000)});
}

std::string binaryBatchBody(const thrift::Batch& batch) {
  auto buffer = std::make_shared<TMemoryBuffer>();
  TBinaryProtocol protocol(buffer);
  batch.write(&protocol);
  return buffer->getBufferAsString();
}

// A Batch whose process has a tag of type 99, written field by field: the generated types cannot
// hold such a value without undefined behaviour.
std::string batchWithBadTagTypeBody() {
  using namespace apache::thrift::protocol;
  auto buffer = std::make_shared<TMemoryBuffer>();
  TBinaryProtocol protocol(buffer);
  protocol.writeStructBegin("Batch");
  protocol.writeFieldBegin("process", T_STRUCT, 1);
  protocol.writeStructBegin("Process");
  protocol.writeFieldBegin("serviceName", T_STRING, 1);
  protocol.writeString(std::string("svc"));
  protocol.writeFieldEnd();
  protocol.writeFieldBegin("tags", T_LIST, 2);
  protocol.writeListBegin(T_STRUCT, 1);
  protocol.writeStructBegin("Tag");
  protocol.writeFieldBegin("key", T_STRING, 1);
  protocol.writeString(std::string("k"));
  protocol.writeFieldEnd();
  protocol.writeFieldBegin("vType", T_I32, 2);
  protocol.writeI32(99);
  protocol.writeFieldEnd();
  protocol.writeFieldStop();
  protocol.writeStructEnd();
  protocol.writeListEnd();
  protocol.writeFieldEnd();
  protocol.writeFieldStop();
  protocol.writeStructEnd();
  protocol.writeFieldEnd();
  protocol.writeFieldBegin("spans", T_LIST, 2);
  protocol.writeListBegin(T_STRUCT, 0);
  protocol.writeListEnd();
  protocol.writeFieldEnd();
  protocol.writeFieldStop();
  protocol.writeStructEnd();
  return buffer->getBufferAsString();
}

// What a client that is not HTTP at all gets: the status line, or "" if none came.
std::string rawExchange(uint16_t port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0 &&
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size())) {
    char buffer[256];
    const ssize_t size = ::recv(fd, buffer, sizeof(buffer), 0);
    if (size > 0) {
      answer.assign(buffer, static_cast<size_t>(size));
    }
  }
  ::close(fd);
  return answer.substr(0, answer.find("\r\n"));
}

std::string randomBytes(std::mt19937& random, size_t size) {
  std::string bytes(size, '\0');
  for (auto& byte : bytes) {
    byte = static_cast<char>(random() & 0xff);
  }
  return bytes;
}

// Datagrams no agent should accept, for a port speaking `Protocol`.
template <typename Protocol, typename OtherProtocol>
std::vector<std::string> badDatagrams(std::mt19937& random) {
  std::vector<std::string> datagrams = {""};
  for (int i = 0; i < 20; ++i) {
    datagrams.push_back(randomBytes(random, 1 + random() % 2000));
  }
  const std::string good = emitBatchMessage<Protocol>(oneSpanBatch("svc", 1));
  datagrams.push_back(good.substr(0, good.size() - 3));
  datagrams.push_back(good + "x");
  datagrams.push_back(emitBatchMessage<OtherProtocol>(oneSpanBatch("svc", 1)));
  // Lengths and counts far beyond the datagram: must be refused, not allocated.
  datagrams.push_back(std::string("\x80\x01\x00\x04\x7f\xff\xff\xff", 8));
  datagrams.push_back(std::string("\x7f\xff\xff\xf0", 4) + "emitBatch");
  {
    auto buffer = std::make_shared<TMemoryBuffer>();
    Protocol protocol(buffer);
    writeEmitBatchOpening(protocol);
    protocol.writeFieldBegin("spans", apache::thrift::protocol::T_LIST, 2);
    protocol.writeListBegin(apache::thrift::protocol::T_STRUCT, 0x7ffffff0);
    datagrams.push_back(buffer->getBufferAsString());
  }
  return datagrams;
}

TEST_F(JaegerTailTest, survivesGarbageOnEveryPortAndCountsIt) {
  Tail tail({"--quiet-ms", kQuietMs, "--spans", "3"});
  ASSERT_TRUE(tail.listening());
  std::mt19937 random(20240611);  // fixed: the same garbage every run
  UdpClient udp;

  const auto compactGarbage = badDatagrams<TCompactProtocol, TBinaryProtocol>(random);
  for (const auto& datagram : compactGarbage) {
    ASSERT_TRUE(udp.send(tail.compactPort(), datagram));
  }
  const auto binaryGarbage = badDatagrams<TBinaryProtocol, TCompactProtocol>(random);
  for (const auto& datagram : binaryGarbage) {
    ASSERT_TRUE(udp.send(tail.binaryPort(), datagram));
  }

  httplib::Client http("127.0.0.1", tail.collectorPort());
  http.set_read_timeout(10, 0);
  const std::string goodBody = binaryBatchBody(oneSpanBatch("svc", 1));
  struct BadRequest {
    std::string method, path, contentType, body;
    int status;
  };
  std::vector<BadRequest> badRequests = {
      {"POST", "/api/traces?format=jaeger.thrift", "application/x-thrift", "", 400},
      {"POST", "/api/traces", "application/x-thrift", goodBody.substr(0, goodBody.size() / 2), 400},
      {"POST", "/api/traces", "application/x-thrift", goodBody + "trailing", 400},
      {"POST", "/api/traces", "application/json", goodBody, 400},
      {"POST", "/api/traces?format=zipkin.thrift", "application/x-thrift", goodBody, 400},
      {"POST", "/api/spans", "application/x-thrift", goodBody, 404},
      {"GET", "/api/traces", "", "", 405},
      // A binary Batch whose spans list claims more elements than the body has bytes.
      {"POST", "/api/traces", "application/x-thrift",
       std::string("\x0f\x00\x02\x0c\x7f\xff\xff\xf0", 8), 400},
      {"POST", "/api/traces", "application/x-thrift", batchWithBadTagTypeBody(), 400},
  };
  for (int i = 0; i < 10; ++i) {
    badRequests.push_back({"POST", "/api/traces?format=jaeger.thrift", "application/x-thrift",
                           randomBytes(random, 1 + random() % 4000), 400});
  }
  for (const auto& request : badRequests) {
    SCOPED_TRACE(request.method + " " + request.path + " " + request.contentType);
    const auto result = request.method == "GET" ? http.Get(request.path.c_str())
                                                : http.Post(request.path.c_str(), request.body,
                                                            request.contentType.c_str());
    ASSERT_TRUE(result) << httplib::to_string(result.error());
    EXPECT_EQ(result->status, request.status);
    EXPECT_FALSE(result->body.empty()) << "a rejection says why";
  }
  // Not HTTP at all: cpp-httplib answers it itself, and it is counted too.
  EXPECT_EQ(rawExchange(tail.collectorPort(), "\x16\x03\x01 no http here\r\n\r\n"),
            "HTTP/1.1 400 Bad Request");

  // Still alive, and still receiving on every port.
  ASSERT_TRUE(udp.send(tail.compactPort(), emitBatchMessage<TCompactProtocol>(
                                               oneSpanBatch("compact-after-garbage", 11))));
  ASSERT_TRUE(udp.send(tail.binaryPort(), emitBatchMessage<TBinaryProtocol>(
                                              oneSpanBatch("binary-after-garbage", 12))));
  const auto accepted =
      http.Post("/api/traces?format=jaeger.thrift",
                binaryBatchBody(oneSpanBatch("http-after-garbage", 13)), "application/x-thrift");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 202);

  const auto status = tail.finish();
  ASSERT_TRUE(status) << "jaeger-tail did not exit after its 3 spans";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << describeStatus(*status) << "\n"
                                                               << tail.output();
  EXPECT_TRUE(
      tail.printed("received 3 spans in 3 traces: 1 by UDP compact, 1 by UDP binary, 1 by HTTP, "
                   "0 by OTLP"))
      << tail.output();
  EXPECT_TRUE(tail.printed("rejected " + std::to_string(compactGarbage.size()) +
                           " compact datagrams, " + std::to_string(binaryGarbage.size()) +
                           " binary datagrams, " + std::to_string(badRequests.size() + 1) +
                           " HTTP requests, 0 OTLP requests"))
      << tail.output();
  for (const char* service :
       {"compact-after-garbage", "binary-after-garbage", "http-after-garbage"}) {
    EXPECT_TRUE(tail.printed("  after-garbage [" + std::string(service) + "] 1.000 ms"))
        << service << "\n"
        << tail.output();
  }
}

TEST(JaegerTailCommandLineTest, printsTheProjectVersion) {
  Process tail({JAEGERTRACING_TAIL, "--version"});
  EXPECT_EQ(tail.readLine(kExitDeadline).value_or("<nothing>"),
            std::string("jaeger-tail ") + JAEGERTRACING_VERSION);
  expectExitsWith(tail, 0, kExitDeadline, "jaeger-tail --version");
}

TEST(JaegerTailCommandLineTest, refusesBadArgumentsWithStatusTwo) {
  for (const std::vector<std::string>& arguments :
       std::vector<std::vector<std::string>>{{"--bogus"},
                                             {"--agent-port", "65536"},
                                             {"--quiet-ms", "-1"},
                                             {"--timeout"},
                                             {"--host", "not a host name!", "--agent-port", "0"}}) {
    std::vector<std::string> argv = {JAEGERTRACING_TAIL};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    Process tail(argv);
    expectExitsWith(tail, 2, kExitDeadline, "jaeger-tail " + arguments.front());
    EXPECT_FALSE(tail.readLine(1s)) << "nothing on stdout for " << arguments.front();
  }
}

TEST(JaegerTailCommandLineTest, aTakenPortIsAnError) {
  uint16_t port = 0;
  const int taken = bindLoopback(SOCK_DGRAM, port);
  ASSERT_GE(taken, 0);
  Process tail({JAEGERTRACING_TAIL, "--agent-port", std::to_string(port), "--agent-binary-port",
                "0", "--collector-port", "0", "--otlp-port", "0"});
  expectExitsWith(tail, 2, kExitDeadline, "jaeger-tail on a taken port");
  ::close(taken);
}

// The error names the port asked for (it said ":0" when a fixed HTTP port was taken).
TEST(JaegerTailCommandLineTest, aTakenHttpPortIsNamedInTheError) {
  uint16_t takenPort = 0;
  const int taken = bindLoopback(SOCK_STREAM, takenPort);
  ASSERT_GE(taken, 0);
  ASSERT_EQ(::listen(taken, 1), 0);
  const std::string port = std::to_string(takenPort);
  // stderr into the pipe Process reads.
  Process tail({"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1", JAEGERTRACING_TAIL, "--agent-port", "0",
                "--agent-binary-port", "0", "--collector-port", port, "--otlp-port", "0"});
  std::vector<std::string> said;
  while (auto line = tail.readLine(kExitDeadline)) said.push_back(*line);
  expectExitsWith(tail, 2, kExitDeadline, "jaeger-tail on a taken collector port");
  const std::string expected = "cannot bind 127.0.0.1:" + port + " for the ";
  EXPECT_TRUE(std::any_of(
      said.begin(), said.end(),
      [&](const std::string& line) { return line.find(expected) != std::string::npos; }))
      << "expected a line with \"" << expected << "\"; got " << ::testing::PrintToString(said);
  ::close(taken);
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_EXAMPLE_FORMATTER && JAEGERTRACING_TAIL
