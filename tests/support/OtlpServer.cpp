#include "support/OtlpServer.h"

#include <httplib.h>

#include <stdexcept>

#include "tail/OtlpDecoding.h"

namespace jaegertracing {
namespace testing {

bool decodeOtlpRequest(const std::string& body, const std::string& contentType,
                       const std::string& contentEncoding, OtlpRequestMessage& request,
                       std::string& error) {
  std::string plain;
  if (!tail::decodeOtlpRequest(body, contentType, contentEncoding, request, plain, error)) {
    return false;
  }
  // The encoder's bytes must be exactly what the reference would write, field for field.
  if (tail::otlpMediaType(contentType) == "application/x-protobuf" &&
      request.ByteSizeLong() != plain.size()) {
    error = "protobuf of " + std::to_string(plain.size()) + " bytes decodes to " +
            std::to_string(request.ByteSizeLong());
    return false;
  }
  return true;
}

OtlpServer::OtlpServer() : server_(std::make_unique<httplib::Server>()) {
  server_->set_keep_alive_timeout(1);
  server_->Post("/v1/traces", [this](const httplib::Request& http, httplib::Response& response) {
    Request request;
    request.contentType = http.get_header_value("Content-Type");
    request.contentEncoding = http.get_header_value("Content-Encoding");
    for (const auto& [name, value] : http.headers) request.headers.emplace(name, value);
    // What came over the wire, before cpp-httplib inflated a gzip body.
    request.bodyBytes = http.has_header("Content-Length")
                            ? std::stoul(http.get_header_value("Content-Length"))
                            : http.body.size();
    request.arrival = std::chrono::steady_clock::now();
    OtlpRequestMessage decoded;
    std::string error;
    const bool ok =
        decodeOtlpRequest(http.body, request.contentType, request.contentEncoding, decoded, error);

    std::lock_guard<std::mutex> lock(mutex_);
    Answer answer{400, error, ""};
    if (ok) {
      if (!script_.empty()) {
        answer = script_.front();
        script_.pop_front();
      } else {
        answer = answer_;
      }
    } else {
      errors_.push_back(error);
    }
    if (ok && answer.status >= 200 && answer.status < 300) {
      for (const auto& resourceSpans : decoded.resource_spans()) {
        for (const auto& scopeSpans : resourceSpans.scope_spans()) {
          spanCount_ += static_cast<size_t>(scopeSpans.spans_size());
        }
      }
      decoded_.push_back(std::move(decoded));
    }
    request.status = answer.status;
    const std::string contentType = ok ? request.contentType : "text/plain";
    requests_.push_back(std::move(request));
    changed_.notify_all();

    response.status = answer.status;
    if (!answer.retryAfter.empty()) response.set_header("Retry-After", answer.retryAfter);
    response.set_content(answer.body, contentType.c_str());
  });
  const int bound = server_->bind_to_any_port("127.0.0.1");
  if (bound <= 0) throw std::runtime_error("cannot bind the test OTLP receiver");
  port_ = static_cast<uint16_t>(bound);
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    std::lock_guard<std::mutex> lock(mutex_);
    listenReturned_ = true;
    changed_.notify_all();
  });
}

OtlpServer::~OtlpServer() {
  std::unique_lock<std::mutex> lock(mutex_);
  // A stop() before the server runs would be lost; it runs as soon as its thread starts.
  while (!server_->is_running() && !listenReturned_) {
    lock.unlock();
    std::this_thread::yield();
    lock.lock();
  }
  lock.unlock();
  server_->stop();
  thread_.join();
}

std::string OtlpServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }
std::string OtlpServer::endpoint() const { return baseUrl() + "/v1/traces"; }

void OtlpServer::script(std::vector<Answer> answers) {
  std::lock_guard<std::mutex> lock(mutex_);
  script_.assign(answers.begin(), answers.end());
}

void OtlpServer::answer(Answer answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  answer_ = std::move(answer);
}

std::vector<OtlpRequestMessage> OtlpServer::decoded() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return decoded_;
}

std::vector<OtlpServer::Request> OtlpServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::vector<std::string> OtlpServer::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

size_t OtlpServer::spanCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spanCount_;
}

bool OtlpServer::waitForSpans(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return spanCount_ >= n; });
}

bool OtlpServer::waitForRequests(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
}

}  // namespace testing
}  // namespace jaegertracing
