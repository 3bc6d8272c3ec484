#include "support/HttpTestServer.h"

#include <httplib.h>

#include <stdexcept>

namespace jaegertracing {
namespace testing {

HttpTestServer::HttpTestServer(const std::string& what, uint16_t port, const Setup& setup)
    : server_(std::make_unique<httplib::Server>()) {
  // A test that leaves a connection open should not wait long for its worker at the end.
  server_->set_keep_alive_timeout(1);
  setup(*server_);
  if (port == 0) {
    const int bound = server_->bind_to_any_port("127.0.0.1");
    if (bound <= 0) throw std::runtime_error("cannot bind " + what);
    port_ = static_cast<uint16_t>(bound);
  } else {
    if (!server_->bind_to_port("127.0.0.1", port)) {
      throw std::runtime_error("cannot bind " + what + " to port " + std::to_string(port));
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

HttpTestServer::~HttpTestServer() {
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

std::string HttpTestServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void HttpTestServer::hold() {
  std::lock_guard<std::mutex> lock(mutex_);
  holding_ = true;
}

void HttpTestServer::release() {
  std::lock_guard<std::mutex> lock(mutex_);
  holding_ = false;
  changed_.notify_all();
}

void HttpTestServer::waitWhileHeld(std::unique_lock<std::mutex>& lock) const {
  changed_.wait(lock, [this] { return !holding_ || stopping_; });
}

}  // namespace testing
}  // namespace jaegertracing
