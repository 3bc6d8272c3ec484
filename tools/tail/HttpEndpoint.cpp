#include "HttpEndpoint.h"

#include <httplib.h>

#include <stdexcept>
#include <utility>

namespace jaegertracing {
namespace tail {

HttpEndpoint::HttpEndpoint(const std::string& host, uint16_t port, Route route,
                           BatchHandler onBatch)
    : route_(std::move(route)),
      onBatch_(std::move(onBatch)),
      server_(std::make_unique<httplib::Server>()),
      host_(host) {
  // A client's idle keep-alive connection must not hold up stop() for long.
  server_->set_keep_alive_timeout(1);
  server_->set_payload_max_length(kMaxBodyBytes);
  server_->set_pre_routing_handler([this](const httplib::Request& request,
                                          httplib::Response& response) {
    if (request.path != route_.path) {
      reject(
          response, 404,
          "no such path: " + request.path + " (POST " + route_.posted + " to " + route_.path + ")");
    } else if (request.method != "POST") {
      reject(response, 405, "method " + request.method + ": only POST is accepted");
    } else {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    return httplib::Server::HandlerResponse::Handled;
  });
  server_->Post(route_.path, [this](const httplib::Request& request, httplib::Response& response) {
    handlePost(request, response);
  });
  server_->set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    count(request, response);
  });

  if (port == 0) {
    const int bound = server_->bind_to_any_port(host);
    if (bound <= 0) {
      throw std::runtime_error("cannot bind " + host + " for the " + route_.name + " endpoint");
    }
    port_ = static_cast<uint16_t>(bound);
  } else {
    // Before the bind, so that the error names the port asked for.
    port_ = port;
    if (!server_->bind_to_port(host, port)) {
      throw std::runtime_error("cannot bind " + hostPort() + " for the " + route_.name +
                               " endpoint");
    }
  }
  // The socket listens already: connections queue until this thread accepts them.
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    listenReturned_ = true;
  });
}

HttpEndpoint::~HttpEndpoint() { stop(); }

void HttpEndpoint::reject(httplib::Response& response, int status, const std::string& reason) {
  response.status = status;
  response.set_content(reason + "\n", "text/plain");
}

std::string HttpEndpoint::hostPort() const {
  const bool ipv6 = host_.find(':') != std::string::npos;
  return (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

void HttpEndpoint::stop() {
  if (!thread_.joinable()) {
    return;
  }
  // A stop() before the server runs would be lost: wait for the thread to get there. It runs as
  // soon as the thread is scheduled, since the socket is already bound.
  while (!server_->is_running() && !listenReturned_) {
    std::this_thread::yield();
  }
  server_->stop();
  thread_.join();
}

void HttpEndpoint::handlePost(const httplib::Request& request, httplib::Response& response) {
  std::vector<jaegertracing::thrift::Batch> batches = route_.read(request, response);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& batch : batches) {
      spans_ += batch.spans.size();
    }
  }
  for (auto& batch : batches) {
    onBatch_(std::move(batch));
  }
}

void HttpEndpoint::count(const httplib::Request& request, const httplib::Response& response) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (response.status < 400) {
    ++accepted_;
    return;
  }
  ++rejected_;
  if (errors_.size() >= kKeptErrors) {
    return;
  }
  std::string reason = response.body;
  if (!reason.empty() && reason.back() == '\n') {
    reason.pop_back();
  }
  if (reason.empty()) {
    // cpp-httplib's own answer: the request was not well-formed HTTP, or too large.
    reason = "not a well-formed HTTP request";
  }
  const std::string what =
      request.method.empty() ? "request" : request.method + " " + request.target;
  errors_.push_back(what + ": " + std::to_string(response.status) + ", " + reason);
}

size_t HttpEndpoint::acceptedRequests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return accepted_;
}

size_t HttpEndpoint::receivedSpans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spans_;
}

size_t HttpEndpoint::rejectedRequests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return rejected_;
}

std::vector<std::string> HttpEndpoint::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

}  // namespace tail
}  // namespace jaegertracing
