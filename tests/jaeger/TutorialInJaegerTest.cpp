// The tutorial as a user runs it against Jaeger v2: formatter, publisher and starter, with no
// configuration file (the tutorial's defaults sample every trace), report over UDP (Thrift
// compact) or over HTTP (JAEGER_ENDPOINT), and Jaeger's query API must return one trace of 5
// spans in 3 services, each parent exact, the tags with their types, the log, the process tags,
// and no warnings on any span: Jaeger warns about parents it cannot find, duplicate span ids
// and clock skew it would have to correct.
#include <gtest/gtest.h>
#include <jaegertracing/Constants.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jaeger/JaegerV2.h"
#include "jaeger/Tutorial.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kTraceDeadline = 30s;

// {"key": K, "type": T, "value": V} exactly, for a failure that shows what Jaeger returned.
void expectTag(const nlohmann::json& tags, const std::string& key, const std::string& type,
               const nlohmann::json& value) {
  const nlohmann::json* tag = tagNamed(tags, key);
  ASSERT_NE(tag, nullptr) << "no tag " << key << " in " << tags.dump();
  EXPECT_EQ(tag->at("type"), type) << tag->dump();
  EXPECT_EQ(tag->at("value"), value) << tag->dump();
}

void expectChildOf(const nlohmann::json& span, const nlohmann::json& parent) {
  SCOPED_TRACE(span.at("operationName").get<std::string>());
  const auto& references = span.at("references");
  ASSERT_EQ(references.size(), 1u) << references.dump();
  EXPECT_EQ(references[0].at("refType"), "CHILD_OF");
  EXPECT_EQ(references[0].at("traceID"), parent.at("traceID"));
  EXPECT_EQ(references[0].at("spanID"), parent.at("spanID"));
}

std::string hostName() {
  char name[256] = {};
  ::gethostname(name, sizeof(name) - 1);
  return name;
}

void expectTutorialTrace(const nlohmann::json& trace, const TutorialRun& run) {
  const std::string shown = trace.dump(1);
  ASSERT_EQ(trace.at("spans").size(), 5u) << shown;
  EXPECT_EQ(warningsOf(trace), "") << shown;

  const nlohmann::json* sayHello = spanNamed(trace, "say-hello");
  const nlohmann::json* formatString = spanNamed(trace, "formatString");
  const nlohmann::json* format = spanNamed(trace, "format");
  const nlohmann::json* printHello = spanNamed(trace, "printHello");
  const nlohmann::json* publish = spanNamed(trace, "publish");
  ASSERT_TRUE(sayHello && formatString && format && printHello && publish) << shown;

  std::set<std::string> spanIds;
  for (const nlohmann::json* span : {sayHello, formatString, format, printHello, publish}) {
    EXPECT_EQ(span->at("traceID"), trace.at("traceID"));
    spanIds.insert(span->at("spanID").get<std::string>());
  }
  EXPECT_EQ(spanIds.size(), 5u) << shown;

  // say-hello -> formatString -> format, say-hello -> printHello -> publish
  EXPECT_TRUE(sayHello->at("references").empty()) << sayHello->dump();
  expectChildOf(*formatString, *sayHello);
  expectChildOf(*format, *formatString);
  expectChildOf(*printHello, *sayHello);
  expectChildOf(*publish, *printHello);
  EXPECT_EQ(serviceOf(trace, *sayHello), "starter");
  EXPECT_EQ(serviceOf(trace, *formatString), "starter");
  EXPECT_EQ(serviceOf(trace, *printHello), "starter");
  EXPECT_EQ(serviceOf(trace, *format), "formatter");
  EXPECT_EQ(serviceOf(trace, *publish), "publisher");

  // The tags, typed as sent: the root carries the sampler's decision.
  expectTag(sayHello->at("tags"), "hello-to", "string", "Bryan");
  expectTag(sayHello->at("tags"), "sampler.type", "string", "const");
  expectTag(sayHello->at("tags"), "sampler.param", "bool", true);
  expectTag(formatString->at("tags"), "span.kind", "string", "client");
  expectTag(formatString->at("tags"), "http.method", "string", "GET");
  expectTag(formatString->at("tags"), "http.url", "string",
            run.formatterUrl + "/format?helloTo=Bryan");
  expectTag(printHello->at("tags"), "span.kind", "string", "client");
  expectTag(format->at("tags"), "span.kind", "string", "server");
  expectTag(publish->at("tags"), "span.kind", "string", "server");
  EXPECT_EQ(tagNamed(formatString->at("tags"), "error"), nullptr);
  ASSERT_EQ(format->at("logs").size(), 1u) << format->dump();
  expectTag(format->at("logs")[0].at("fields"), "event", "string", "string-format");
  expectTag(format->at("logs")[0].at("fields"), "value", "string", "Hello, Bryan!");

  // One process per service, with the tracer's process tags as Jaeger v2 renames them.
  std::set<std::string> services;
  for (const auto& [id, process] : trace.at("processes").items()) {
    SCOPED_TRACE(process.dump());
    services.insert(process.at("serviceName").get<std::string>());
    const auto& tags = process.at("tags");
    expectTag(tags, "opencensus.exporterversion", "string",
              std::string("Jaeger-") + kJaegerClientVersion);
    expectTag(tags, "host.name", "string", hostName());
    const nlohmann::json* ip = tagNamed(tags, "ip");
    ASSERT_NE(ip, nullptr);
    EXPECT_EQ(ip->at("type"), "string");
    EXPECT_NE(ip->at("value"), "");
    EXPECT_EQ(tagNamed(tags, "hostname"), nullptr) << "renamed to host.name";
    EXPECT_EQ(tagNamed(tags, "jaeger.version"), nullptr) << "renamed";
  }
  EXPECT_EQ(services, (std::set<std::string>{"formatter", "publisher", "starter"}));
}

