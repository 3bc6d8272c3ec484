#include "CollectorRoute.h"

#include <httplib.h>

#include <utility>
#include <vector>

#include "MediaType.h"
#include "agent/BatchDecoder.h"

namespace jaegertracing {
namespace tail {
namespace {

std::vector<jaegertracing::thrift::Batch> readBatch(const httplib::Request& request,
                                                    httplib::Response& response) {
  if (request.has_param("format") && request.get_param_value("format") != "jaeger.thrift") {
    HttpEndpoint::reject(
        response, 400,
        "format \"" + request.get_param_value("format") + "\": only jaeger.thrift is accepted");
    return {};
  }
  const std::string type = mediaType(request.get_header_value("Content-Type"));
  if (type != "application/x-thrift" && type != "application/vnd.apache.thrift.binary") {
    HttpEndpoint::reject(response, 400,
                         "Content-Type \"" + request.get_header_value("Content-Type") +
                             "\": expected application/x-thrift (a binary-protocol Thrift Batch)");
    return {};
  }
  jaegertracing::thrift::Batch batch;
  const std::string error =
      testing::decodeBatch(reinterpret_cast<const uint8_t*>(request.body.data()),
                           request.body.size(), testing::ThriftProtocol::kBinary, batch);
  if (!error.empty()) {
    HttpEndpoint::reject(response, 400,
                         "body of " + std::to_string(request.body.size()) +
                             " bytes is not a binary-protocol Thrift Batch: " + error);
    return {};
  }
  response.status = 202;
  std::vector<jaegertracing::thrift::Batch> batches;
  batches.push_back(std::move(batch));
  return batches;
}

}  // namespace

HttpEndpoint::Route collectorRoute() { return {"collector", "/api/traces", "batches", readBatch}; }

}  // namespace tail
}  // namespace jaegertracing
