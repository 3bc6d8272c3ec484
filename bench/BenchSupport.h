// What the benchmarks share: tracers configured as an application would (Tracer::make) or with
// a reporter that discards, a UDP port for the real reporter to send to, and carriers.
#ifndef JAEGERTRACING_BENCH_BENCHSUPPORT_H
#define JAEGERTRACING_BENCH_BENCHSUPPORT_H

#include <arpa/inet.h>
#include <jaegertracing/Config.h>
#include <jaegertracing/Tracer.h>
#include <netinet/in.h>
#include <opentracing/propagation.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "reporters/Reporter.h"
#include "tracer/TracerCore.h"

namespace jaegertracing {
namespace bench {

inline constexpr const char* kServiceName = "jaegertracing-bench";
// Large enough that the reporter's thread, woken at half full, keeps up and nothing is dropped
// unless encoding cannot keep pace with the caller.
inline constexpr int kQueueSize = 100000;

// A UDP socket on 127.0.0.1 that nobody reads: the reporter's datagrams fill its receive buffer
// and the kernel drops the rest. Sending costs the same as to a real agent, and no third thread
// competes with the benchmark and the reporter for the cores.
class UdpSink {
 public:
  UdpSink() : fd_(::socket(AF_INET, SOCK_DGRAM, 0)) {
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      const std::string error = std::strerror(errno);
      ::close(fd_);
      throw std::runtime_error("bind 127.0.0.1:0: " + error);
    }
    port_ = ntohs(address.sin_port);
  }
  ~UdpSink() { ::close(fd_); }
  UdpSink(const UdpSink&) = delete;
  UdpSink& operator=(const UdpSink&) = delete;

  std::string hostPort() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_;
  uint16_t port_ = 0;
};

// Const sampler with the given decision; the reporter sends to agentHostPort.
inline Config makeConfig(bool sampled, const std::string& agentHostPort) {
  return Config(
      /*disabled=*/false, /*traceId128Bit=*/false,
      samplers::Config(kSamplerTypeConst, sampled ? 1.0 : 0.0),
      reporters::Config(kQueueSize, std::chrono::seconds(1), /*logSpans=*/false, agentHostPort),
      propagation::HeadersConfig(), baggage::RestrictionsConfig(), kServiceName);
}

// The tracer an application gets: Tracer::make, with the real reporter and its thread.
inline std::shared_ptr<Tracer> makeTracer(bool sampled, const std::string& agentHostPort) {
  return std::static_pointer_cast<Tracer>(Tracer::make(makeConfig(sampled, agentHostPort)));
}

// Drops every span it gets, on the caller's thread: no network, no second thread, no queue.
// What it leaves out is not only the reporter's work: the real reporter frees each span on its
// own thread, so the caller's malloc never gets that memory back in its thread cache. Compare
// BM_Sampled_Discard with BM_Sampled_StartTagsLogFinish to see what that costs the caller.
class DiscardingReporter final : public detail::Reporter {
 public:
  void report(std::unique_ptr<detail::SpanData> span) noexcept override { span.reset(); }
  bool flush(std::chrono::milliseconds) noexcept override { return true; }
  bool close(std::chrono::milliseconds) noexcept override { return true; }
};

inline std::shared_ptr<Tracer> makeDiscardingTracer(bool sampled) {
  // The agent address is never used: the reporter given here replaces the configured one.
  const Config config = makeConfig(sampled, "127.0.0.1:6831");
  return detail::TracerAccess::make(std::make_unique<detail::TracerCore>(
      kServiceName, config, std::shared_ptr<logging::Logger>(logging::nullLogger()),
      std::make_unique<DiscardingReporter>()));
}

// Headers as a small vector, the way a framework keeps them; clear() keeps its capacity so a
// benchmark can reuse it each iteration. Reader and Writer are the OpenTracing carrier bases:
// TextMap or HTTPHeaders.
template <typename Reader, typename Writer>
class VectorCarrier : public Reader, public Writer {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    headers_.emplace_back(std::string(key.data(), key.size()),
                          std::string(value.data(), value.size()));
    return {};
  }

  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view key,
                                                opentracing::string_view value)>
          f) const override {
    for (const auto& header : headers_) {
      auto result = f(header.first, header.second);
      if (!result) return result;
    }
    return {};
  }

  void clear() { headers_.clear(); }
  const Headers& headers() const { return headers_; }

 private:
  mutable Headers headers_;  // Set is const in OpenTracing
};

using TextMapCarrier = VectorCarrier<opentracing::TextMapReader, opentracing::TextMapWriter>;
using HTTPHeadersCarrier =
    VectorCarrier<opentracing::HTTPHeadersReader, opentracing::HTTPHeadersWriter>;

}  // namespace bench
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_BENCHSUPPORT_H
