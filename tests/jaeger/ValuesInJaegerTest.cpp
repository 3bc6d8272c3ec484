// What the tracer sends comes back from Jaeger v2's query API as sent: every OpenTracing value
// kind as a tag and as a log field, CHILD_OF and FOLLOWS_FROM references together, 128-bit trace
// ids, baggage (logged on the span that sets it, carried to its children), the tracer's tags in
// the process, and a trace continued from W3C headers with its tracestate. Over UDP (compact)
// and HTTP (binary), which Jaeger decodes with different code. README.md's table "What Jaeger v2
// returns" is this test's expectations.
#include <gtest/gtest.h>
#include <jaegertracing/Config.h>
#include <jaegertracing/Tracer.h>
#include <opentracing/propagation.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <limits>
#include <map>
#include <string>

#include "jaeger/JaegerV2.h"
#include "support/Carriers.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kTraceDeadline = 30s;
// A W3C context from another service: 128-bit trace id, its parent span, sampled.
constexpr const char* kW3CTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr const char* kW3CParentId = "00f067aa0ba902b7";
constexpr const char* kTraceState = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

// Every kind of opentracing::Value, named by what it is.
std::vector<std::pair<std::string, opentracing::Value>> everyValueKind() {
  return {
      {"string", std::string("text")},
      {"c-string", "c text"},
      {"string-view", opentracing::string_view("viewed text")},
      {"bool-true", true},
      {"bool-false", false},
      {"int64", int64_t{-42}},
      {"int64-max", std::numeric_limits<int64_t>::max()},
      {"uint64", uint64_t{7}},
      {"uint64-max", std::numeric_limits<uint64_t>::max()},
      {"double", 3.25},
      {"null", nullptr},
      {"list", opentracing::Values{int64_t{1}, std::string("two"), true}},
      {"dictionary", opentracing::Dictionary{{"k", std::string("v")}, {"n", 2.5}}},
  };
}

// What Jaeger v2 returns for each of everyValueKind(): {type, value} of its JSON.
std::map<std::string, std::pair<std::string, nlohmann::json>> expectedValues() {
  return {
      {"string", {"string", "text"}},
      {"c-string", {"string", "c text"}},
      {"string-view", {"string", "viewed text"}},
      {"bool-true", {"bool", true}},
      {"bool-false", {"bool", false}},
      {"int64", {"int64", -42}},
      // Beyond 2^53 the query API writes an int64 as a string, for JavaScript's sake.
      {"int64-max", {"int64", "9223372036854775807"}},
      {"uint64", {"int64", 7}},
      {"uint64-max", {"string", "18446744073709551615"}},
      {"double", {"float64", 3.25}},
      {"null", {"string", "null"}},
      {"list", {"string", R"([1,"two",true])"}},
      // As JSON text in the order of the unordered_map: compared parsed.
      {"dictionary", {"string", nlohmann::json{{"k", "v"}, {"n", 2.5}}}},
  };
}

void expectEveryValueKind(const nlohmann::json& tags, const std::string& where) {
  for (const auto& [key, expected] : expectedValues()) {
    SCOPED_TRACE(where + ": " + key);
    const nlohmann::json* tag = tagNamed(tags, key);
    ASSERT_NE(tag, nullptr) << tags.dump();
    EXPECT_EQ(tag->at("type"), expected.first) << tag->dump();
    if (expected.second.is_object()) {
      EXPECT_EQ(nlohmann::json::parse(tag->at("value").get<std::string>()), expected.second)
          << tag->dump();
    } else {
      EXPECT_EQ(tag->at("value"), expected.second) << tag->dump();
    }
  }
}

std::shared_ptr<opentracing::Tracer> makeTracer(const std::string& service,
                                                const std::string& reporter) {
  const Config config =
      Config::parse(YAML::Load("sampler: {type: const, param: 1}\n"
                               "traceid_128bit: true\n"
                               "propagation_format: w3c, jaeger\n"
                               "tags: {team: payments, region: eu-1}\n"
                               "reporter: " +
                               reporter + "\n"));
  return Tracer::make(service, config);
}

