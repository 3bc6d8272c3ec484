// A span as one JSON object, for people and scripts: ids in hex as the Jaeger UI shows them,
// times in microseconds, tags as a list of {key, value} (a key may repeat, as on the wire).
// jaeger-test-agent and jaeger-tail write it one a line (--json); jaeger-tail's HTML page embeds
// it.
#ifndef JAEGERTRACING_TOOLS_AGENT_SPANJSON_H
#define JAEGERTRACING_TOOLS_AGENT_SPANJSON_H

#include <jaeger_types.h>

#include <nlohmann/json.hpp>
#include <string>

namespace jaegertracing {
namespace testing {

// Keys in the order a reader scans a span, not sorted.
using SpanJson = nlohmann::ordered_json;

// {"traceId", "spanId", "parentSpanId", "operationName", "serviceName", "flags", "startTime",
//  "duration", "references", "tags", "logs"}
SpanJson spanJson(const jaegertracing::thrift::Span& span, const std::string& serviceName);

// One line without its newline. Invalid UTF-8 is replaced rather than refused: the point is to
// see what arrived.
std::string spanJsonLine(const jaegertracing::thrift::Span& span, const std::string& serviceName);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_AGENT_SPANJSON_H
