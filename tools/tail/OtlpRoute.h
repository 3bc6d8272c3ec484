// jaeger-tail's OTLP/HTTP receiver: POST /v1/traces with an ExportTraceServiceRequest in
// protobuf or JSON, gzip or not, as the library's OTLP sender and OpenTelemetry's SDKs send
// it. Each request's spans go on as Jaeger Batches (tail/OtlpToJaeger.h), so they show as
// Thrift spans do, and it is answered 200 with an empty ExportTraceServiceResponse; anything
// else 400 with the reason.
#ifndef JAEGERTRACING_TOOLS_TAIL_OTLPROUTE_H
#define JAEGERTRACING_TOOLS_TAIL_OTLPROUTE_H

#include "HttpEndpoint.h"

namespace jaegertracing {
namespace tail {

HttpEndpoint::Route otlpRoute();

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_OTLPROUTE_H
