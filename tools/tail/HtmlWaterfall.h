// jaeger-tail --html: one self-contained page (inline CSS and script, no network asset) with a
// waterfall per trace: a bar per span on the trace's time axis, rows in tree order (a parent
// before its children, children by start time), labels indented by depth, bars coloured by
// service; clicking a row shows its tags and logs. The spans are embedded as JSON and the page
// draws them with textContent only, so no span text can become markup.
//
// Each row is <details class="span"> with data-span-id, data-parent-id ("" for a root: a span
// whose parent was not received counts as one), data-service, data-operation and data-depth, so
// a test (or a person with devtools) can check order and nesting.
#ifndef JAEGERTRACING_TOOLS_TAIL_HTMLWATERFALL_H
#define JAEGERTRACING_TOOLS_TAIL_HTMLWATERFALL_H

#include <string>
#include <vector>

#include "TraceAssembler.h"

namespace jaegertracing {
namespace tail {

// `generator` names the program in the page, e.g. "jaeger-tail 0.1.0".
std::string renderHtmlWaterfall(const std::vector<Trace>& traces, const std::string& generator);

// The JSON text made safe to embed in a <script> element: '<', '>' and '&' become \u escapes,
// which JSON.parse reads back as the same characters, so no "</script>" or "<!--" in a tag
// value can end the element.
std::string escapeJsonForScript(const std::string& json);

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_HTMLWATERFALL_H
