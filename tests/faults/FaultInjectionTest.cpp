// A tracer is a guest in the application's process: when memory runs out it may lose spans,
// but it may never terminate the process, let an exception out of a noexcept call or a thread
// of its own, or lose count of a span. This binary's operator new (FailingAllocator.cpp) fails
// the allocation after the first N, alone or with every one after it, N swept over the whole
// of a tracer's work; each N runs in a forked child, so that one failure does not hide the next.
//
// To look at one N under a debugger, JAEGERTRACING_FAULT_N=<n> (and
// JAEGERTRACING_FAULT_PERSISTENT=1 for every allocation after it) runs it in this process:
// gdb -ex 'break std::terminate' -ex run -ex bt --args jaegertracing_fault_tests
#include <arpa/inet.h>
#include <execinfo.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "FailingAllocator.h"

namespace jaegertracing {
namespace {

using namespace std::chrono_literals;
using testing::armAllocationFailure;
using testing::disarmAllocationFailure;

constexpr int64_t kNeverFail = INT64_MAX;
// At most this many N per sweep: every allocation of the run, unless it makes more.
constexpr int kPoints = 400;
// A child that takes longer has hung: close() is bounded by kCloseTimeout, all else is fast.
constexpr auto kChildDeadline = 30s;
constexpr auto kCloseTimeout = 2000ms;

// ---------------------------------------------------------------------------------------------
// In the child

int64_t currentN = 0;

// Writes without allocating: the allocator may be failing when these run.
void say(const char* text) {
  const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  static_cast<void>(ignored);
}

void printStack() {
  void* frames[64];
  const int depth = ::backtrace(frames, 64);
  ::backtrace_symbols_fd(frames, depth, STDERR_FILENO);
}

[[noreturn]] void onTerminate() {
  disarmAllocationFailure();
  char line[512];
  std::snprintf(line, sizeof line, "TERMINATE at N=%" PRId64 " on thread %lu", currentN,
                static_cast<unsigned long>(::pthread_self()));
  say(line);
  if (const std::exception_ptr exception = std::current_exception()) {
    try {
      std::rethrow_exception(exception);
    } catch (const std::exception& error) {
      std::snprintf(line, sizeof line, ": uncaught %s", error.what());
      say(line);
    } catch (...) {
      say(": uncaught non-std exception");
    }
  }
  say("\n");
  printStack();
  std::_Exit(70);
}

void onCrash(int signal) {
  disarmAllocationFailure();
  char line[128];
  std::snprintf(line, sizeof line, "SIGNAL %d at N=%" PRId64 "\n", signal, currentN);
  say(line);
  printStack();
  std::_Exit(71);
}

// A TextMap carrier over a vector; it reports a failed copy as an error, as an application's
// carrier would, instead of throwing through the tracer.
class Carrier final : public opentracing::TextMapReader, public opentracing::TextMapWriter {
 public:
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    try {
      entries_.emplace_back(std::string(key), std::string(value));
      return {};
    } catch (const std::bad_alloc&) {
      return opentracing::make_unexpected(std::make_error_code(std::errc::not_enough_memory));
    }
  }
  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view, opentracing::string_view)>
          f) const override {
    for (const auto& [key, value] : entries_) {
      if (auto result = f(key, value); !result) return result;
    }
    return {};
  }

 private:
  mutable std::vector<std::pair<std::string, std::string>> entries_;
};

struct Escapes {
  int inject = 0;   // Inject is not noexcept: an exception from it is allowed, and counted
  int extract = 0;  // Extract is documented never to throw
};

// Sampled, unsampled and late-sampled spans with tags, logs and baggage; Inject and Extract.
void trace(opentracing::Tracer& tracer, Escapes& escapes) {
  Carrier unsampledParent;  // filled before arming
  static_cast<void>(unsampledParent.Set("uber-trace-id", "1:2:0:0"));
  for (int i = 0; i < 6; ++i) {
    auto root = tracer.StartSpan("root");
    if (root) {
      root->SetTag("int", 42);
      root->SetTag("text", "a value that does not fit a short string buffer");
      root->SetTag("double", 1.5);
      root->Log({{"event", "step"}, {"count", i}});
      root->SetBaggageItem("user", "alice");
      root->SetOperationName("renamed root");
    }
    Carrier carrier;
    std::unique_ptr<opentracing::SpanContext> extracted;
    if (root) {
      try {
        static_cast<void>(tracer.Inject(root->context(), carrier));
      } catch (...) {
        ++escapes.inject;
      }
    }
    try {
      auto result = tracer.Extract(carrier);
      if (result) extracted = std::move(*result);
    } catch (...) {
      ++escapes.extract;
    }
    std::unique_ptr<opentracing::Span> child;
    if (extracted) {
      child = tracer.StartSpan("child", {opentracing::ChildOf(extracted.get())});
    } else if (root) {
      child = tracer.StartSpan("child", {opentracing::ChildOf(&root->context())});
    }
    if (child) {
      child->SetTag("child", true);
      child->Log({{"event", "child step"}});
      static_cast<void>(child->BaggageItem("user"));
    }

    std::unique_ptr<opentracing::SpanContext> parent;
    try {
      auto result = tracer.Extract(unsampledParent);
      if (result) parent = std::move(*result);
    } catch (...) {
      ++escapes.extract;
    }
    auto unsampled = parent ? tracer.StartSpan("unsampled", {opentracing::ChildOf(parent.get())})
                            : tracer.StartSpan("unsampled");
    if (unsampled) {
      unsampled->SetTag("dropped", "unless sampled late");
      // Every other one is sampled late, by the application.
      if (i % 2 == 0) unsampled->SetTag("sampling.priority", 1);
      unsampled->SetTag("after", 7);
      unsampled->Log({{"event", "late"}});
      unsampled->Finish();
    }
    // A sampled span the application unsamples.
    auto unwanted = tracer.StartSpan("unwanted", {opentracing::SetTag("sampling.priority", 0)});
    if (unwanted) unwanted->Finish();
    if (child) child->Finish();
    if (root) root->Finish();
  }
}

