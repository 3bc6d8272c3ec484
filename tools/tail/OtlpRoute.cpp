#include "OtlpRoute.h"

#include <httplib.h>

#include <vector>

#include "MediaType.h"
#include "OtlpDecoding.h"
#include "OtlpToJaeger.h"

namespace jaegertracing {
namespace tail {
namespace {

std::vector<jaegertracing::thrift::Batch> readExport(const httplib::Request& request,
                                                     httplib::Response& response) {
  OtlpExportRequest decoded;
  std::string plain;
  std::string error;
  const std::string contentType = request.get_header_value("Content-Type");
  if (!decodeOtlpRequest(request.body, contentType, request.get_header_value("Content-Encoding"),
                         decoded, plain, error)) {
    HttpEndpoint::reject(response, 400,
                         "body of " + std::to_string(request.body.size()) +
                             " bytes is not an ExportTraceServiceRequest: " + error);
    return {};
  }
  response.status = 200;
  // An empty ExportTraceServiceResponse: full success.
  if (mediaType(contentType) == "application/json") {
    response.set_content("{}", "application/json");
  } else {
    response.set_content("", "application/x-protobuf");
  }
  return toJaegerBatches(decoded);
}

}  // namespace

HttpEndpoint::Route otlpRoute() { return {"OTLP", "/v1/traces", "traces", readExport}; }

}  // namespace tail
}  // namespace jaegertracing
