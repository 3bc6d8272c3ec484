// The tutorial end to end: formatter, publisher and starter run as real processes, report over
// real UDP to an in-process agent, and the agent must see one trace of five spans in three
// services with the right parents, tags and logs. Ports are the OS's choice; every wait has a
// deadline.
#ifdef JAEGERTRACING_EXAMPLE_FORMATTER

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "agent/AgentReceiver.h"
#include "agent/TraceTree.h"
#include "support/LoopbackSocket.h"
#include "support/Process.h"
#include "support/ProcessChecks.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kStartDeadline = 20s;
constexpr auto kExitDeadline = 30s;
constexpr auto kSpansDeadline = 15s;

// jaeger-client-cpp's example configuration, which must keep working unchanged.
std::string exampleConfig() {
  return (std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "examples" /
          "hello" / "config.yml")
      .string();
}

const thrift::Tag* findTag(const std::vector<thrift::Tag>& tags, const std::string& key) {
  for (const auto& tag : tags) {
    if (tag.key == key) {
      return &tag;
    }
  }
  return nullptr;
}

// The tag's value as text, or "<no KEY>" so a failed comparison says what was missing.
std::string tagText(const std::vector<thrift::Tag>& tags, const std::string& key) {
  const thrift::Tag* tag = findTag(tags, key);
  return tag == nullptr ? "<no " + key + ">" : tagValueText(*tag);
}

bool isTrueBool(const thrift::Tag* tag) {
  return tag != nullptr && tag->vType == thrift::TagType::BOOL && tag->vBool;
}

// A port on which nothing accepts connections: bound, never listening, so nobody else gets it
// while the test runs and connecting is refused at once.
class RefusingPort {
 public:
  RefusingPort() : socket_(bindLoopback(SOCK_STREAM, port_)) {}
  ~RefusingPort() { ::close(socket_); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  uint16_t port_ = 0;  // before socket_, which sets it
  int socket_;
};

// What the agent received, indexed: spans by operation name (each must be unique in these
// tests) and the service of each span.
struct Received {
  explicit Received(const std::vector<thrift::Batch>& batches) {
    for (const auto& batch : batches) {
      for (const auto& span : batch.spans) {
        byOperation[span.operationName].push_back(span);
        serviceOf[span.spanId] = batch.process.serviceName;
        services.insert(batch.process.serviceName);
        ++count;
      }
    }
  }

  const thrift::Span* one(const std::string& operationName) const {
    const auto found = byOperation.find(operationName);
    return found != byOperation.end() && found->second.size() == 1 ? &found->second[0] : nullptr;
  }

  std::map<std::string, std::vector<thrift::Span>> byOperation;
  std::map<int64_t, std::string> serviceOf;
  std::set<std::string> services;
  size_t count = 0;
};

class ExampleTest : public ::testing::Test {
 protected:
  // The agent is ours; everything else in the environment that could send spans elsewhere or
  // change what they look like is blanked (an empty JAEGER_* variable is not applied).
  std::map<std::string, std::string> environment() const {
    return {{"JAEGER_AGENT_HOST", "127.0.0.1"},
            {"JAEGER_AGENT_PORT", std::to_string(agent_.port())},
            {"JAEGER_SAMPLER_TYPE", "const"},
            {"JAEGER_SAMPLER_PARAM", "1"},
            {"JAEGER_ENDPOINT", ""},
            {"JAEGER_DISABLED", ""},
            {"JAEGER_PROPAGATION", ""},
            {"JAEGER_SERVICE_NAME", ""},
            {"JAEGER_TAGS", ""}};
  }

  static std::string listeningUrl(Process& server) {
    return testing::listeningUrl(server, kStartDeadline);
  }

  static void expectExitsWith(Process& process, int code, const std::string& what) {
    testing::expectExitsWith(process, code, kExitDeadline, what);
  }

  std::string receivedTree() const { return "received:\n" + renderTraceTree(agent_.batches()); }

