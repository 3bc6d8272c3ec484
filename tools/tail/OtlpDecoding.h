// Reads an OTLP/HTTP trace export as receivers do: application/x-protobuf or application/json
// (OTLP's JSON: hex ids, which protobuf's own JSON reader takes as base64 once converted),
// gzip or not, into the types protoc generated from idl/otlp.
#ifndef JAEGERTRACING_TOOLS_TAIL_OTLPDECODING_H
#define JAEGERTRACING_TOOLS_TAIL_OTLPDECODING_H

#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>

#include <string>

#include "MediaType.h"

namespace jaegertracing {
namespace tail {

using OtlpExportRequest = opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;

// The body as it arrived (gzip-compressed when contentEncoding says so, unless the HTTP server
// already inflated it); `plain` gets the uncompressed body. Returns false and says why when
// it cannot be read.
bool decodeOtlpRequest(const std::string& body, const std::string& contentType,
                       const std::string& contentEncoding, OtlpExportRequest& request,
                       std::string& plain, std::string& error);

// mediaType() under the name the test collector (tests/support/OtlpServer.cpp) calls it by.
inline std::string otlpMediaType(const std::string& contentType) { return mediaType(contentType); }

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_OTLPDECODING_H
