#include "HttpCollector.h"

#include <httplib.h>

namespace jaegertracing {
namespace bench {

// The sender keeps one connection alive; the server's short keep-alive timeout lets its
// destruction end that worker soon.
HttpCollector::HttpCollector()
    : server_("the benchmark's collector", 0, [this](httplib::Server& http) {
        http.Post("/api/traces",
                  [this](const httplib::Request& request, httplib::Response& response) {
                    requests_.fetch_add(1, std::memory_order_relaxed);
                    bodyBytes_.fetch_add(request.body.size(), std::memory_order_relaxed);
                    response.status = 202;
                  });
        // An OTLP receiver as well: 200 with an empty body is an ExportTraceServiceResponse
        // with no partial_success.
        http.Post("/v1/traces",
                  [this](const httplib::Request& request, httplib::Response& response) {
                    requests_.fetch_add(1, std::memory_order_relaxed);
                    bodyBytes_.fetch_add(request.body.size(), std::memory_order_relaxed);
                    response.status = 200;
                  });
      }) {}

std::string HttpCollector::endpoint() const { return server_.url("/api/traces"); }

std::string HttpCollector::otlpEndpoint() const { return server_.url("/v1/traces"); }

}  // namespace bench
}  // namespace jaegertracing
