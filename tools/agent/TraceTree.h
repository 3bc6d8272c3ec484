// What an agent received, as a person reads it: every trace as an indented tree of its spans,
// each with its service, duration, tags and logs. Used by jaeger-test-agent and by tests'
// failure messages.
#ifndef JAEGERTRACING_TOOLS_AGENT_TRACETREE_H
#define JAEGERTRACING_TOOLS_AGENT_TRACETREE_H

#include <jaeger_types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace jaegertracing {
namespace testing {

// Traces ordered by their first span's start time; in a trace, roots first (spans whose parent
// was not received count as roots and say so), children sorted by start time:
//
//   trace 5b2a4f1c0e3d9a87: 5 spans, 3 services (formatter, publisher, starter)
//   say-hello [starter] 12.345 ms hello-to=Bryan
//     formatString [starter] 3.120 ms span.kind=client http.method=GET http.url=http://...
//       format [formatter] 512 µs span.kind=server
//         log +210 µs: event=string-format value=Hello, Bryan!
//
// kAnsi adds terminal colours (operation bold, each service its own colour, durations and logs
// dimmed); without the escape sequences the text is exactly the plain one.
enum class TreeColors { kNone, kAnsi };
std::string renderTraceTree(const std::vector<jaegertracing::thrift::Batch>& batches,
                            TreeColors colors = TreeColors::kNone);

// Lower-case hex: 16 digits, or 32 when the high half is set (as the Jaeger UI shows ids).
std::string traceIdHex(int64_t high, int64_t low);
// 16 lower-case hex digits.
std::string spanIdHex(int64_t id);
// The value of a tag as text: strings as they are, doubles in their shortest form, booleans as
// true/false, binary as hex.
std::string tagValueText(const jaegertracing::thrift::Tag& tag);
// "12.345 ms" from 1 ms on, else "512 µs".
std::string durationText(int64_t microseconds);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_AGENT_TRACETREE_H