  AgentReceiver agent_;
};

TEST_F(ExampleTest, oneTraceOfFiveSpansAcrossThreeServices) {
  const std::string config = exampleConfig();
  ASSERT_TRUE(std::filesystem::exists(config)) << config;

  Process formatter({JAEGERTRACING_EXAMPLE_FORMATTER, "--config", config, "--port", "0"},
                    environment());
  const std::string formatterUrl = listeningUrl(formatter);
  ASSERT_FALSE(formatterUrl.empty());
  Process publisher({JAEGERTRACING_EXAMPLE_PUBLISHER, "--config", config, "--port", "0"},
                    environment());
  const std::string publisherUrl = listeningUrl(publisher);
  ASSERT_FALSE(publisherUrl.empty());

  Process starter({JAEGERTRACING_EXAMPLE_STARTER, "Bryan", "--config", config, "--formatter",
                   formatterUrl, "--publisher", publisherUrl},
                  environment());
  expectExitsWith(starter, 0, "starter");
  EXPECT_EQ(publisher.readLine(kStartDeadline).value_or("<nothing>"), "Hello, Bryan!");

  // The servers send their spans when they close their tracer, on SIGTERM.
  formatter.signal(SIGTERM);
  publisher.signal(SIGTERM);
  expectExitsWith(formatter, 0, "formatter after SIGTERM");
  expectExitsWith(publisher, 0, "publisher after SIGTERM");

  ASSERT_TRUE(agent_.waitForSpans(5, kSpansDeadline)) << receivedTree();
  EXPECT_EQ(agent_.malformedDatagrams(), 0u);
  const Received received(agent_.batches());
  ASSERT_EQ(received.count, 5u) << receivedTree();
  EXPECT_EQ(received.services, (std::set<std::string>{"formatter", "publisher", "starter"}));

  const thrift::Span* sayHello = received.one("say-hello");
  const thrift::Span* formatString = received.one("formatString");
  const thrift::Span* format = received.one("format");
  const thrift::Span* printHello = received.one("printHello");
  const thrift::Span* publish = received.one("publish");
  ASSERT_TRUE(sayHello && formatString && format && printHello && publish) << receivedTree();

  for (const thrift::Span* span : {sayHello, formatString, format, printHello, publish}) {
    SCOPED_TRACE(span->operationName);
    EXPECT_EQ(span->traceIdLow, sayHello->traceIdLow);
    EXPECT_EQ(span->traceIdHigh, sayHello->traceIdHigh);
    EXPECT_NE(span->flags & 0x1, 0) << "sampled flag";
    // A reference, if the tracer lists it, is the same parent in the same trace.
    for (const auto& reference : span->references) {
      EXPECT_EQ(reference.traceIdLow, span->traceIdLow);
      EXPECT_EQ(reference.traceIdHigh, span->traceIdHigh);
      if (reference.refType == thrift::SpanRefType::CHILD_OF) {
        EXPECT_EQ(reference.spanId, span->parentSpanId);
      }
    }
  }
  EXPECT_TRUE(sayHello->traceIdLow != 0 || sayHello->traceIdHigh != 0);
  EXPECT_EQ(std::set<int64_t>({sayHello->spanId, formatString->spanId, format->spanId,
                               printHello->spanId, publish->spanId})
                .size(),
            5u);

  // Each span lasts at least as long as what it waited for: the starter's root its two calls
  // one after the other, each call the other service's handling of it (the services share the
  // host's clock, each measures with its own); a call over HTTP takes more than a microsecond.
  EXPECT_GT(formatString->duration, 0);
  EXPECT_GT(printHello->duration, 0);
  EXPECT_GE(sayHello->duration, formatString->duration + printHello->duration) << receivedTree();
  EXPECT_GE(formatString->duration, format->duration) << receivedTree();
  EXPECT_GE(printHello->duration, publish->duration) << receivedTree();
  EXPECT_GE(format->startTime, formatString->startTime) << receivedTree();

  // say-hello -> formatString -> format
  EXPECT_EQ(sayHello->parentSpanId, 0);
  EXPECT_EQ(received.serviceOf.at(sayHello->spanId), "starter");
  EXPECT_EQ(tagText(sayHello->tags, "hello-to"), "Bryan");

  EXPECT_EQ(formatString->parentSpanId, sayHello->spanId) << receivedTree();
  EXPECT_EQ(received.serviceOf.at(formatString->spanId), "starter");
  EXPECT_EQ(tagText(formatString->tags, "span.kind"), "client");
  EXPECT_EQ(tagText(formatString->tags, "http.method"), "GET");
  EXPECT_EQ(tagText(formatString->tags, "http.url"), formatterUrl + "/format?helloTo=Bryan");
  EXPECT_EQ(findTag(formatString->tags, "error"), nullptr);

  EXPECT_EQ(format->parentSpanId, formatString->spanId) << receivedTree();
  EXPECT_EQ(received.serviceOf.at(format->spanId), "formatter");
  EXPECT_EQ(tagText(format->tags, "span.kind"), "server");
  ASSERT_EQ(format->logs.size(), 1u) << receivedTree();
  EXPECT_EQ(tagText(format->logs[0].fields, "event"), "string-format");
  EXPECT_EQ(tagText(format->logs[0].fields, "value"), "Hello, Bryan!");

  // say-hello -> printHello -> publish
  EXPECT_EQ(printHello->parentSpanId, sayHello->spanId) << receivedTree();
  EXPECT_EQ(received.serviceOf.at(printHello->spanId), "starter");
  EXPECT_EQ(tagText(printHello->tags, "span.kind"), "client");
  EXPECT_EQ(tagText(printHello->tags, "http.method"), "GET");
  EXPECT_EQ(tagText(printHello->tags, "http.url").rfind(publisherUrl + "/publish?helloStr=", 0), 0u)
      << tagText(printHello->tags, "http.url");

  EXPECT_EQ(publish->parentSpanId, printHello->spanId) << receivedTree();
  EXPECT_EQ(received.serviceOf.at(publish->spanId), "publisher");
  EXPECT_EQ(tagText(publish->tags, "span.kind"), "server");

  // The starter's spans come from one clock: the calls start in order inside say-hello.
  EXPECT_LE(sayHello->startTime, formatString->startTime);
  EXPECT_LE(formatString->startTime, printHello->startTime);
}

TEST_F(ExampleTest, starterFailsAndTagsTheErrorWhenTheFormatterIsDown) {
  const RefusingPort down;
  Process starter({JAEGERTRACING_EXAMPLE_STARTER, "Bryan", "--formatter", down.url(), "--publisher",
                   down.url()},
                  environment());
  const auto status = starter.wait(kExitDeadline);
  ASSERT_TRUE(status) << "starter still runs";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) != 0)
      << "starter " << describeStatus(*status) << ", expected a non-zero exit";

  // Closing the tracer before exiting sent say-hello and the failed formatString.
  ASSERT_TRUE(agent_.waitForSpans(2, kSpansDeadline)) << receivedTree();
  const Received received(agent_.batches());
  const thrift::Span* sayHello = received.one("say-hello");
  const thrift::Span* formatString = received.one("formatString");
  ASSERT_TRUE(sayHello && formatString) << receivedTree();
  EXPECT_EQ(formatString->parentSpanId, sayHello->spanId);
  EXPECT_TRUE(isTrueBool(findTag(formatString->tags, "error"))) << receivedTree();
  EXPECT_EQ(tagText(formatString->tags, "http.url"), down.url() + "/format?helloTo=Bryan");
  bool loggedError = false;
  for (const auto& log : formatString->logs) {
    if (tagText(log.fields, "event") == "error") {
      loggedError = true;
      EXPECT_NE(tagText(log.fields, "message").find(down.url()), std::string::npos)
          << tagText(log.fields, "message");
    }
  }
  EXPECT_TRUE(loggedError) << receivedTree();
  EXPECT_EQ(received.byOperation.count("printHello"), 0u) << "nothing to publish";
}

