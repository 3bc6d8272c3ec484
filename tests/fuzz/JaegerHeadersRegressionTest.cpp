// Found while writing fuzz/JaegerHeadersFuzzer's round trip: with header names that a
// configuration accepts, a context injected by JaegerPropagator must extract as the same
// context. Either the configuration is refused, or the round trip holds.
#include <gtest/gtest.h>
#include <jaegertracing/Config.h>
#include <yaml-cpp/yaml.h>

#include <string>

#include "config/ConfigValidation.h"
#include "propagation/JaegerPropagator.h"
#include "support/Carriers.h"

namespace jaegertracing {
namespace {

// A configured header name that starts with the baggage prefix ("uberctx-" by default) is also
// the header of the baggage item named by the rest of it. Config::parse and validate accept
//   headers: {TraceContextHeaderName: uberctx-id}
// and then inject writes "uberctx-id: <trace context>" followed, for a baggage item "id", by
// "uberctx-id: v". Extract (src/propagation/JaegerPropagator.cpp, onHeader) checks the trace
// context header first, fails to parse "v" as one and reports the whole context malformed, so
// every service downstream starts a new trace. The same happens with jaegerDebugHeader or
// jaegerBaggageHeader under the prefix (the item is read as a debug id or as "k=v" pairs).
void expectRefusedOrRoundTrip(const std::string& headersYaml, const std::string& baggageKey) {
  SCOPED_TRACE(headersYaml + ", baggage item " + baggageKey);
  Config config;
  try {
    config = Config::parse(YAML::Load("service_name: s\nheaders: " + headersYaml + "\n"));
    detail::validate(config, "s");
  } catch (const ConfigError&) {
    return;  // Refused: fine.
  }
  const propagation::JaegerPropagator propagator(config.headers());
  const SpanContext context(TraceID(0, 0x1234), 0x5678, 0, SpanContext::kSampledFlag,
                            {{baggageKey, "v"}});
  for (const bool http : {false, true}) {
    testing::Headers headers;
    if (http) {
      propagator.inject(context, testing::HTTPHeadersWriter(headers), true);
    } else {
      propagator.inject(context, testing::TextMapWriter(headers), false);
    }
    const auto extracted = http ? propagator.extract(testing::HTTPHeadersReader(headers), true)
                                : propagator.extract(testing::TextMapReader(headers), false);
    EXPECT_FALSE(extracted.malformed) << (http ? "HTTP headers" : "TextMap");
    ASSERT_TRUE(extracted.context) << (http ? "HTTP headers" : "TextMap");
    EXPECT_EQ(extracted.context->traceID(), context.traceID());
    EXPECT_EQ(extracted.context->spanID(), context.spanID());
    EXPECT_EQ(extracted.context->baggageItem(baggageKey), "v");
  }
}

TEST(JaegerHeadersRegressionTest, TraceContextHeaderUnderTheBaggagePrefix) {
  expectRefusedOrRoundTrip("{TraceContextHeaderName: uberctx-id}", "id");
  expectRefusedOrRoundTrip("{traceBaggageHeaderPrefix: uber-}", "trace-id");
}

TEST(JaegerHeadersRegressionTest, DebugAndBaggageHeadersUnderTheBaggagePrefix) {
  expectRefusedOrRoundTrip("{jaegerDebugHeader: uberctx-debug}", "debug");
  expectRefusedOrRoundTrip("{jaegerBaggageHeader: uberctx-all}", "all");
}

}  // namespace
}  // namespace jaegertracing
