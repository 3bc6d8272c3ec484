// jaeger-tail's stand-in for a Jaeger collector's HTTP endpoint: POST /api/traces with a
// binary-protocol Batch (Content-Type application/x-thrift or application/vnd.apache.thrift.binary,
// format=jaeger.thrift if a format is given), as HttpSender and Jaeger's clients send it. Every
// batch is answered 202; anything else 400 with the reason.
#ifndef JAEGERTRACING_TOOLS_TAIL_COLLECTORROUTE_H
#define JAEGERTRACING_TOOLS_TAIL_COLLECTORROUTE_H

#include "HttpEndpoint.h"

namespace jaegertracing {
namespace tail {

HttpEndpoint::Route collectorRoute();

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_COLLECTORROUTE_H
