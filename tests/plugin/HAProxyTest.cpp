// Debian's HAProxy, built with the OpenTracing filter, runs examples/haproxy with our plugin in
// front of a backend server inside the test (support/HAProxyExample), and reports to the test
// agent.
//
// Only in builds without ASan or TSan: their runtime must come first in a process, and HAProxy
// is not instrumented, so it refuses a plugin built with them ("ASan runtime does not come first
// in initial library list"; with the runtime in LD_PRELOAD, HAProxy started with the plugin but
// never listened). scripts/test runs this test in its plain build; the other plugin tests run
// under ASan and UBSan too.
#if defined(JAEGERTRACING_PLUGIN) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <string>
#include <vector>

#include "agent/AgentReceiver.h"
#include "agent/TraceTree.h"
#include "support/HAProxyExample.h"
#include "support/UberTraceId.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kExitDeadline = 20s;
constexpr auto kSpansDeadline = 15s;

const thrift::Span* spanNamed(const std::vector<thrift::Span>& spans, const std::string& name) {
  const thrift::Span* found = nullptr;
  for (const auto& span : spans) {
    if (span.operationName == name) {
      EXPECT_EQ(found, nullptr) << "two spans named " << name;
      found = &span;
    }
  }
  return found;
}

class HAProxyTest : public ::testing::Test {
 protected:
  AgentReceiver agent_;
  HAProxyExample example_{agent_.hostPort()};
};

TEST_F(HAProxyTest, proxiedRequestIsTracedAndCarriesTheContextToTheBackend) {
  const auto response = example_.get("/hello?name=haproxy");
  ASSERT_TRUE(response) << "no answer through HAProxy";
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, kHAProxyBackendAnswer);

  // A soft stop ends HAProxy once idle; the filter closes the tracer on the way out.
  const auto status = example_.stop(kExitDeadline);
  ASSERT_TRUE(status) << "haproxy still runs after SIGUSR1";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "haproxy " << describeStatus(*status);

  ASSERT_TRUE(agent_.waitForSpans(2, kSpansDeadline)) << renderTraceTree(agent_.batches());
  EXPECT_EQ(agent_.malformedDatagrams(), 0u);
  const auto batches = agent_.batches();
  for (const auto& batch : batches) {
    EXPECT_EQ(batch.process.serviceName, "haproxy");
  }
  const auto spans = agent_.spans();
  ASSERT_EQ(spans.size(), 2u) << renderTraceTree(batches);
  const thrift::Span* frontend = spanNamed(spans, "frontend");
  const thrift::Span* backend = spanNamed(spans, "backend");
  ASSERT_TRUE(frontend && backend) << renderTraceTree(batches);
  EXPECT_EQ(frontend->parentSpanId, 0);
  EXPECT_EQ(backend->parentSpanId, frontend->spanId) << renderTraceTree(batches);
  EXPECT_EQ(backend->traceIdLow, frontend->traceIdLow);
  EXPECT_EQ(backend->traceIdHigh, frontend->traceIdHigh);
  ASSERT_EQ(backend->references.size(), 1u);
  EXPECT_EQ(backend->references[0].refType, thrift::SpanRefType::CHILD_OF);
  EXPECT_EQ(backend->references[0].spanId, frontend->spanId);

  // The backend received the backend span's context, in the header a Jaeger client reads.
  const auto requests = example_.backend().requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto header = requests[0].find("uber-trace-id");
  ASSERT_NE(header, requests[0].end()) << "the proxied request has no uber-trace-id";
  const auto injected = parseUberTraceId(header->second);
  ASSERT_TRUE(injected) << "uber-trace-id: " << header->second;
  EXPECT_EQ(injected->traceIdLow, static_cast<uint64_t>(frontend->traceIdLow));
  EXPECT_EQ(injected->traceIdHigh, static_cast<uint64_t>(frontend->traceIdHigh));
  EXPECT_EQ(injected->spanId, static_cast<uint64_t>(backend->spanId));
  EXPECT_EQ(injected->parentSpanId, static_cast<uint64_t>(frontend->spanId));
  EXPECT_EQ(injected->flags & 0x1, 1u) << "sampled flag";
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PLUGIN, no ASan, no TSan
