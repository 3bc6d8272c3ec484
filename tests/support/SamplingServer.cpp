#include "support/SamplingServer.h"

#include <httplib.h>

#include <stdexcept>

namespace jaegertracing {
namespace testing {

SamplingServer::SamplingServer(uint16_t port) : server_(std::make_unique<httplib::Server>()) {
  server_->set_keep_alive_timeout(1);
  server_->Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
    Request recorded{request.method, request.path, request.target, {}};
    for (const auto& [key, value] : request.params) recorded.params.emplace(key, value);
    std::unique_lock<std::mutex> lock(mutex_);
    requests_.push_back(std::move(recorded));
    changed_.notify_all();
    changed_.wait(lock, [this] { return !holding_ || stopping_; });
    // What the test set when the answer leaves, as an agent answers from its latest state.
    response.status = status_;
    if (!body_.empty()) response.set_content(body_, "application/json");
  });

  if (port == 0) {
    const int bound = server_->bind_to_any_port("127.0.0.1");
    if (bound <= 0) throw std::runtime_error("cannot bind the test sampling server");
    port_ = static_cast<uint16_t>(bound);
  } else {
    if (!server_->bind_to_port("127.0.0.1", port)) {
      throw std::runtime_error("cannot bind the test sampling server to port " +
                               std::to_string(port));
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

SamplingServer::~SamplingServer() {
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

std::string SamplingServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/sampling";
}

size_t SamplingServer::respond(int status, const std::string& body) {
  std::lock_guard<std::mutex> lock(mutex_);
  status_ = status;
  body_ = body;
  return requests_.size();
}

void SamplingServer::hold() {
  std::lock_guard<std::mutex> lock(mutex_);
  holding_ = true;
}

void SamplingServer::release() {
  std::lock_guard<std::mutex> lock(mutex_);
  holding_ = false;
  changed_.notify_all();
}

size_t SamplingServer::polls() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

std::vector<SamplingServer::Request> SamplingServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

bool SamplingServer::waitForPolls(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
}

}  // namespace testing
}  // namespace jaegertracing
