#include "HtmlWaterfall.h"

#include <ctime>
#include <string>

#include "agent/SpanJson.h"
#include "agent/TraceTree.h"

namespace jaegertracing {
namespace tail {
namespace {

// The page, with @TRACE_DATA@ where the spans go. Everything it needs is in it: it must open
// from a file on a machine without network.
constexpr const char* kPage = R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jaeger-tail</title>
<style>
  body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em;
         color: #222; background: #fff; }
  h1 { font-size: 1.3em; margin: 0 0 .2em; }
  .generator { color: #666; margin: 0 0 .8em; }
  .legend { margin-bottom: 1em; }
  .legend .item { display: inline-flex; align-items: center; margin-right: 1.2em; }
  .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px;
            margin-right: .4em; flex: none; }
  .trace { margin: 0 0 1.5em; border: 1px solid #ddd; border-radius: 4px; overflow: hidden; }
  .trace h2 { font-size: 1em; font-weight: 600; margin: 0; padding: .5em .75em;
              background: #f4f5f7; border-bottom: 1px solid #ddd; }
  .axis, summary { display: flex; }
  .axis { font-size: 11px; color: #666; border-bottom: 1px solid #eee; height: 1.6em; }
  .label { flex: 0 0 32%; box-sizing: border-box; overflow: hidden; text-overflow: ellipsis;
           white-space: nowrap; padding-right: .5em; display: flex; align-items: center; }
  .ticks, .track { flex: 1; position: relative; margin-right: 5em; }
  .tick { position: absolute; top: .3em; white-space: nowrap; border-left: 1px solid #ccc;
          padding-left: 3px; }
  .tick.end { right: 0; border-left: none; border-right: 1px solid #ccc; padding: 0 3px 0 0; }
  .axis .label { padding-left: .5em; }
  details.span { border-bottom: 1px solid #f0f0f0; }
  details.span[open] { background: #fafbfc; }
  summary { list-style: none; cursor: pointer; padding: 3px 0; }
  summary::-webkit-details-marker { display: none; }
  summary:hover { background: #eef3fb; }
  .service { color: #777; margin-left: .4em; }
  .track { height: 1.3em; }
  .bar { position: absolute; top: .15em; height: 1em; min-width: 2px; border-radius: 2px; }
  .log-mark { position: absolute; top: 0; width: 2px; height: 1.3em; background: #222;
              opacity: .55; }
  .duration { position: absolute; top: 0; padding-left: 4px; font-size: 11px; color: #444;
              white-space: nowrap; }
  .detail { padding: .4em .75em .8em 2em; font-size: 12px; }
  .detail h3 { font-size: 12px; margin: .6em 0 .2em; color: #444; }
  .detail table { border-collapse: collapse; }
  .detail td { padding: 1px 1em 1px 0; vertical-align: top;
               font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap;
               word-break: break-all; }
  .detail td.key { color: #666; white-space: nowrap; word-break: normal; }
  .empty { color: #666; }
</style>
</head>
<body>
<h1 id="title">jaeger-tail</h1>
<p class="generator" id="generator"></p>
<div class="legend" id="legend"></div>
<main id="traces"></main>
<noscript>This page draws its waterfalls with JavaScript; the spans are in the page as JSON.</noscript>
<script type="application/json" id="trace-data">@TRACE_DATA@</script>
<script>
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('trace-data').textContent);
  const NO_PARENT = '0000000000000000';
  // Tableau 10: distinct, and readable on white.
  const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1',
                   '#ff9da7', '#9c755f', '#bab0ac'];

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  // As jaeger-tail prints them: "512 µs" below a millisecond, else "12.345 ms".
  function durationText(microseconds) {
    const sign = microseconds < 0 ? '-' : '';
    const magnitude = Math.abs(microseconds);
    return sign + (magnitude < 1000 ? magnitude + ' µs' : (magnitude / 1000).toFixed(3) + ' ms');
  }
  function valueText(value) { return typeof value === 'string' ? value : JSON.stringify(value); }
  function plural(count, word) { return count + ' ' + word + (count === 1 ? '' : 's'); }

  const services = Array.from(new Set(
      data.traces.flatMap(trace => trace.spans.map(span => span.serviceName)))).sort();
  const colorOf = new Map(services.map((name, i) => [name, PALETTE[i % PALETTE.length]]));

  // parentSpanId, or for clients that leave it 0 and use references, the first reference into
  // the same trace: the rule jaeger-tail's tree uses.
  function parentOf(span) {
    if (span.parentSpanId !== NO_PARENT) return span.parentSpanId;
    const reference = span.references.find(r => r.traceId === span.traceId);
    return reference ? reference.spanId : NO_PARENT;
  }

  // Rows in tree order: roots by start time, each followed by its children by start time. A
  // span whose parent did not arrive is a root; spans in a cycle of parent ids come last.
  function layout(spans) {
    const sorted = spans.slice().sort((a, b) => a.startTime - b.startTime);
    const ids = new Set(sorted.map(span => span.spanId));
    const children = new Map();
    const roots = [];
    for (const span of sorted) {
      const parent = parentOf(span);
      if (parent !== NO_PARENT && parent !== span.spanId && ids.has(parent)) {
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(span);
      } else {
        roots.push(span);
      }
    }
    const rows = [];
    const placed = new Set();
    // Iterative, so that a very deep trace cannot overflow the stack.
    const pending = [];
    const visitAll = (list, depth, parentId) => {
      for (let i = list.length - 1; i >= 0; --i) pending.push([list[i], depth, parentId]);
      while (pending.length > 0) {
        const [span, spanDepth, spanParent] = pending.pop();
        if (placed.has(span.spanId)) continue;
        placed.add(span.spanId);
        rows.push({span: span, depth: spanDepth, parentId: spanParent});
        const own = children.get(span.spanId) || [];
        for (let i = own.length - 1; i >= 0; --i) pending.push([own[i], spanDepth + 1, span.spanId]);
      }
    };
    visitAll(roots, 0, '');
    visitAll(sorted, 0, '');
    return rows;
  }

  function fieldsTable(fields) {
    const table = element('table');
    for (const field of fields) {
      const row = table.insertRow();
      row.appendChild(element('td', 'key', field.key));
      row.appendChild(element('td', 'value', valueText(field.value)));
    }
    return table;
  }

  function detail(span, row, traceStart) {
    const box = element('div', 'detail');
    const facts = [
      {key: 'service', value: span.serviceName},
      {key: 'operation', value: span.operationName},
      {key: 'span id', value: span.spanId},
      {key: 'parent', value: row.parentId !== '' ? row.parentId :
          parentOf(span) === NO_PARENT ? 'none (root span)' : parentOf(span) + ' (not received)'},
      {key: 'start', value: '+' + durationText(span.startTime - traceStart)},
      {key: 'duration', value: durationText(span.duration)},
    ];
    for (const reference of span.references) {
      facts.push({key: reference.refType, value: reference.traceId + ':' + reference.spanId});
    }
    box.appendChild(fieldsTable(facts));
    box.appendChild(element('h3', null, span.tags.length === 0 ? 'No tags' : 'Tags'));
    if (span.tags.length > 0) box.appendChild(fieldsTable(span.tags));
    box.appendChild(element('h3', null, span.logs.length === 0 ? 'No logs' : 'Logs'));
    for (const log of span.logs) {
      const logBox = element('div', 'log');
      logBox.appendChild(element('div', 'log-time', '+' + durationText(log.timestamp - span.startTime)));
      logBox.appendChild(fieldsTable(log.fields));
      box.appendChild(logBox);
    }
    return box;
  }

  function renderTrace(trace) {
    const spans = trace.spans;
    const start = Math.min(...spans.map(span => span.startTime));
    const end = Math.max(...spans.map(span => span.startTime + Math.max(0, span.duration)));
    const total = Math.max(1, end - start);
    const percent = microseconds => Math.min(100, Math.max(0, microseconds / total * 100));
    const traceServices = Array.from(new Set(spans.map(span => span.serviceName))).sort();

    const section = element('section', 'trace');
    section.dataset.traceId = trace.traceId;
    section.appendChild(element('h2', null,
        'trace ' + trace.traceId + ': ' + plural(spans.length, 'span') + ', ' +
        plural(traceServices.length, 'service') + ' (' + traceServices.join(', ') + '), ' +
        durationText(end - start)));

    const axis = element('div', 'axis');
    axis.appendChild(element('span', 'label', 'span'));
    const ticks = element('span', 'ticks');
    for (let i = 0; i < 5; ++i) {
      const tick = element('span', 'tick', durationText(Math.round(total * i / 4)));
      // The last label ends at the axis' end instead of starting there, so it stays visible.
      if (i === 4) tick.classList.add('end'); else tick.style.left = (i * 25) + '%';
      ticks.appendChild(tick);
    }
    axis.appendChild(ticks);
    section.appendChild(axis);

    for (const row of layout(spans)) {
      const span = row.span;
      const color = colorOf.get(span.serviceName);
      const details = element('details', 'span');
      details.dataset.spanId = span.spanId;
      details.dataset.parentId = row.parentId;
      details.dataset.service = span.serviceName;
      details.dataset.operation = span.operationName;
      details.dataset.depth = String(row.depth);

      const summary = element('summary');
      const label = element('span', 'label');
      label.style.paddingLeft = (0.5 + row.depth * 1.2) + 'em';
      label.title = span.operationName + ' [' + span.serviceName + ']';
      const swatch = element('span', 'swatch');
      swatch.style.background = color;
      label.append(swatch, element('span', 'operation', span.operationName),
                   element('span', 'service', span.serviceName));

      const track = element('span', 'track');
      const left = percent(span.startTime - start);
      const width = Math.min(100 - left, percent(Math.max(0, span.duration)));
      const bar = element('span', 'bar');
      bar.style.left = left + '%';
      bar.style.width = width + '%';
      bar.style.background = color;
      track.appendChild(bar);
      for (const log of span.logs) {
        const mark = element('span', 'log-mark');
        mark.style.left = percent(log.timestamp - start) + '%';
        track.appendChild(mark);
      }
      const duration = element('span', 'duration', durationText(span.duration));
      duration.style.left = (left + width) + '%';
      track.appendChild(duration);

      summary.append(label, track);
      details.append(summary, detail(span, row, start));
      section.appendChild(details);
    }
    return section;
  }

  const spanCount = data.traces.reduce((sum, trace) => sum + trace.spans.length, 0);
  const heading = plural(data.traces.length, 'trace') + ', ' + plural(spanCount, 'span') + ', ' +
                  plural(services.length, 'service');
  document.title = 'jaeger-tail: ' + heading;
  document.getElementById('title').textContent = 'jaeger-tail: ' + heading;
  document.getElementById('generator').textContent =
      'Written by ' + data.generator + ' at ' + data.writtenAt + '. Click a span for its tags and logs.';
  const legend = document.getElementById('legend');
  for (const name of services) {
    const item = element('span', 'item');
    item.dataset.service = name;
    const swatch = element('span', 'swatch');
    swatch.style.background = colorOf.get(name);
    item.append(swatch, element('span', null, name));
    legend.appendChild(item);
  }
  const main = document.getElementById('traces');
  if (data.traces.length === 0) main.appendChild(element('p', 'empty', 'No traces received.'));
  for (const trace of data.traces) main.appendChild(renderTrace(trace));
})();
</script>
</body>
</html>
)html";

constexpr const char* kDataPlaceholder = "@TRACE_DATA@";

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S UTC", &utc);
  return text;
}

}  // namespace

std::string escapeJsonForScript(const std::string& json) {
  std::string escaped;
  escaped.reserve(json.size());
  for (const char c : json) {
    switch (c) {
      case '<':
        escaped += "\\u003c";
        break;
      case '>':
        escaped += "\\u003e";
        break;
      case '&':
        escaped += "\\u0026";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string renderHtmlWaterfall(const std::vector<Trace>& traces, const std::string& generator) {
  testing::SpanJson data = {{"generator", generator}, {"writtenAt", utcNow()}};
  testing::SpanJson traceList = testing::SpanJson::array();
  for (const auto& trace : traces) {
    testing::SpanJson spans = testing::SpanJson::array();
    for (const auto& batch : trace.batches) {
      for (const auto& span : batch.spans) {
        spans.push_back(testing::spanJson(span, batch.process.serviceName));
      }
    }
    traceList.push_back({{"traceId", testing::traceIdHex(trace.traceIdHigh, trace.traceIdLow)},
                         {"spans", std::move(spans)}});
  }
  data["traces"] = std::move(traceList);
  const std::string json =
      escapeJsonForScript(data.dump(-1, ' ', false, testing::SpanJson::error_handler_t::replace));

  std::string page = kPage;
  page.replace(page.find(kDataPlaceholder), std::char_traits<char>::length(kDataPlaceholder), json);
  return page;
}

}  // namespace tail
}  // namespace jaegertracing
