#include "TraceTree.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace jaegertracing {
namespace testing {
namespace {

using jaegertracing::thrift::Batch;
using jaegertracing::thrift::Span;
using jaegertracing::thrift::Tag;
using jaegertracing::thrift::TagType;

// A span with the service of the batch that carried it.
struct Node {
  const Span* span;
  const std::string* service;
};

using TraceKey = std::pair<uint64_t, uint64_t>;  // high, low

// parentSpanId, or for clients that leave it 0 and use references instead, the first reference
// into the same trace.
int64_t parentOf(const Span& span) {
  if (span.parentSpanId != 0) {
    return span.parentSpanId;
  }
  for (const auto& reference : span.references) {
    if (reference.traceIdHigh == span.traceIdHigh && reference.traceIdLow == span.traceIdLow) {
      return reference.spanId;
    }
  }
  return 0;
}

// SGR sequences; a service's colour comes from its name so it stays the same across traces.
class Painter {
 public:
  explicit Painter(TreeColors colors) : enabled_(colors == TreeColors::kAnsi) {}

  std::string operation(const std::string& text) const { return paint("1", text); }
  std::string service(const std::string& text) const {
    static const char* const kServiceColors[] = {"36", "35", "33", "32", "34", "31"};
    // FNV-1a: stable across runs and platforms, unlike std::hash.
    uint32_t hash = 2166136261u;
    for (const unsigned char byte : text) {
      hash = (hash ^ byte) * 16777619u;
    }
    return paint(kServiceColors[hash % (sizeof(kServiceColors) / sizeof(kServiceColors[0]))], text);
  }
  std::string duration(const std::string& text) const { return paint("33", text); }
  std::string key(const std::string& text) const { return paint("2", text); }
  std::string header(const std::string& text) const { return paint("1;4", text); }
  std::string faint(const std::string& text) const { return paint("2", text); }

 private:
  std::string paint(const char* code, const std::string& text) const {
    return enabled_ ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
  }

  bool enabled_;
};

std::string tagsText(const std::vector<Tag>& tags, const Painter& painter) {
  std::string text;
  for (const auto& tag : tags) {
    text += ' ';
    text += painter.key(tag.key + "=");
    text += tagValueText(tag);
  }
  return text;
}

class TraceRenderer {
 public:
  TraceRenderer(std::vector<Node> nodes, const Painter& painter, std::ostringstream& out)
      : nodes_(std::move(nodes)), painter_(painter), out_(out) {
    std::stable_sort(nodes_.begin(), nodes_.end(), [](const Node& a, const Node& b) {
      return a.span->startTime < b.span->startTime;
    });
    std::set<int64_t> ids;
    for (const auto& node : nodes_) {
      ids.insert(node.span->spanId);
    }
    for (const auto& node : nodes_) {
      const int64_t parent = parentOf(*node.span);
      // A span that names itself as parent would loop; show it as a root.
      if (parent != 0 && parent != node.span->spanId && ids.count(parent) != 0) {
        children_[parent].push_back(&node);
      } else {
        roots_.push_back(&node);
      }
    }
  }

  void render() {
    for (const Node* root : roots_) {
      renderNode(*root, 1);
    }
    // Only spans in a cycle of parent ids are left; show them rather than hide them.
    for (const auto& node : nodes_) {
      renderNode(node, 1);
    }
  }

 private:
  void renderNode(const Node& node, int depth) {
    const Span& span = *node.span;
    // A trace is a tree; a cycle of parent ids in bad data must not recurse forever.
    if (!rendered_.insert(span.spanId).second) {
      return;
    }
    const std::string indent(2 * depth, ' ');
    out_ << indent << painter_.operation(span.operationName) << " ["
         << painter_.service(*node.service) << "] "
         << painter_.duration(durationText(span.duration)) << tagsText(span.tags, painter_);
    const int64_t parent = parentOf(span);
    if (depth == 1 && parent != 0) {
      out_ << painter_.faint(" (parent " + spanIdHex(parent) + " not received)");
    }
    out_ << '\n';
    for (const auto& log : span.logs) {
      const int64_t offset = log.timestamp - span.startTime;
      out_ << indent << "    "
           << painter_.faint("log " + std::string(offset < 0 ? "-" : "+") +
                             durationText(offset < 0 ? -offset : offset) + ":")
           << tagsText(log.fields, painter_) << '\n';
    }
    const auto children = children_.find(span.spanId);
    if (children != children_.end()) {
      for (const Node* child : children->second) {
        renderNode(*child, depth + 1);
      }
    }
  }

