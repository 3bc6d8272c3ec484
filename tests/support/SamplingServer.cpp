#include "support/SamplingServer.h"

#include <httplib.h>

namespace jaegertracing {
namespace testing {

SamplingServer::SamplingServer(uint16_t port)
    : server_("the test sampling server", port, [this](httplib::Server& http) {
        http.Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
          Request recorded{request.method, request.path, request.target, {}};
          for (const auto& [key, value] : request.params) recorded.params.emplace(key, value);
          auto lock = server_.lock();
          requests_.push_back(std::move(recorded));
          server_.notify();
          server_.waitWhileHeld(lock);
          // What the test set when the answer leaves, as an agent answers from its latest state.
          response.status = status_;
          if (!body_.empty()) response.set_content(body_, "application/json");
        });
      }) {}

std::string SamplingServer::url() const { return server_.url("/sampling"); }

size_t SamplingServer::respond(int status, const std::string& body) {
  const auto lock = server_.lock();
  status_ = status;
  body_ = body;
  return requests_.size();
}

size_t SamplingServer::polls() const {
  const auto lock = server_.lock();
  return requests_.size();
}

std::vector<SamplingServer::Request> SamplingServer::requests() const {
  const auto lock = server_.lock();
  return requests_;
}

bool SamplingServer::waitForPolls(size_t n, std::chrono::milliseconds timeout) const {
  return server_.waitUntil(timeout, [&] { return requests_.size() >= n; });
}

}  // namespace testing
}  // namespace jaegertracing
