#include "OtlpEndpoint.h"

#include <httplib.h>

#include <stdexcept>
#include <utility>

#include "OtlpDecoding.h"
#include "OtlpToJaeger.h"

namespace jaegertracing {
namespace tail {
namespace {

constexpr const char* kPath = "/v1/traces";

void reject(httplib::Response& response, int status, const std::string& reason) {
  response.status = status;
  response.set_content(reason + "\n", "text/plain");
}

}  // namespace

OtlpEndpoint::OtlpEndpoint(const std::string& host, uint16_t port, BatchHandler onBatch)
    : onBatch_(std::move(onBatch)), server_(std::make_unique<httplib::Server>()), host_(host) {
  server_->set_keep_alive_timeout(1);
  server_->set_payload_max_length(kMaxBodyBytes);
  server_->set_pre_routing_handler([](const httplib::Request& request,
                                      httplib::Response& response) {
    if (request.path != kPath) {
      reject(response, 404, "no such path: " + request.path + " (POST traces to " + kPath + ")");
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
    if (bound <= 0) throw std::runtime_error("cannot bind " + host + " for the OTLP endpoint");
    port_ = static_cast<uint16_t>(bound);
  } else {
    if (!server_->bind_to_port(host, port)) {
      throw std::runtime_error("cannot bind " + hostPort() + " for the OTLP endpoint");
    }
    port_ = port;
  }
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    listenReturned_ = true;
  });
}

OtlpEndpoint::~OtlpEndpoint() { stop(); }

std::string OtlpEndpoint::hostPort() const {
  const bool ipv6 = host_.find(':') != std::string::npos;
  return (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

void OtlpEndpoint::stop() {
  if (!thread_.joinable()) return;
  // A stop() before the server runs would be lost: wait for the thread to get there.
  while (!server_->is_running() && !listenReturned_) std::this_thread::yield();
  server_->stop();
  thread_.join();
}

void OtlpEndpoint::handlePost(const httplib::Request& request, httplib::Response& response) {
  OtlpExportRequest decoded;
  std::string plain;
  std::string error;
  const std::string contentType = request.get_header_value("Content-Type");
  if (!decodeOtlpRequest(request.body, contentType, request.get_header_value("Content-Encoding"),
                         decoded, plain, error)) {
    reject(response, 400,
           "body of " + std::to_string(request.body.size()) +
               " bytes is not an ExportTraceServiceRequest: " + error);
    return;
  }
  std::vector<jaegertracing::thrift::Batch> batches = toJaegerBatches(decoded);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& batch : batches) spans_ += batch.spans.size();
  }
  for (auto& batch : batches) onBatch_(std::move(batch));
  response.status = 200;
  // An empty ExportTraceServiceResponse: full success.
  if (otlpMediaType(contentType) == "application/json") {
    response.set_content("{}", "application/json");
  } else {
    response.set_content("", "application/x-protobuf");
  }
}

void OtlpEndpoint::count(const httplib::Request& request, const httplib::Response& response) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (response.status < 400) {
    ++accepted_;
    return;
  }
  ++rejected_;
  if (errors_.size() >= kKeptErrors) return;
  std::string reason = response.body;
  if (!reason.empty() && reason.back() == '\n') reason.pop_back();
  if (reason.empty()) reason = "not a well-formed HTTP request";
  const std::string what =
      request.method.empty() ? "request" : request.method + " " + request.target;
  errors_.push_back(what + ": " + std::to_string(response.status) + ", " + reason);
}

size_t OtlpEndpoint::acceptedRequests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return accepted_;
}

size_t OtlpEndpoint::receivedSpans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spans_;
}

size_t OtlpEndpoint::rejectedRequests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return rejected_;
}

std::vector<std::string> OtlpEndpoint::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

}  // namespace tail
}  // namespace jaegertracing