// The spans of `service` in the trace `traceId`, from GET /api/traces/{id}.
std::optional<nlohmann::json> traceById(JaegerV2& jaeger, const std::string& service,
                                        const std::string& traceId, size_t spans) {
  const auto traces = jaeger.waitForTraces(
      service,
      [&](const std::vector<nlohmann::json>& found) {
        for (const auto& trace : found) {
          if (trace.at("traceID") == traceId && trace.at("spans").size() >= spans) return true;
        }
        return false;
      },
      kTraceDeadline);
  for (const auto& trace : traces) {
    if (trace.at("traceID") == traceId) {
      EXPECT_EQ(trace.at("spans").size(), spans) << trace.dump(1);
      std::string error;
      const auto answer = jaeger.getJson("/api/traces/" + traceId, error);
      if (!answer) {
        ADD_FAILURE() << error;
        return std::nullopt;
      }
      return answer->at("data").at(0);
    }
  }
  std::string shown;
  for (const auto& trace : traces) shown += trace.dump(1) + "\n";
  ADD_FAILURE() << "no trace " << traceId << " of " << spans << " spans for " << service
                << "; Jaeger has:\n"
                << shown;
  return std::nullopt;
}

std::string hex16(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

class ValuesInJaegerTest : public ::testing::TestWithParam<std::string> {
 protected:
  // "udp": the agent port, Thrift compact; "http": the collector, Thrift binary.
  std::string reporterFor(const JaegerV2& jaeger) const {
    return GetParam() == "udp"
               ? "{localAgentHostPort: \"127.0.0.1:" + std::to_string(jaeger.compactPort()) + "\"}"
               : "{endpoint: \"" + jaeger.collectorEndpoint() + "\"}";
  }
};

TEST_P(ValuesInJaegerTest, everyValueKindReferenceAndIdComesBackAsSent) {
  JaegerV2 jaeger;
  ASSERT_TRUE(jaeger.ready());
  const std::string service = "values-" + GetParam();
  auto tracer = makeTracer(service, reporterFor(jaeger));

  auto root = tracer->StartSpan("values");
  for (const auto& [key, value] : everyValueKind()) root->SetTag(key, value);
  std::vector<std::pair<opentracing::string_view, opentracing::Value>> fields;
  const auto kinds = everyValueKind();
  for (const auto& [key, value] : kinds) fields.emplace_back(key, value);
  root->Log(std::initializer_list<std::pair<opentracing::string_view, opentracing::Value>>{});
  root->Log(opentracing::SystemClock::now(), fields);
  root->SetBaggageItem("user", "alice");
  auto earlier = tracer->StartSpan("earlier", {opentracing::ChildOf(&root->context())});
  earlier->Finish();
  auto child = tracer->StartSpan("child", {opentracing::ChildOf(&root->context()),
                                           opentracing::FollowsFrom(&earlier->context())});
  const std::string inherited = child->BaggageItem("user");
  child->Finish();
  root->Finish();
  EXPECT_EQ(inherited, "alice");

  // The same trace continued from another service's W3C headers.
  const auto extracted = tracer->Extract(testing::ListReader(
      {{"traceparent", std::string("00-") + kW3CTraceId + "-" + kW3CParentId + "-01"},
       {"tracestate", kTraceState}}));
  ASSERT_TRUE(extracted && *extracted);
  auto continued = tracer->StartSpan("continued", {opentracing::ChildOf(extracted->get())});
  continued->Finish();
  tracer->Close();

  const auto& rootContext = static_cast<const SpanContext&>(root->context());
  const std::string traceId =
      rootContext.traceID().high() != 0
          ? hex16(rootContext.traceID().high()) + hex16(rootContext.traceID().low())
          : "";
  ASSERT_EQ(traceId.size(), 32u) << "traceid_128bit: true makes 128-bit ids";
  const auto trace = traceById(jaeger, service, traceId, 3);
  ASSERT_TRUE(trace) << jaeger.log();
  const std::string shown = trace->dump(1);
  EXPECT_EQ(warningsOf(*trace), "") << shown;

  const nlohmann::json* values = spanNamed(*trace, "values");
  const nlohmann::json* earlierSpan = spanNamed(*trace, "earlier");
  const nlohmann::json* childSpan = spanNamed(*trace, "child");
  ASSERT_TRUE(values && earlierSpan && childSpan) << shown;
  EXPECT_EQ(values->at("spanID"), hex16(rootContext.spanID()));
  EXPECT_EQ(values->at("traceID"), traceId);

  // Tags: each kind typed as the table says; the sampler's two.
  expectEveryValueKind(values->at("tags"), "tag");
  EXPECT_NE(tagNamed(values->at("tags"), "sampler.type"), nullptr);
  EXPECT_EQ(values->at("tags").size(), expectedValues().size() + 2) << values->at("tags").dump();

  // Logs, in order: the empty one, every kind, the baggage.
  const auto& logs = values->at("logs");
  ASSERT_EQ(logs.size(), 3u) << values->dump(1);
  EXPECT_TRUE(logs[0].at("fields").empty()) << logs[0].dump();
  expectEveryValueKind(logs[1].at("fields"), "log field");
  EXPECT_EQ(logs[1].at("fields").size(), expectedValues().size());
  const auto& baggage = logs[2].at("fields");
  EXPECT_EQ(baggage.size(), 3u) << baggage.dump();
  for (const auto& [key, value] : std::map<std::string, std::string>{
           {"event", "baggage"}, {"key", "user"}, {"value", "alice"}}) {
    const nlohmann::json* field = tagNamed(baggage, key);
    ASSERT_NE(field, nullptr) << baggage.dump();
    EXPECT_EQ(field->at("value"), value);
  }
  for (size_t i = 1; i < logs.size(); ++i) {
    EXPECT_LE(logs[i - 1].at("timestamp").get<int64_t>(), logs[i].at("timestamp").get<int64_t>());
  }

  // References: CHILD_OF the root first (Jaeger's parent), then FOLLOWS_FROM the earlier span.
  EXPECT_TRUE(values->at("references").empty());
  const auto& references = childSpan->at("references");
  ASSERT_EQ(references.size(), 2u) << childSpan->dump(1);
  EXPECT_EQ(references[0].at("refType"), "CHILD_OF");
  EXPECT_EQ(references[0].at("spanID"), values->at("spanID"));
  EXPECT_EQ(references[0].at("traceID"), traceId);
  EXPECT_EQ(references[1].at("refType"), "FOLLOWS_FROM");
  EXPECT_EQ(references[1].at("spanID"), earlierSpan->at("spanID"));
  EXPECT_EQ(references[1].at("traceID"), traceId);
  ASSERT_EQ(earlierSpan->at("references").size(), 1u);
  EXPECT_EQ(earlierSpan->at("references")[0].at("spanID"), values->at("spanID"));

  // The process: the tracer's tags, the renamed client tags.
  const auto& process = trace->at("processes").at(values->at("processID").get<std::string>());
  EXPECT_EQ(process.at("serviceName"), service);
  for (const auto& [key, value] :
       std::map<std::string, std::string>{{"team", "payments"}, {"region", "eu-1"}}) {
    const nlohmann::json* tag = tagNamed(process.at("tags"), key);
    ASSERT_NE(tag, nullptr) << process.dump();
    EXPECT_EQ(tag->at("type"), "string");
    EXPECT_EQ(tag->at("value"), value);
  }
  EXPECT_NE(tagNamed(process.at("tags"), "host.name"), nullptr) << process.dump();
  EXPECT_NE(tagNamed(process.at("tags"), "opencensus.exporterversion"), nullptr) << process.dump();

  // The continued trace: the W3C trace id and parent, and its tracestate.
  const auto w3c = traceById(jaeger, service, kW3CTraceId, 1);
  ASSERT_TRUE(w3c);
  const nlohmann::json* continuedSpan = spanNamed(*w3c, "continued");
  ASSERT_NE(continuedSpan, nullptr) << w3c->dump(1);
  ASSERT_EQ(continuedSpan->at("references").size(), 1u) << continuedSpan->dump(1);
  EXPECT_EQ(continuedSpan->at("references")[0].at("refType"), "CHILD_OF");
  EXPECT_EQ(continuedSpan->at("references")[0].at("spanID"), kW3CParentId);
  const nlohmann::json* traceState = tagNamed(continuedSpan->at("tags"), "w3c.tracestate");
  ASSERT_NE(traceState, nullptr) << continuedSpan->dump(1);
  EXPECT_EQ(traceState->at("value"), kTraceState);
}

INSTANTIATE_TEST_SUITE_P(Reporters, ValuesInJaegerTest, ::testing::Values("udp", "http"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

}  // namespace
}  // namespace testing
}  // namespace jaegertracing
