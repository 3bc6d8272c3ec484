#ifndef JAEGERTRACING_TESTS_SUPPORT_SPANRECORDCONVERSION_H
#define JAEGERTRACING_TESTS_SUPPORT_SPANRECORDCONVERSION_H

#include <memory>

#include "model/SpanData.h"
#include "model/SpanRecord.h"

namespace jaegertracing {
namespace detail {

// Between the compact record the reporter encodes and SpanData, whose plain vectors and
// strings tests and the in-memory reporter read and build.
SpanData toSpanData(const SpanRecord& record);
std::unique_ptr<SpanRecord> toSpanRecord(const SpanData& data);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_SPANRECORDCONVERSION_H