std::shared_ptr<Tracer> makeTracer(uint16_t sinkPort) {
  return std::static_pointer_cast<Tracer>(Tracer::make(
      "fault-injection",
      Config(false, false, samplers::Config(kSamplerTypeConst, 1),
             reporters::Config(100, 10ms, false, "127.0.0.1:" + std::to_string(sinkPort)))));
}

// Runs one N: returns 0 when the process survived and the counters add up.
int runOne(int64_t n, bool persistent, uint16_t sinkPort) {
  currentN = n;
  std::set_terminate(onTerminate);
  ::signal(SIGSEGV, onCrash);
  ::signal(SIGBUS, onCrash);
  ::signal(SIGFPE, onCrash);
  ::signal(SIGILL, onCrash);

  std::shared_ptr<Tracer> tracer = makeTracer(sinkPort);
  Escapes escapes;
  armAllocationFailure(n, persistent);
  trace(*tracer, escapes);
  tracer->Flush(kCloseTimeout);
  tracer->close(kCloseTimeout);
  const TracerStats stats = tracer->stats();
  tracer.reset();
  const uint64_t allocations = testing::allocationsSinceArmed();
  const uint64_t failed = testing::failedAllocations();
  disarmAllocationFailure();

  const uint64_t accounted = stats.spansReported + stats.droppedQueueFull + stats.droppedTooLarge +
                             stats.droppedSendFailed + stats.droppedAfterClose;
  std::fprintf(stderr,
               "N=%" PRId64 " allocations=%" PRIu64 " failed=%" PRIu64 " finished=%" PRIu64
               " reported=%" PRIu64 " queueFull=%" PRIu64 " tooLarge=%" PRIu64
               " sendFailed=%" PRIu64 " afterClose=%" PRIu64 " queued=%" PRIu64
               " injectThrew=%d extractThrew=%d\n",
               n, allocations, failed, stats.spansFinished, stats.spansReported,
               stats.droppedQueueFull, stats.droppedTooLarge, stats.droppedSendFailed,
               stats.droppedAfterClose, stats.queueLength, escapes.inject, escapes.extract);
  if (escapes.extract != 0) {
    std::fprintf(stderr, "EXTRACT THREW at N=%" PRId64 "\n", n);
    return 2;
  }
  if (stats.spansFinished != accounted) {
    std::fprintf(stderr,
                 "UNACCOUNTED at N=%" PRId64 ": finished %" PRIu64 " != %" PRIu64
                 " reported or dropped\n",
                 n, stats.spansFinished, accounted);
    return 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// In the test

// Where the tracer sends its datagrams: a socket that is never read (the kernel drops what
// overflows it), so that the test has no thread of its own to starve.
class UdpSink {
 public:
  UdpSink() {
    fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("cannot bind a UDP socket on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
  }
  ~UdpSink() { ::close(fd_); }
  uint16_t port() const { return port_; }

 private:
  int fd_ = -1;
  uint16_t port_ = 0;
};

struct Outcome {
  int64_t n = 0;
  bool survived = false;  // exited 0
  std::string what;       // how it ended, when it did not survive
  std::string output;     // the child's stderr
  uint64_t allocations = 0;
};

Outcome runChild(int64_t n, bool persistent, uint16_t sinkPort) {
  Outcome outcome;
  outcome.n = n;
  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
    outcome.what = "pipe failed";
    return outcome;
  }
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipeFds[1], STDERR_FILENO);
    std::_Exit(runOne(n, persistent, sinkPort));
  }
  ::close(pipeFds[1]);
  if (pid < 0) {
    ::close(pipeFds[0]);
    outcome.what = "fork failed";
    return outcome;
  }
  // Read until the child closes its end (it exits), or the deadline.
  const auto deadline = std::chrono::steady_clock::now() + kChildDeadline;
  bool hung = false;
  char buffer[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      hung = true;
      break;
    }
    pollfd readable{pipeFds[0], POLLIN, 0};
    const int ready = ::poll(&readable, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t got = ::read(pipeFds[0], buffer, sizeof buffer);
    if (got <= 0) break;
    outcome.output.append(buffer, static_cast<size_t>(got));
  }
  ::close(pipeFds[0]);
  if (hung) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (hung) {
    outcome.what = "hung past the deadline";
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    outcome.survived = true;
  } else if (WIFEXITED(status)) {
    const int code = WEXITSTATUS(status);
    outcome.what = code == 70   ? "std::terminate"
                   : code == 71 ? "crashed"
                   : code == 2  ? "an exception escaped Extract"
                   : code == 1  ? "spans unaccounted for"
                                : "exit " + std::to_string(code);
  } else if (WIFSIGNALED(status)) {
    outcome.what = "killed by signal " + std::to_string(WTERMSIG(status));
  }
  const auto at = outcome.output.find("allocations=");
  if (at != std::string::npos) {
    outcome.allocations = std::strtoull(outcome.output.c_str() + at + 12, nullptr, 10);
  }
  return outcome;
}

