#include "support/OtlpServer.h"

#include <httplib.h>

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

OtlpServer::OtlpServer()
    : server_("the test OTLP receiver", 0, [this](httplib::Server& http) {
        http.Post("/v1/traces", [this](const httplib::Request& request,
                                       httplib::Response& response) { handle(request, response); });
      }) {}

std::string OtlpServer::baseUrl() const { return server_.url(); }
std::string OtlpServer::endpoint() const { return server_.url("/v1/traces"); }

void OtlpServer::handle(const httplib::Request& http, httplib::Response& response) {
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

  const auto lock = server_.lock();
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
  server_.notify();

  response.status = answer.status;
  if (!answer.retryAfter.empty()) response.set_header("Retry-After", answer.retryAfter);
  response.set_content(answer.body, contentType.c_str());
}

void OtlpServer::script(std::vector<Answer> answers) {
  const auto lock = server_.lock();
  script_.assign(answers.begin(), answers.end());
}

void OtlpServer::answer(Answer answer) {
  const auto lock = server_.lock();
  answer_ = std::move(answer);
}

std::vector<OtlpRequestMessage> OtlpServer::decoded() const {
  const auto lock = server_.lock();
  return decoded_;
}

std::vector<OtlpServer::Request> OtlpServer::requests() const {
  const auto lock = server_.lock();
  return requests_;
}

std::vector<std::string> OtlpServer::errors() const {
  const auto lock = server_.lock();
  return errors_;
}

size_t OtlpServer::spanCount() const {
  const auto lock = server_.lock();
  return spanCount_;
}

bool OtlpServer::waitForSpans(size_t n, std::chrono::milliseconds timeout) const {
  return server_.waitUntil(timeout, [&] { return spanCount_ >= n; });
}

bool OtlpServer::waitForRequests(size_t n, std::chrono::milliseconds timeout) const {
  return server_.waitUntil(timeout, [&] { return requests_.size() >= n; });
}

}  // namespace testing
}  // namespace jaegertracing