TEST(TutorialInJaegerTest, overUdpCompactTheTraceIsWholeWithoutWarnings) {
  JaegerV2 jaeger;
  ASSERT_TRUE(jaeger.ready());
  const TutorialRun run =
      runTutorial({{"JAEGER_AGENT_HOST", "127.0.0.1"},
                   {"JAEGER_AGENT_PORT", std::to_string(jaeger.compactPort())}});
  ASSERT_FALSE(::testing::Test::HasFailure());
  const auto trace = jaeger.waitForTrace("starter", 5, kTraceDeadline);
  ASSERT_TRUE(trace) << jaeger.log();
  expectTutorialTrace(*trace, run);
}

TEST(TutorialInJaegerTest, overHttpToTheCollectorTheTraceIsWholeWithoutWarnings) {
  JaegerV2 jaeger;
  ASSERT_TRUE(jaeger.ready());
  const TutorialRun run = runTutorial({{"JAEGER_ENDPOINT", jaeger.collectorEndpoint()}});
  ASSERT_FALSE(::testing::Test::HasFailure());
  const auto trace = jaeger.waitForTrace("starter", 5, kTraceDeadline);
  ASSERT_TRUE(trace) << jaeger.log();
  expectTutorialTrace(*trace, run);
}

// A span as Jaeger shows it, without what differs from run to run (ids, times, ports): its
// service, operation, parent's operation, tags and log fields, sorted.
std::map<std::string, std::string> comparable(const nlohmann::json& trace) {
  std::map<std::string, std::string> operationOf;
  for (const auto& span : trace.at("spans")) {
    operationOf[span.at("spanID").get<std::string>()] = span.at("operationName");
  }
  std::map<std::string, std::string> spans;
  for (const auto& span : trace.at("spans")) {
    std::multiset<std::string> tags;
    for (const auto& tag : span.at("tags")) {
      const std::string key = tag.at("key");
      // The URLs hold the ports the OS picked for this run.
      const std::string value = key == "http.url" ? "(url)" : tag.at("value").dump();
      tags.insert(key + "=" + tag.at("type").get<std::string>() + ":" + value);
    }
    std::string parent;
    for (const auto& reference : span.at("references")) {
      parent += reference.at("refType").get<std::string>() + ":" +
                operationOf[reference.at("spanID").get<std::string>()] + " ";
    }
    std::string logs;
    for (const auto& log : span.at("logs")) logs += log.at("fields").dump();
    std::string shown = "service=" + serviceOf(trace, span) + " parent=" + parent + " tags=";
    for (const auto& tag : tags) shown += tag + " ";
    spans[span.at("operationName").get<std::string>()] = shown + " logs=" + logs;
  }
  return spans;
}

TEST(TutorialInJaegerTest, overOtlpTheTraceIsTheOneSentOverUdp) {
  JaegerV2 jaeger;
  ASSERT_TRUE(jaeger.ready());
  runTutorial({{"JAEGER_AGENT_HOST", "127.0.0.1"},
               {"JAEGER_AGENT_PORT", std::to_string(jaeger.compactPort())}});
  ASSERT_FALSE(::testing::Test::HasFailure());
  const auto overUdp = jaeger.waitForTrace("starter", 5, kTraceDeadline);
  ASSERT_TRUE(overUdp) << jaeger.log();

  // A program that calls config.fromEnv() switches to OTLP with the standard variables alone.
  const TutorialRun run =
      runTutorial({{"OTEL_EXPORTER_OTLP_ENDPOINT",
                    "http://127.0.0.1:" + std::to_string(jaeger.otlpHttpPort())}});
  ASSERT_FALSE(::testing::Test::HasFailure());
  const auto secondTrace = [&](const std::vector<nlohmann::json>& traces) {
    for (const auto& trace : traces) {
      if (trace.at("traceID") != overUdp->at("traceID") && trace.at("spans").size() == 5u) {
        return true;
      }
    }
    return false;
  };
  std::optional<nlohmann::json> overOtlp;
  for (const auto& trace : jaeger.waitForTraces("starter", secondTrace, kTraceDeadline)) {
    if (trace.at("traceID") != overUdp->at("traceID")) overOtlp = trace;
  }
  ASSERT_TRUE(overOtlp) << jaeger.log();
  EXPECT_EQ(warningsOf(*overOtlp), "") << overOtlp->dump(1);
  // It came by OTLP: its processes carry the OpenTelemetry SDK's resource attributes.
  for (const auto& [id, process] : overOtlp->at("processes").items()) {
    EXPECT_NE(tagNamed(process.at("tags"), "telemetry.sdk.language"), nullptr) << process.dump();
  }
  EXPECT_EQ(comparable(*overOtlp), comparable(*overUdp)) << "over OTLP:\n"
                                                         << overOtlp->dump(1) << "\nover UDP:\n"
                                                         << overUdp->dump(1);
  static_cast<void>(run);
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