// Where it failed: the innermost named frame in the library, as backtrace_symbols_fd names it
// ("libjaegertracing.so.0(symbol+0x35)"), without its addresses. It names only exported
// symbols: the frames of the library's hidden internals ("(+0x35)") are skipped.
std::string innermostLibraryFrame(const std::string& output) {
  size_t at = output.find("libjaegertracing.so");
  while (at != std::string::npos) {
    const size_t open = output.find('(', at);
    const size_t plus = output.find_first_of("+)", open);
    if (open != std::string::npos && plus != std::string::npos && plus > open + 1) {
      return output.substr(open + 1, plus - open - 1);
    }
    at = output.find("libjaegertracing.so", at + 1);
  }
  return "?";
}

// The first lines that tell where: the message and the stack.
std::string excerpt(const std::string& output) {
  std::string lines;
  size_t start = 0;
  for (int line = 0; line < 24 && start < output.size(); ++line) {
    const size_t end = output.find('\n', start);
    lines += output.substr(start, end == std::string::npos ? std::string::npos : end - start + 1);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// Runs the sweep and reports each kind of failure once, at the first N that shows it, with its
// stack; then prints every N of each kind.
void sweep(bool persistent) {
  UdpSink sink;
  // How many allocations the whole run makes when none fails: the range to sweep.
  const Outcome calibration = runChild(kNeverFail, persistent, sink.port());
  ASSERT_TRUE(calibration.survived) << calibration.what << "\n" << excerpt(calibration.output);
  ASSERT_GT(calibration.allocations, 0u) << calibration.output;
  const int64_t total = static_cast<int64_t>(calibration.allocations);
  const int64_t step = std::max<int64_t>(1, total / kPoints);

  std::vector<Outcome> failures;
  int runs = 0;
  for (int64_t n = 0; n <= total + step; n += step) {
    ++runs;
    Outcome outcome = runChild(n, persistent, sink.port());
    if (!outcome.survived) failures.push_back(std::move(outcome));
  }
  std::map<std::string, std::vector<int64_t>> byKind;
  for (const Outcome& failure : failures) {
    auto& ns = byKind[failure.what + " in " + innermostLibraryFrame(failure.output)];
    if (ns.empty()) {
      ADD_FAILURE() << failure.what << " at N=" << failure.n << " of " << total << " allocations:\n"
                    << excerpt(failure.output);
    }
    ns.push_back(failure.n);
  }
  for (const auto& [what, ns] : byKind) {
    std::string list;
    for (const int64_t n : ns) list += " " + std::to_string(n);
    std::printf("%s at %zu of %d N:%s\n", what.c_str(), ns.size(), runs, list.c_str());
  }
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << runs << " runs failed";
}

TEST(FaultInjectionTest, AnAllocationFailingAnywhereNeverHarmsTheProcess) { sweep(false); }

TEST(FaultInjectionTest, MemoryRunningOutNeverHarmsTheProcess) { sweep(true); }

}  // namespace
}  // namespace jaegertracing

int main(int argc, char** argv) {
  if (const char* n = std::getenv("JAEGERTRACING_FAULT_N")) {
    jaegertracing::UdpSink sink;
    const char* persistent = std::getenv("JAEGERTRACING_FAULT_PERSISTENT");
    return jaegertracing::runOne(std::strtoll(n, nullptr, 10),
                                 persistent != nullptr && std::strcmp(persistent, "1") == 0,
                                 sink.port());
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
