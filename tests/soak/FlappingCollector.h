// A Jaeger collector for the soak test that misbehaves on command: it answers 202, answers
// 503, hangs (reads the request and never answers until it leaves that mode), or is down (its
// socket closed, then bound again on the same port). It listens on 127.0.0.1 on a port the OS
// picks and only counts what it receives, decoded with the generated Thrift types, so that its
// memory stays flat however long the soak runs.
#ifndef JAEGERTRACING_TESTS_SOAK_FLAPPINGCOLLECTOR_H
#define JAEGERTRACING_TESTS_SOAK_FLAPPINGCOLLECTOR_H

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "support/HttpTestServer.h"

namespace jaegertracing {
namespace testing {

class FlappingCollector {
 public:
  enum class Mode { Accept, Refuse, Hang, Down };

  // Spans by what the collector answered for the batch that carried them.
  struct Counts {
    uint64_t requests = 0;
    uint64_t spansAccepted = 0;  // answered 202: the only spans a client may count as reported
    uint64_t spansRefused = 0;   // answered 503
    uint64_t spansHung = 0;      // held unanswered, then answered 503
    uint64_t badRequests = 0;    // not a well-formed Batch POST: a client bug
  };

  // Throws std::runtime_error when no port can be bound.
  FlappingCollector();
  // Releases hanging requests and stops serving.
  ~FlappingCollector();

  FlappingCollector(const FlappingCollector&) = delete;
  FlappingCollector& operator=(const FlappingCollector&) = delete;

  // http://127.0.0.1:<port>/api/traces, the same across restarts.
  std::string endpoint() const;
  // Down stops the server; leaving Down binds the same port again. False when that bind did
  // not succeed within its deadline (the collector then stays down).
  bool setMode(Mode mode);
  Mode mode() const;
  Counts counts() const;

  static const char* name(Mode mode);

 private:
  void start(uint16_t port);  // throws std::runtime_error
  void stop();
  int handle(const std::string& contentType, const std::string& body);

  uint16_t port_ = 0;

  mutable std::mutex mutex_;
  std::condition_variable modeChanged_;
  Mode mode_ = Mode::Accept;
  Counts counts_;

  // Null while Down; last: see HttpTestServer.h.
  std::unique_ptr<HttpTestServer> server_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SOAK_FLAPPINGCOLLECTOR_H
