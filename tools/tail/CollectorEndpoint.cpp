#include "CollectorEndpoint.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>

#include "agent/BatchDecoder.h"

namespace jaegertracing {
namespace tail {
namespace {

constexpr const char* kPath = "/api/traces";

// "Application/X-Thrift; charset=binary" -> "application/x-thrift"
std::string mediaType(const std::string& contentType) {
  std::string type = contentType.substr(0, contentType.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(),
                            [](unsigned char c) { return std::isspace(c) != 0; }),
             type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

void reject(httplib::Response& response, int status, const std::string& reason) {
  response.status = status;
  response.set_content(reason + "\n", "text/plain");
}

}  // namespace

CollectorEndpoint::CollectorEndpoint(const std::string& host, uint16_t port, BatchHandler onBatch)
    : onBatch_(std::move(onBatch)), server_(std::make_unique<httplib::Server>()), host_(host) {
  // A client's idle keep-alive connection must not hold up stop() for long.
  server_->set_keep_alive_timeout(1);
  server_->set_payload_max_length(kMaxBodyBytes);
  server_->set_pre_routing_handler([](const httplib::Request& request,
                                      httplib::Response& response) {
    if (request.path != kPath) {
      reject(response, 404, "no such path: " + request.path + " (POST batches to " + kPath + ")");
    } else if (request.method != "POST") {
      reject(response, 405, "method " + request.method + ": only POST is accepted");
    } else {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    return httplib::Server::HandlerResponse::Handled;
  });
  server_->Post(kPath, [this](const httplib::Request& request, httplib::Response& response) {
    handlePost(request, response);
  });
  server_->set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    count(request, response);
  });

  if (port == 0) {
    const int bound = server_->bind_to_any_port(host);
    if (bound <= 0) {
      throw std::runtime_error("cannot bind " + host + " for the collector endpoint");
    }
    port_ = static_cast<uint16_t>(bound);
  } else {
    if (!server_->bind_to_port(host, port)) {
      throw std::runtime_error("cannot bind " + hostPort() + " for the collector endpoint");
    }
    port_ = port;
  }
  // The socket listens already: connections queue until this thread accepts them.
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    listenReturned_ = true;
  });
}

CollectorEndpoint::~CollectorEndpoint() { stop(); }

std::string CollectorEndpoint::hostPort() const {
  const bool ipv6 = host_.find(':') != std::string::npos;
  return (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

void CollectorEndpoint::stop() {
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

void CollectorEndpoint::handlePost(const httplib::Request& request, httplib::Response& response) {
  if (request.has_param("format") && request.get_param_value("format") != "jaeger.thrift") {
    reject(response, 400,
           "format \"" + request.get_param_value("format") + "\": only jaeger.thrift is accepted");
    return;
  }
  const std::string type = mediaType(request.get_header_value("Content-Type"));
  if (type != "application/x-thrift" && type != "application/vnd.apache.thrift.binary") {
    reject(response, 400,
           "Content-Type \"" + request.get_header_value("Content-Type") +
               "\": expected application/x-thrift (a binary-protocol Thrift Batch)");
    return;
  }
  jaegertracing::thrift::Batch batch;
  const std::string error =
      testing::decodeBatch(reinterpret_cast<const uint8_t*>(request.body.data()),
                           request.body.size(), testing::ThriftProtocol::kBinary, batch);
  if (!error.empty()) {
    reject(response, 400,
           "body of " + std::to_string(request.body.size()) +
               " bytes is not a binary-protocol Thrift Batch: " + error);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    spans_ += batch.spans.size();
  }
  onBatch_(std::move(batch));
  response.status = 202;
}

void CollectorEndpoint::count(const httplib::Request& request, const httplib::Response& response) {
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

size_t CollectorEndpoint::acceptedRequests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return accepted_;
}

size_t CollectorEndpoint::receivedSpans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spans_;
}

size_t CollectorEndpoint::rejectedRequests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return rejected_;
}

std::vector<std::string> CollectorEndpoint::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

}  // namespace tail
}  // namespace jaegertracing
