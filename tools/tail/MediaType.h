// How jaeger-tail's HTTP routes read a Content-Type: both compare it with the media types they
// take, whatever its case, spacing and parameters.
#ifndef JAEGERTRACING_TOOLS_TAIL_MEDIATYPE_H
#define JAEGERTRACING_TOOLS_TAIL_MEDIATYPE_H

#include <string>

namespace jaegertracing {
namespace tail {

// "Application/X-Thrift; charset=binary" -> "application/x-thrift"
std::string mediaType(const std::string& contentType);

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_MEDIATYPE_H
