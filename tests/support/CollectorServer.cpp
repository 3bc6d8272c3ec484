#include "support/CollectorServer.h"

#include <httplib.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <stdexcept>

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

CollectorServer::CollectorServer(uint16_t port) : server_(std::make_unique<httplib::Server>()) {
  // A test that leaves a connection open should not wait long for its worker at the end.
  server_->set_keep_alive_timeout(1);
  server_->set_pre_routing_handler([this](const httplib::Request& request,
                                          httplib::Response& response) {
    if (request.method == "POST") return httplib::Server::HandlerResponse::Unhandled;
    const Reply reply =
        handle(request.method, request.path, request.target, "", "", "", "", request.remote_port);
    response.status = reply.status;
    return httplib::Server::HandlerResponse::Handled;
  });
  server_->Post(".*", [this](const httplib::Request& request, httplib::Response& response) {
    const size_t question = request.target.find('?');
    const std::string query =
        question == std::string::npos ? "" : request.target.substr(question + 1);
    const Reply reply =
        handle(request.method, request.path, request.target, query,
               request.get_header_value("Content-Type"), request.get_header_value("Authorization"),
               request.body, request.remote_port);
    response.status = reply.status;
    if (!reply.body.empty()) response.set_content(reply.body, "text/plain");
  });

  if (port == 0) {
    const int bound = server_->bind_to_any_port("127.0.0.1");
    if (bound <= 0) throw std::runtime_error("cannot bind the test collector");
    port_ = static_cast<uint16_t>(bound);
  } else {
    if (!server_->bind_to_port("127.0.0.1", port)) {
      throw std::runtime_error("cannot bind the test collector to port " + std::to_string(port));
    }
    port_ = port;
  }
  // The socket listens already: connections queue until this thread accepts them.
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    std::lock_guard<std::mutex> lock(mutex_);
    listenReturned_ = true;
    changed_.notify_all();
  });
}

CollectorServer::~CollectorServer() {
  std::unique_lock<std::mutex> lock(mutex_);
  stopping_ = true;
  changed_.notify_all();
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

std::string CollectorServer::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/api/traces";
}

void CollectorServer::expectAuthorization(const std::string& value) {
  std::lock_guard<std::mutex> lock(mutex_);
  expectedAuthorization_ = value;
}

void CollectorServer::answer(int status, const std::string& body) {
  std::lock_guard<std::mutex> lock(mutex_);
  status_ = status;
  body_ = body;
}

void CollectorServer::hang() {
  std::lock_guard<std::mutex> lock(mutex_);
  hanging_ = true;
}

void CollectorServer::resume() {
  std::lock_guard<std::mutex> lock(mutex_);
  hanging_ = false;
  changed_.notify_all();
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

  std::unique_lock<std::mutex> lock(mutex_);
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
  changed_.notify_all();
  if (hanging_) changed_.wait(lock, [this] { return stopping_ || !hanging_; });
  return reply;
}

std::vector<jaegertracing::thrift::Batch> CollectorServer::batches() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return batches_;
}

std::vector<jaegertracing::thrift::Span> CollectorServer::spans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<jaegertracing::thrift::Span> spans;
  for (const auto& batch : batches_)
    spans.insert(spans.end(), batch.spans.begin(), batch.spans.end());
  return spans;
}

std::vector<CollectorServer::Request> CollectorServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::vector<std::string> CollectorServer::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

bool CollectorServer::waitForSpans(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return spanCount_ >= n; });
}

bool CollectorServer::waitForRequests(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
}

}  // namespace testing
}  // namespace jaegertracing
