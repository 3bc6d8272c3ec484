#include "support/CollectorServer.h"

#include <httplib.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

namespace jaegertracing {
namespace testing {
namespace {

using apache::thrift::protocol::TBinaryProtocol;
using apache::thrift::transport::TMemoryBuffer;

bool hasQueryItem(const std::string& query, const std::string& item) {
  size_t begin = 0;
  while (begin <= query.size()) {
    size_t end = query.find('&', begin);
    if (end == std::string::npos) end = query.size();
    if (query.compare(begin, end - begin, item) == 0) return true;
    begin = end + 1;
  }
  return false;
}

}  // namespace

CollectorServer::CollectorServer(uint16_t port)
    : server_("the test collector", port, [this](httplib::Server& http) {
        http.set_pre_routing_handler(
            [this](const httplib::Request& request, httplib::Response& response) {
              if (request.method == "POST") return httplib::Server::HandlerResponse::Unhandled;
              const Reply reply = handle(request.method, request.path, request.target, "", "", "",
                                         "", request.remote_port);
              response.status = reply.status;
              return httplib::Server::HandlerResponse::Handled;
            });
        http.Post(".*", [this](const httplib::Request& request, httplib::Response& response) {
          const size_t question = request.target.find('?');
          const std::string query =
              question == std::string::npos ? "" : request.target.substr(question + 1);
          const Reply reply =
              handle(request.method, request.path, request.target, query,
                     request.get_header_value("Content-Type"),
                     request.get_header_value("Authorization"), request.body, request.remote_port);
          response.status = reply.status;
          if (!reply.body.empty()) response.set_content(reply.body, "text/plain");
        });
      }) {}

std::string CollectorServer::endpoint() const { return server_.url("/api/traces"); }

void CollectorServer::expectAuthorization(const std::string& value) {
  const auto lock = server_.lock();
  expectedAuthorization_ = value;
}

void CollectorServer::answer(int status, const std::string& body) {
  const auto lock = server_.lock();
  status_ = status;
  body_ = body;
}

CollectorServer::Reply CollectorServer::handle(const std::string& method, const std::string& path,
                                               const std::string& target, const std::string& query,
                                               const std::string& contentType,
                                               const std::string& authorization,
                                               const std::string& body, int remotePort) {
  std::string error;
  jaegertracing::thrift::Batch batch;
  if (method != "POST") {
    error = "method " + method;
  } else if (path != "/api/traces") {
    error = "path " + path;
  } else if (!hasQueryItem(query, "format=jaeger.thrift")) {
    error = "query " + query;
  } else if (contentType != "application/x-thrift") {
    error = "content type " + contentType;
  } else {
    try {
      auto transport = std::make_shared<TMemoryBuffer>(
          reinterpret_cast<uint8_t*>(const_cast<char*>(body.data())),
          static_cast<uint32_t>(body.size()), TMemoryBuffer::OBSERVE);
      TBinaryProtocol protocol(transport);
      batch.read(&protocol);
      if (transport->available_read() != 0) {
        error = std::to_string(transport->available_read()) + " bytes after the Batch";
      }
    } catch (const std::exception& exception) {
      error = std::string("undecodable body: ") + exception.what();
    }
  }

  auto lock = server_.lock();
  if (error.empty() && !expectedAuthorization_.empty() && authorization != expectedAuthorization_) {
    error = "authorization " + authorization;
  }
  Request request{method, target, authorization, contentType, body.size(), remotePort, 0};
  Reply reply{400, error};
  if (error.empty()) {
    reply = Reply{status_, body_};
    spanCount_ += batch.spans.size();
    batches_.push_back(std::move(batch));
  } else {
    errors_.push_back(error);
  }
  request.status = reply.status;
  requests_.push_back(request);
  server_.notify();
  server_.waitWhileHeld(lock);
  return reply;
}

std::vector<jaegertracing::thrift::Batch> CollectorServer::batches() const {
  const auto lock = server_.lock();
  return batches_;
}

std::vector<jaegertracing::thrift::Span> CollectorServer::spans() const {
  const auto lock = server_.lock();
  std::vector<jaegertracing::thrift::Span> spans;
  for (const auto& batch : batches_)
    spans.insert(spans.end(), batch.spans.begin(), batch.spans.end());
  return spans;
}

std::vector<CollectorServer::Request> CollectorServer::requests() const {
  const auto lock = server_.lock();
  return requests_;
}

std::vector<std::string> CollectorServer::errors() const {
  const auto lock = server_.lock();
  return errors_;
}

bool CollectorServer::waitForSpans(size_t n, std::chrono::milliseconds timeout) const {
  return server_.waitUntil(timeout, [&] { return spanCount_ >= n; });
}

bool CollectorServer::waitForRequests(size_t n, std::chrono::milliseconds timeout) const {
  return server_.waitUntil(timeout, [&] { return requests_.size() >= n; });
}

}  // namespace testing
}  // namespace jaegertracing
