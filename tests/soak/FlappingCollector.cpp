#include "soak/FlappingCollector.h"

#include <httplib.h>
#include <jaeger_types.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <stdexcept>

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;
using apache::thrift::protocol::TBinaryProtocol;
using apache::thrift::transport::TMemoryBuffer;

// A hanging request is released when the mode changes; this only bounds a mode left on Hang.
constexpr auto kLongestHang = 60s;
// A port just released can stay unbindable for a moment while the kernel tears it down.
constexpr auto kRebindDeadline = 5s;
constexpr auto kRebindRetry = 20ms;

// The number of spans in a body that is exactly one binary-protocol Batch; -1 otherwise.
int64_t spansInBatch(const std::string& body) {
  try {
    auto transport =
        std::make_shared<TMemoryBuffer>(reinterpret_cast<uint8_t*>(const_cast<char*>(body.data())),
                                        static_cast<uint32_t>(body.size()), TMemoryBuffer::OBSERVE);
    TBinaryProtocol protocol(transport);
    jaegertracing::thrift::Batch batch;
    batch.read(&protocol);
    if (transport->available_read() != 0) return -1;
    return static_cast<int64_t>(batch.spans.size());
  } catch (const std::exception&) {
    return -1;
  }
}

}  // namespace

FlappingCollector::FlappingCollector() { start(0); }

FlappingCollector::~FlappingCollector() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    mode_ = Mode::Down;
  }
  modeChanged_.notify_all();
  stop();
}

std::string FlappingCollector::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/api/traces";
}

const char* FlappingCollector::name(Mode mode) {
  switch (mode) {
    case Mode::Accept:
      return "202";
    case Mode::Refuse:
      return "503";
    case Mode::Hang:
      return "hang";
    case Mode::Down:
      return "down";
  }
  return "?";
}

FlappingCollector::Mode FlappingCollector::mode() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return mode_;
}

FlappingCollector::Counts FlappingCollector::counts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return counts_;
}

bool FlappingCollector::setMode(Mode mode) {
  Mode previous;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    previous = mode_;
    mode_ = mode;
  }
  modeChanged_.notify_all();  // releases hanging requests
  if (mode == Mode::Down && previous != Mode::Down) stop();
  if (mode != Mode::Down && previous == Mode::Down) {
    const auto deadline = std::chrono::steady_clock::now() + kRebindDeadline;
    for (;;) {
      try {
        start(port_);
        return true;
      } catch (const std::runtime_error&) {
        if (std::chrono::steady_clock::now() >= deadline) break;
        std::this_thread::sleep_for(kRebindRetry);
      }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    mode_ = Mode::Down;
    return false;
  }
  return true;
}

void FlappingCollector::start(uint16_t port) {
  server_ =
      std::make_unique<HttpTestServer>("the soak collector", port, [this](httplib::Server& http) {
        // Bounds how long stop() waits for workers that hold a half-sent connection.
        http.set_read_timeout(2s);
        http.Post(
            "/api/traces", [this](const httplib::Request& request, httplib::Response& response) {
              response.status = handle(request.get_header_value("Content-Type"), request.body);
            });
      });
  port_ = server_->port();
}

void FlappingCollector::stop() { server_.reset(); }

int FlappingCollector::handle(const std::string& contentType, const std::string& body) {
  const int64_t spans = contentType == "application/x-thrift" ? spansInBatch(body) : -1;
  std::unique_lock<std::mutex> lock(mutex_);
  ++counts_.requests;
  if (spans < 0) {
    ++counts_.badRequests;
    return 400;
  }
  const auto count = static_cast<uint64_t>(spans);
  if (mode_ == Mode::Hang) {
    modeChanged_.wait_for(lock, kLongestHang, [this] { return mode_ != Mode::Hang; });
    counts_.spansHung += count;
    return 503;
  }
  if (mode_ == Mode::Accept) {
    counts_.spansAccepted += count;
    return 202;
  }
  counts_.spansRefused += count;
  return 503;
}

}  // namespace testing
}  // namespace jaegertracing
