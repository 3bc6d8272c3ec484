#include "HttpCollector.h"

#include <httplib.h>

#include <stdexcept>

namespace jaegertracing {
namespace bench {

HttpCollector::HttpCollector() : server_(std::make_unique<httplib::Server>()) {
  // The sender keeps one connection alive; a short timeout lets stop() end its worker soon.
  server_->set_keep_alive_timeout(1);
  server_->Post("/api/traces",
                [this](const httplib::Request& request, httplib::Response& response) {
                  requests_.fetch_add(1, std::memory_order_relaxed);
                  bodyBytes_.fetch_add(request.body.size(), std::memory_order_relaxed);
                  response.status = 202;
                });
  // An OTLP receiver as well: 200 with an empty body is an ExportTraceServiceResponse with no
  // partial_success.
  server_->Post("/v1/traces", [this](const httplib::Request& request, httplib::Response& response) {
    requests_.fetch_add(1, std::memory_order_relaxed);
    bodyBytes_.fetch_add(request.body.size(), std::memory_order_relaxed);
    response.status = 200;
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("HttpCollector: cannot bind 127.0.0.1:0");
  // The socket listens already: the sender's first connection waits in the backlog until
  // this thread accepts it.
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    listenReturned_.store(true);
  });
}

HttpCollector::~HttpCollector() {
  // stop() before listen_after_bind() has started would be lost: wait until it runs.
  while (!server_->is_running() && !listenReturned_.load()) std::this_thread::yield();
  server_->stop();
  thread_.join();
}

std::string HttpCollector::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/api/traces";
}

std::string HttpCollector::otlpEndpoint() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/v1/traces";
}

}  // namespace bench
}  // namespace jaegertracing
