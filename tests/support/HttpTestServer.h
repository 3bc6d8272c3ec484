// The plumbing every HTTP server of the tests (and the benchmark's collector) shares, so that
// each keeps only its protocol: a cpp-httplib server bound to 127.0.0.1 on a port the OS picks
// (or a given one), serving from its own threads, stopped and joined on destruction; a lock and
// a condition over what its owner records, for waits with a deadline; and answers a test can
// hold, to play a server that hangs.
//
// An owner declares its HttpTestServer as its last member: it is then built after, and destroyed
// before, the members its routes use, so no route runs on a half-built or dead owner.
#ifndef JAEGERTRACING_TESTS_SUPPORT_HTTPTESTSERVER_H
#define JAEGERTRACING_TESTS_SUPPORT_HTTPTESTSERVER_H

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace jaegertracing {
namespace testing {

class HttpTestServer {
 public:
  // Registers the routes (and any option) before the server accepts a connection.
  using Setup = std::function<void(httplib::Server&)>;

  // Binds 127.0.0.1:port (0: the OS picks a free port) and serves. Throws std::runtime_error
  // naming `what` ("the test collector") when the port cannot be bound.
  HttpTestServer(const std::string& what, uint16_t port, const Setup& setup);
  // Releases held answers, stops serving and joins the threads.
  ~HttpTestServer();

  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  uint16_t port() const { return port_; }
  // http://127.0.0.1:<port><path>
  std::string url(const std::string& path = "") const;

  // The lock over the owner's records. A route that changes them calls notify() before it
  // lets go, so that waitUntil() sees the change.
  std::unique_lock<std::mutex> lock() const { return std::unique_lock<std::mutex>(mutex_); }
  void notify() const { changed_.notify_all(); }
  // Waits under lock() until `done` holds; false when the timeout came first.
  template <typename Predicate>
  bool waitUntil(std::chrono::milliseconds timeout, Predicate done) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, done);
  }

  // Holds every answer in waitWhileHeld() until release() or destruction: a server that hangs.
  void hold();
  void release();
  // A route calls it, holding `lock` (from lock()), where its answer would leave.
  void waitWhileHeld(std::unique_lock<std::mutex>& lock) const;

 private:
  std::unique_ptr<httplib::Server> server_;
  uint16_t port_ = 0;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool holding_ = false;
  bool stopping_ = false;
  bool listenReturned_ = false;

  std::thread thread_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_HTTPTESTSERVER_H
