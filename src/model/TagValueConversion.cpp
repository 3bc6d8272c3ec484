#include "model/TagValueConversion.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

namespace jaegertracing {
namespace detail {
namespace {

void appendJsonString(std::string& out, opentracing::string_view text) {
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

std::string formatDouble(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

// Renders a value as JSON text, for lists and dictionaries.
struct JsonRenderer {
  std::string& out;

  void operator()(bool v) const { out += v ? "true" : "false"; }
  void operator()(double v) const { out += formatDouble(v); }
  void operator()(int64_t v) const { out += std::to_string(v); }
  void operator()(uint64_t v) const { out += std::to_string(v); }
  void operator()(const std::string& v) const { appendJsonString(out, v); }
  void operator()(opentracing::string_view v) const { appendJsonString(out, v); }
  void operator()(std::nullptr_t) const { out += "null"; }
  void operator()(const char* v) const {
    if (v == nullptr) {
      out += "null";
    } else {
      appendJsonString(out, v);
    }
  }
  void operator()(const opentracing::Values& values) const {
    out.push_back('[');
    bool first = true;
    for (const auto& v : values) {
      if (!first) out += ",";
      first = false;
      opentracing::util::apply_visitor(*this, v);
    }
    out.push_back(']');
  }
  void operator()(const opentracing::Dictionary& dictionary) const {
    out.push_back('{');
    bool first = true;
    for (const auto& entry : dictionary) {
      if (!first) out += ",";
      first = false;
      appendJsonString(out, entry.first);
      out.push_back(':');
      opentracing::util::apply_visitor(*this, entry.second);
    }
    out.push_back('}');
  }
};

struct TagValueMaker {
  TagValue operator()(bool v) const { return v; }
  TagValue operator()(double v) const { return v; }
  TagValue operator()(int64_t v) const { return v; }
  TagValue operator()(uint64_t v) const {
    if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return static_cast<int64_t>(v);
    }
    return std::to_string(v);
  }
  TagValue operator()(const std::string& v) const { return v; }
  TagValue operator()(opentracing::string_view v) const { return std::string(v.data(), v.size()); }
  TagValue operator()(std::nullptr_t) const { return std::string("null"); }
  TagValue operator()(const char* v) const { return std::string(v == nullptr ? "null" : v); }
  TagValue operator()(const opentracing::Values& values) const {
    std::string out;
    JsonRenderer{out}(values);
    return out;
  }
  TagValue operator()(const opentracing::Dictionary& dictionary) const {
    std::string out;
    JsonRenderer{out}(dictionary);
    return out;
  }
};

struct DisplayStringMaker {
  std::string operator()(const std::string& v) const { return v; }
  std::string operator()(double v) const { return formatDouble(v); }
  std::string operator()(bool v) const { return v ? "true" : "false"; }
  std::string operator()(int64_t v) const { return std::to_string(v); }
};

}  // namespace

TagValue toTagValue(const opentracing::Value& value) {
  return opentracing::util::apply_visitor(TagValueMaker{}, value);
}

std::string toDisplayString(const TagValue& value) {
  return std::visit(DisplayStringMaker{}, value);
}

}  // namespace detail
}  // namespace jaegertracing
