// The whole path over OTLP: a tracer configured by YAML or by OTEL_* variables alone, spans
// through the OpenTracing API, the reporter and the OTLP sender, to an OTLP/HTTP receiver that
// decodes them with the generated types. The receiver is only a URL to the tracer: the same
// helpers serve any OTLP endpoint (an OpenTelemetry Collector, Jaeger v2).
#include <gtest/gtest.h>
#include <jaegertracing/Config.h>
#include <jaegertracing/Tracer.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "support/Carriers.h"
#include "support/OtlpServer.h"

namespace jaegertracing {
namespace {

using namespace std::chrono_literals;

// A tracer that sends every span to the OTLP endpoint at `url`.
std::shared_ptr<Tracer> makeOtlpTracer(const std::string& url, int queueSize = 1000,
                                       const std::string& extraOtlp = "") {
  const std::string yaml =
      "service_name: otlp-e2e\n"
      "propagation_format: w3c\n"
      "tags: {team: tracing}\n"
      "sampler: {type: const, param: 1}\n"
      "reporter:\n"
      "  queueSize: " +
      std::to_string(queueSize) +
      "\n"
      "  bufferFlushInterval: 1\n"
      "  otlp: {endpoint: '" +
      url + "'" + extraOtlp + "}\n";
  return std::static_pointer_cast<Tracer>(Tracer::make(Config::parse(YAML::Load(yaml))));
}

const opentelemetry::proto::common::v1::AnyValue* resourceAttribute(
    const testing::OtlpRequestMessage& request, const std::string& key) {
  for (const auto& attribute : request.resource_spans(0).resource().attributes()) {
    if (attribute.key() == key) return &attribute.value();
  }
  return nullptr;
}

TEST(TracerToOtlpTest, ATraceArrivesWithItsResource) {
  testing::OtlpServer server;
  auto tracer = makeOtlpTracer(server.endpoint(), 100, ", compression: gzip");
  auto root = tracer->StartSpan("root");
  root->SetTag("span.kind", "server");
  auto child = tracer->StartSpan("child", {opentracing::ChildOf(&root->context())});
  child->SetTag("error", true);
  child->Finish();
  root->Finish();
  tracer->Close();
  ASSERT_TRUE(server.waitForSpans(2, 5s));
  ASSERT_TRUE(server.errors().empty()) << server.errors().front();
  const auto request = server.decoded().at(0);
  EXPECT_EQ(resourceAttribute(request, "service.name")->string_value(), "otlp-e2e");
  EXPECT_EQ(resourceAttribute(request, "team")->string_value(), "tracing");
  const auto& spans = request.resource_spans(0).scope_spans(0).spans();
  ASSERT_EQ(spans.size(), 2);
  EXPECT_EQ(spans[0].name(), "child");
  EXPECT_EQ(spans[0].parent_span_id(), spans[1].span_id());
  EXPECT_EQ(spans[0].trace_id(), spans[1].trace_id());
  EXPECT_EQ(spans[0].status().code(), opentelemetry::proto::trace::v1::Status::STATUS_CODE_ERROR);
  EXPECT_EQ(spans[1].kind(), opentelemetry::proto::trace::v1::Span::SPAN_KIND_SERVER);
  EXPECT_EQ(tracer->stats().spansReported, 2u);
}

TEST(TracerToOtlpTest, TheCallersTraceStateGoesInTraceState) {
  testing::OtlpServer server;
  auto tracer = makeOtlpTracer(server.endpoint());
  const testing::ListReader headers(
      {{"traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
       {"tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"}});
  auto parent = tracer->Extract(headers);
  ASSERT_TRUE(parent && *parent);
  auto span = tracer->StartSpan("handle", {opentracing::ChildOf(parent->get())});
  span->Finish();
  tracer->Close();
  ASSERT_TRUE(server.waitForSpans(1, 5s));
  const auto decoded = server.decoded();
  const auto& received = decoded.at(0).resource_spans(0).scope_spans(0).spans(0);
  EXPECT_EQ(received.trace_state(), "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
  EXPECT_EQ(received.parent_span_id(), std::string("\xb7\xad\x6b\x71\x69\x20\x33\x31", 8));
}

TEST(TracerToOtlpTest, EnvironmentVariablesAloneSwitchAProgramToOtlp) {
  testing::OtlpServer server;
  ::setenv("OTEL_EXPORTER_OTLP_ENDPOINT", server.baseUrl().c_str(), 1);
  ::setenv("OTEL_SERVICE_NAME", "env-only", 1);
  ::setenv("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging", 1);
  ::setenv("OTEL_EXPORTER_OTLP_HEADERS", "x-tenant=acme", 1);
  // What a jaeger-client-cpp program does: a config from its YAML, then fromEnv().
  Config config =
      Config::parse(YAML::Load("service_name: from-yaml\n"
                               "sampler: {type: const, param: 1}\n"));
  config.fromEnv();
  for (const char* name : {"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME",
                           "OTEL_RESOURCE_ATTRIBUTES", "OTEL_EXPORTER_OTLP_HEADERS"}) {
    ::unsetenv(name);
  }
  auto tracer = Tracer::make(config);
  tracer->StartSpan("hello")->Finish();
  tracer->Close();
  ASSERT_TRUE(server.waitForSpans(1, 5s));
  const auto request = server.decoded().at(0);
  EXPECT_EQ(resourceAttribute(request, "service.name")->string_value(), "env-only");
  EXPECT_EQ(resourceAttribute(request, "deployment.environment")->string_value(), "staging");
  const auto requests = server.requests();
  ASSERT_EQ(requests.at(0).headers.count("x-tenant"), 1u);
  EXPECT_EQ(requests.at(0).headers.find("x-tenant")->second, "acme");
}

TEST(TracerToOtlpTest, RetriesStopAtAFlushsDeadline) {
  testing::OtlpServer server;
  server.answer({503, "", ""});
  // An export may retry for a minute; the Flush() waits 300 ms, and so may the retries.
  auto tracer = makeOtlpTracer(server.endpoint(), 100, ", timeout: 60");
  tracer->StartSpan("retried")->Finish();
  // True: the span was handed to the sender, which gave it up instead of waiting to retry.
  EXPECT_TRUE(tracer->Flush(300ms));
  ASSERT_TRUE(server.waitForRequests(1, 5s));
  // The batch is given up soon after the flush's deadline, not after the export's minute.
  const auto failedBy = std::chrono::steady_clock::now() + 10s;
  while (tracer->stats().droppedSendFailed == 0 && std::chrono::steady_clock::now() < failedBy) {
    std::this_thread::sleep_for(10ms);
  }
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.droppedSendFailed, 1u);
  EXPECT_EQ(stats.spansReported, 0u);
  // A backoff starts at about a second: no retry fitted before the deadline.
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(TracerToOtlpTest, ABurstOfAHundredThousandSpansLosesNone) {
  constexpr int kSpans = 100000;
  testing::OtlpServer server;
  auto tracer = makeOtlpTracer(server.endpoint(), kSpans);
  for (int i = 0; i < kSpans; ++i) {
    auto span = tracer->StartSpan("burst");
    span->SetTag("i", i);
    span->Finish();
  }
  ASSERT_TRUE(tracer->close(60s));
  EXPECT_EQ(server.spanCount(), static_cast<size_t>(kSpans));
  EXPECT_TRUE(server.errors().empty());
  const TracerStats stats = tracer->stats();
  EXPECT_EQ(stats.spansFinished, static_cast<uint64_t>(kSpans));
  EXPECT_EQ(stats.spansReported, static_cast<uint64_t>(kSpans));
  EXPECT_EQ(stats.droppedQueueFull + stats.droppedTooLarge + stats.droppedSendFailed +
                stats.droppedRejected,
            0u);
}

}  // namespace
}  // namespace jaegertracing