  std::vector<Node> nodes_;
  const Painter& painter_;
  std::ostringstream& out_;
  std::vector<const Node*> roots_;
  std::map<int64_t, std::vector<const Node*>> children_;
  std::set<int64_t> rendered_;
};

}  // namespace

std::string traceIdHex(int64_t high, int64_t low) {
  if (high == 0) {
    return spanIdHex(low);
  }
  return spanIdHex(high) + spanIdHex(low);
}

std::string spanIdHex(int64_t id) {
  char text[17];
  std::snprintf(text, sizeof(text), "%016" PRIx64, static_cast<uint64_t>(id));
  return text;
}

std::string tagValueText(const Tag& tag) {
  switch (tag.vType) {
    case TagType::STRING:
      return tag.vStr;
    case TagType::DOUBLE: {
      std::ostringstream text;
      text.precision(15);
      text << tag.vDouble;
      return text.str();
    }
    case TagType::BOOL:
      return tag.vBool ? "true" : "false";
    case TagType::LONG:
      return std::to_string(tag.vLong);
    case TagType::BINARY: {
      std::string text = "0x";
      char digits[3];
      for (const unsigned char byte : tag.vBinary) {
        std::snprintf(digits, sizeof(digits), "%02x", byte);
        text += digits;
      }
      return text;
    }
  }
  return "<tag type " + std::to_string(static_cast<int>(tag.vType)) + ">";
}

std::string durationText(int64_t microseconds) {
  if (microseconds < 1000) {
    return std::to_string(microseconds) + " µs";
  }
  char text[32];
  std::snprintf(text, sizeof(text), "%.3f ms", static_cast<double>(microseconds) / 1000.0);
  return text;
}

std::string renderTraceTree(const std::vector<Batch>& batches, TreeColors colors) {
  const Painter painter(colors);
  std::map<TraceKey, std::vector<Node>> traces;
  for (const auto& batch : batches) {
    for (const auto& span : batch.spans) {
      traces[{static_cast<uint64_t>(span.traceIdHigh), static_cast<uint64_t>(span.traceIdLow)}]
          .push_back({&span, &batch.process.serviceName});
    }
  }

  // Traces in the order they started, which is how a reader follows a run.
  std::vector<std::pair<int64_t, TraceKey>> order;
  for (const auto& [key, nodes] : traces) {
    int64_t start = nodes.front().span->startTime;
    for (const auto& node : nodes) {
      start = std::min(start, node.span->startTime);
    }
    order.emplace_back(start, key);
  }
  std::sort(order.begin(), order.end());

  std::ostringstream out;
  for (const auto& entry : order) {
    const TraceKey& key = entry.second;
    std::vector<Node>& nodes = traces[key];
    std::set<std::string> services;
    for (const auto& node : nodes) {
      services.insert(*node.service);
    }
    out << painter.header("trace " + traceIdHex(static_cast<int64_t>(key.first),
                                                static_cast<int64_t>(key.second)))
        << ": " << nodes.size() << (nodes.size() == 1 ? " span, " : " spans, ") << services.size()
        << (services.size() == 1 ? " service (" : " services (");
    const char* separator = "";
    for (const auto& service : services) {
      out << separator << painter.service(service);
      separator = ", ";
    }
    out << ")\n";
    TraceRenderer(std::move(nodes), painter, out).render();
  }
  return out.str();
}

}  // namespace testing
}  // namespace jaegertracing
