#ifndef JAEGERTRACING_SRC_TRACER_SPANRECORDCONVERSION_H
#define JAEGERTRACING_SRC_TRACER_SPANRECORDCONVERSION_H

#include <memory>

#include "tracer/SpanData.h"
#include "tracer/SpanRecord.h"

namespace jaegertracing {
namespace detail {

// Between the compact record the reporter encodes and SpanData, whose plain vectors and
// strings tests and the in-memory reporter read and build.
SpanData toSpanData(const SpanRecord& record);
std::unique_ptr<SpanRecord> toSpanRecord(const SpanData& data);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TRACER_SPANRECORDCONVERSION_H
