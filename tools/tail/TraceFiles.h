// What jaeger-tail writes to disk: a file is replaced whole (written beside it, then renamed),
// so a browser or a script reading it meanwhile sees the old or the new content, never half.
#ifndef JAEGERTRACING_TOOLS_TAIL_TRACEFILES_H
#define JAEGERTRACING_TOOLS_TAIL_TRACEFILES_H

#include <string>
#include <vector>

#include "TraceAssembler.h"

namespace jaegertracing {
namespace tail {

// Every span of every trace as JSON (agent/SpanJson.h), one a line, trace after trace.
std::string jsonLines(const std::vector<Trace>& traces);

// Returns "" or why the file could not be written.
std::string replaceFile(const std::string& path, const std::string& content);

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_TRACEFILES_H
