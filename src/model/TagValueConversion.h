#ifndef JAEGERTRACING_SRC_MODEL_TAGVALUECONVERSION_H
#define JAEGERTRACING_SRC_MODEL_TAGVALUECONVERSION_H

#include <opentracing/value.h>

#include "model/SpanData.h"

namespace jaegertracing {
namespace detail {

// Copies an OpenTracing value into a Jaeger tag value. Strings, string_views and C strings
// are copied here, so the caller may reuse its buffer right after SetTag. uint64 values that
// do not fit an i64 become decimal strings; nullptr becomes "null"; lists and dicts are
// rendered as JSON text. The result is never empty of meaning.
TagValue toTagValue(const opentracing::Value& value);

// The text form used for string renderings (and by the logging reporter).
std::string toDisplayString(const TagValue& value);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_MODEL_TAGVALUECONVERSION_H
