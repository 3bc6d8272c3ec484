#ifndef JAEGERTRACING_SRC_MODEL_SPANDATA_H
#define JAEGERTRACING_SRC_MODEL_SPANDATA_H

#include <jaegertracing/TraceID.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace jaegertracing {
namespace detail {

// A tag value in the four shapes Jaeger's Thrift model has (STRING, DOUBLE, BOOL, LONG).
using TagValue = std::variant<std::string, double, bool, int64_t>;

struct SpanTag {
  std::string key;
  TagValue value;
};

struct LogRecord {
  int64_t timestampMicros = 0;
  std::vector<SpanTag> fields;
};

struct SpanReference {
  bool followsFrom = false;
  TraceID traceID;
  uint64_t spanID = 0;
};

// Everything a finished span reports. It owns all its bytes and points to nothing, so the
// reporter's thread can encode it after the span, the tracer and the caller's buffers are gone.
struct SpanData {
  TraceID traceID;
  uint64_t spanID = 0;
  uint64_t parentID = 0;
  unsigned char flags = 0;
  std::string operationName;
  int64_t startMicros = 0;     // wall clock, microseconds since the epoch
  int64_t durationMicros = 0;  // from the monotonic clock
  std::vector<SpanReference> references;
  std::vector<SpanTag> tags;
  std::vector<LogRecord> logs;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_MODEL_SPANDATA_H
