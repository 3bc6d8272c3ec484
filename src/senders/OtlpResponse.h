#ifndef JAEGERTRACING_SRC_SENDERS_OTLPRESPONSE_H
#define JAEGERTRACING_SRC_SENDERS_OTLPRESPONSE_H

#include <cstdint>
#include <string>
#include <string_view>

namespace jaegertracing {
namespace detail {

// ExportTraceServiceResponse.partial_success: spans the server accepted the request with but
// rejected, and why.
struct OtlpPartialSuccess {
  int64_t rejectedSpans = 0;
  std::string errorMessage;
};

// Reads a successful answer's body, protobuf or JSON as the request was. An empty or
// unreadable body (some servers answer nothing or text) is a full success.
OtlpPartialSuccess parsePartialSuccess(std::string_view body, bool json);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_OTLPRESPONSE_H