TEST_F(ExampleTest, aServerStoppedRightAfterStartingExitsCleanly) {
  Process formatter({JAEGERTRACING_EXAMPLE_FORMATTER, "--port", "0"}, environment());
  ASSERT_FALSE(listeningUrl(formatter).empty());
  formatter.signal(SIGINT);
  expectExitsWith(formatter, 0, "formatter after SIGINT");
}

TEST_F(ExampleTest, aBadConfigurationExitsWithStatusTwo) {
  const std::string badFile =
      ::testing::TempDir() + "jaeger-example-bad-" + std::to_string(::getpid()) + ".yml";
  std::ofstream(badFile) << "sampler:\n  type: bogus\n";

  Process badYaml({JAEGERTRACING_EXAMPLE_FORMATTER, "--config", badFile, "--port", "0"},
                  environment());
  expectExitsWith(badYaml, 2, "formatter with sampler.type: bogus");

  Process missingFile({JAEGERTRACING_EXAMPLE_PUBLISHER, "--config", badFile + ".missing"},
                      environment());
  expectExitsWith(missingFile, 2, "publisher with a missing config file");

  auto badEnvironment = environment();
  badEnvironment["JAEGER_SAMPLER_PARAM"] = "not-a-number";
  Process badVariable({JAEGERTRACING_EXAMPLE_STARTER, "Bryan"}, badEnvironment);
  expectExitsWith(badVariable, 2, "starter with JAEGER_SAMPLER_PARAM=not-a-number");

  std::filesystem::remove(badFile);
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_EXAMPLE_FORMATTER
