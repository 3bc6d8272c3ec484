// The soak test of "never harm the host": for N seconds, 4 threads trace (sampled and unsampled
// spans, tags of every value kind, logs, baggage, Inject and Extract) while the global tracer
// is replaced under them, the collector flaps between 202, 503, hanging and down, and the
// process forks a child that traces too. At the end every tracer is closed and its counters
// summed: every finished span must be reported or counted in one drop counter, and memory must
// not keep growing. Written against the public API only, as an application would use it.
//
// Usage: soak [--seconds N]   (default 60). Prints one line starting "soak:" and exits 0 when
// nothing is unaccounted, RSS grew at most 10 % after warm-up, every close kept its bound, every
// child exited cleanly and the collector accepted every span counted as reported; 1 otherwise,
// 3 when it had to give up on a hung step. A sanitizer's report aborts it before that line.
#include <jaegertracing/Tracer.h>
#include <opentracing/ext/tags.h>
#include <opentracing/noop.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "soak/FlappingCollector.h"
#include "soak/ProcessMemory.h"
#include "support/Carriers.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using jaegertracing::TracerStats;
using jaegertracing::testing::FlappingCollector;
using jaegertracing::testing::Headers;

constexpr int kWorkers = 4;
// Periods with no common beat, so that swaps and forks meet the collector in every mode.
constexpr auto kSwapEvery = 2300ms;
constexpr auto kFlapEvery = 1700ms;
constexpr auto kForkEvery = 3100ms;
constexpr auto kOrphanEvery = 2s;  // per worker
// Tracers kept after a swap, for longer than a worker holds a span (kLongestHold), before
// their counters are read and the last handle dropped.
constexpr size_t kLiveTracers = 5;
constexpr auto kCloseBound = 1000ms;
// An orphan span is sent at the next flush interval (1 s) and its request bounded (1 s).
constexpr auto kOrphanSettleBound = 5s;
constexpr auto kOrphanSettlePoll = 5ms;
// A close that returns later than its bound plus this has blocked the application.
constexpr auto kCloseSlack = 2s;
constexpr auto kFlushBound = 100ms;
// A child that has not exited by then is killed and counted as hung.
constexpr auto kChildBound = 15s;
#if defined(__SANITIZE_ADDRESS__)
#define JAEGERTRACING_SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JAEGERTRACING_SOAK_ASAN 1
#endif
#endif
#ifdef JAEGERTRACING_SOAK_ASAN
// AddressSanitizer's allocator (GCC 12's) takes no lock around fork(): a child forked while
// another thread holds one of its size-class locks hangs in its first allocation (gdb: in
// SizeClassAllocator64::GetFromAllocator under Tracer::make), whatever the library does.
// Hung children are still printed; the plain build is the one that fails on them.
constexpr bool kHungChildFails = false;
#else
constexpr bool kHungChildFails = true;
#endif
// Beyond the run and the closes at the end, the watchdog ends a soak that hangs.
constexpr auto kWatchdogSlack = 120s;
constexpr double kWarmUpShare = 1.0 / 3;
constexpr double kMaxRssGrowth = 0.10;
// Each worker does a burst of work units per tick: enough traffic to fill the queues, without
// taking the machine from everyone else.
constexpr int kUnitsPerTick = 20;
constexpr auto kTick = 10ms;
constexpr size_t kMaxHeldSpans = 64;
constexpr std::chrono::milliseconds kLongestHold{6000};

// The counters that must add up, summed over tracers.
struct Accounting {
  uint64_t tracers = 0;
  uint64_t finished = 0;
  uint64_t reported = 0;
  uint64_t queueFull = 0;
  uint64_t tooLarge = 0;
  uint64_t sendFailed = 0;
  uint64_t afterClose = 0;
  uint64_t stillQueued = 0;

  void add(const TracerStats& stats) {
    ++tracers;
    finished += stats.spansFinished;
    reported += stats.spansReported;
    queueFull += stats.droppedQueueFull;
    tooLarge += stats.droppedTooLarge;
    sendFailed += stats.droppedSendFailed;
    afterClose += stats.droppedAfterClose;
    stillQueued += stats.queueLength;
  }
  void add(const Accounting& other) {
    tracers += other.tracers;
    finished += other.finished;
    reported += other.reported;
    queueFull += other.queueFull;
    tooLarge += other.tooLarge;
    sendFailed += other.sendFailed;
    afterClose += other.afterClose;
    stillQueued += other.stillQueued;
  }
  int64_t unaccounted() const {
    return static_cast<int64_t>(finished) - static_cast<int64_t>(reported) -
           static_cast<int64_t>(queueFull) - static_cast<int64_t>(tooLarge) -
           static_cast<int64_t>(sendFailed) - static_cast<int64_t>(afterClose);
  }
};

std::shared_ptr<jaegertracing::Tracer> makeTracer(const std::string& endpoint,
                                                  const std::string& sampler) {
  // Short collector timeouts, so that a hanging collector fails requests within the run.
  const std::string yaml = "sampler: " + sampler + "\n" +
                           "propagation_format: jaeger, w3c, b3\n"
                           "reporter:\n"
                           "  queueSize: 256\n"
                           "  bufferFlushInterval: 1\n"
                           "  endpoint: " +
                           endpoint + "\n" +
                           "  connectTimeout: 0.5\n"
                           "  requestTimeout: 1\n"
                           "  maxBatchBytes: 65536\n"
                           "  maxBatchSpans: 100\n";
  auto tracer = std::dynamic_pointer_cast<jaegertracing::Tracer>(
      jaegertracing::Tracer::make("soak", jaegertracing::Config::parse(YAML::Load(yaml))));
  if (!tracer) throw std::runtime_error("Tracer::make did not return a jaegertracing::Tracer");
  return tracer;
}

const std::string kHalfSampled = "{type: probabilistic, param: 0.5}";
const std::string kNeverSampled = "{type: const, param: 0}";

void tagEveryKind(opentracing::Span& span, int64_t n) {
  span.SetTag("bool", n % 2 == 0);
  span.SetTag("double", 0.5 * static_cast<double>(n));
  span.SetTag("int64", -n);
  span.SetTag("uint64", static_cast<uint64_t>(n));
  span.SetTag("string", std::string("value-") + std::to_string(n));
  span.SetTag("string_view", opentracing::string_view("a view"));
  span.SetTag("c_string", "a C string");
  span.SetTag("null", nullptr);
  span.SetTag("values", opentracing::Values{int64_t{1}, "two", 3.0});
  span.SetTag("dictionary", opentracing::Dictionary{{"key", "value"}, {"n", n}});
}

// A tracer whose counters do not add up, on stderr, to show where spans went missing.
void reportUnaccounted(const char* which, const TracerStats& stats) {
  Accounting one;
  one.add(stats);
  if (one.unaccounted() == 0) return;
  std::fprintf(stderr,
               "unaccounted in %s tracer: %lld; started=%llu sampled=%llu finished=%llu "
               "reported=%llu droppedQueueFull=%llu droppedTooLarge=%llu "
               "droppedSendFailed=%llu droppedAfterClose=%llu queueLength=%llu\n",
               which, static_cast<long long>(one.unaccounted()),
               static_cast<unsigned long long>(stats.spansStarted),
               static_cast<unsigned long long>(stats.spansSampled),
               static_cast<unsigned long long>(stats.spansFinished),
               static_cast<unsigned long long>(stats.spansReported),
               static_cast<unsigned long long>(stats.droppedQueueFull),
               static_cast<unsigned long long>(stats.droppedTooLarge),
               static_cast<unsigned long long>(stats.droppedSendFailed),
               static_cast<unsigned long long>(stats.droppedAfterClose),
               static_cast<unsigned long long>(stats.queueLength));
}

// What the soak's threads share; every member is guarded by mutex_ or atomic.
class Soak {
 public:
  explicit Soak(std::string endpoint) : endpoint_(std::move(endpoint)) {}

  std::shared_ptr<jaegertracing::Tracer> newTracer() {
    auto tracer = makeTracer(endpoint_, kHalfSampled);
    std::lock_guard<std::mutex> lock(mutex_);
    tracers_.push_back(tracer);
    return tracer;
  }
  const std::string& endpoint() const { return endpoint_; }

  // close(kCloseBound), timed: a close that overruns its bound is a failure.
  void closeWithBound(jaegertracing::Tracer& tracer) {
    const auto start = Clock::now();
    tracer.close(kCloseBound);
    noteBlocked(Clock::now() - start, kCloseBound);
  }
  void noteBlocked(Clock::duration took, Clock::duration bound) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
    std::lock_guard<std::mutex> lock(mutex_);
    longestCloseMs_ = std::max<int64_t>(longestCloseMs_, ms);
    if (took > bound + kCloseSlack) ++overruns_;
  }

  void addOrphan(const TracerStats& stats) {
    std::lock_guard<std::mutex> lock(mutex_);
    reportUnaccounted("an orphan", stats);
    orphans_.add(stats);
  }
  void addChild(const Accounting& child) {
    std::lock_guard<std::mutex> lock(mutex_);
    children_.add(child);
  }

  // Closes the tracers beyond the newest kLiveTracers and counts them: no worker holds a span
  // of theirs any more, and a harness that kept every tracer would grow by itself.
  void retireOld() {
    std::vector<std::shared_ptr<jaegertracing::Tracer>> old;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      while (tracers_.size() > kLiveTracers) {
        old.push_back(std::move(tracers_.front()));
        tracers_.pop_front();
      }
    }
    for (const auto& tracer : old) {
      closeWithBound(*tracer);
      const TracerStats stats = tracer->stats();
      std::lock_guard<std::mutex> lock(mutex_);
      reportUnaccounted("a retired", stats);
      retired_.add(stats);
    }
  }

  // Closes every tracer newTracer() made and not yet retired, and sums their counters with
  // the retired ones', the orphans' and the children's.
  Accounting closeAllAndSum() {
    std::deque<std::shared_ptr<jaegertracing::Tracer>> tracers;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tracers.swap(tracers_);
    }
    Accounting total;
    for (const auto& tracer : tracers) {
      closeWithBound(*tracer);
      const TracerStats stats = tracer->stats();
      total.add(stats);
      reportUnaccounted("a", stats);
    }
    std::lock_guard<std::mutex> lock(mutex_);
    total.add(retired_);
    total.add(orphans_);
    total.add(children_);
    return total;
  }

  int64_t longestCloseMs() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return longestCloseMs_;
  }
  uint64_t overruns() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return overruns_;
  }

  std::atomic<bool> stopping{false};

 private:
  const std::string endpoint_;
  mutable std::mutex mutex_;
  std::deque<std::shared_ptr<jaegertracing::Tracer>> tracers_;
  Accounting retired_;
  Accounting orphans_;
  Accounting children_;
  int64_t longestCloseMs_ = 0;
  uint64_t overruns_ = 0;
};

// A span a worker keeps for a while, across tracer swaps, and then uses through its own
// tracer() reference.
struct HeldSpan {
  std::unique_ptr<opentracing::Span> span;
  Clock::time_point until;
};

class Worker {
 public:
  Worker(Soak& soak, int index) : soak_(soak), random_(static_cast<uint64_t>(index) + 1) {}

  void run() {
    auto nextOrphan = Clock::now() + kOrphanEvery;
    auto nextTick = Clock::now();
    while (!soak_.stopping.load()) {
      for (int i = 0; i < kUnitsPerTick; ++i) workUnit();
      releaseHeld(Clock::now());
      if (Clock::now() >= nextOrphan) {
        orphan();
        nextOrphan = Clock::now() + kOrphanEvery;
      }
      nextTick += kTick;
      std::this_thread::sleep_until(nextTick);
    }
    releaseHeld(Clock::time_point::max());
  }

 private:
  bool chance(unsigned percent) { return random_() % 100 < percent; }

  void workUnit() {
    const int64_t n = ++units_;
    const auto tracer = opentracing::Tracer::Global();
    auto root = tracer->StartSpan("soak-request");
    tagEveryKind(*root, n);
    root->Log({{"event", "work"}, {"unit", n}, {"share", 0.25}});
    root->SetBaggageItem("user", "alice");
    root->SetBaggageItem("unit", std::to_string(n));

    Headers textMap, httpHeaders;
    tracer->Inject(root->context(), jaegertracing::testing::TextMapWriter(textMap));
    tracer->Inject(root->context(), jaegertracing::testing::HTTPHeadersWriter(httpHeaders));
    auto fromHeaders = tracer->Extract(jaegertracing::testing::HTTPHeadersReader(httpHeaders));
    if (fromHeaders && *fromHeaders) {
      auto server = tracer->StartSpan("soak-server", {opentracing::ChildOf(fromHeaders->get())});
      server->SetTag("baggage.user", server->BaggageItem("user"));
      server->Finish();
    }
    auto fromTextMap = tracer->Extract(jaegertracing::testing::TextMapReader(textMap));
    if (fromTextMap && *fromTextMap) {
      tracer->StartSpan("soak-follower", {opentracing::FollowsFrom(fromTextMap->get())})->Finish();
    }
    if (n % 16 == 0) {
      const Headers malformed{{"uber-trace-id", "not:a:trace"}, {"traceparent", "00-zz-zz-01"}};
      tracer->Extract(jaegertracing::testing::HTTPHeadersReader(malformed));
    }

    if (chance(10)) {
      root->SetTag(opentracing::ext::sampling_priority, 1);  // sampled late, if it was not
    } else if (chance(5)) {
      root->SetTag(opentracing::ext::sampling_priority, 0);  // unsampled late, if it was
    }
    if (n % 1000 == 0) root->SetTag("huge", std::string(100000, 'x'));  // > maxBatchBytes
    if (n % 256 == 0) {
      if (auto jaeger = std::dynamic_pointer_cast<jaegertracing::Tracer>(tracer)) {
        jaeger->Flush(kFlushBound);
      }
    }

    if (held_.size() < kMaxHeldSpans && chance(2)) {
      const auto forMs = std::chrono::milliseconds(500 + random_() % (kLongestHold.count() - 500));
      held_.push_back(HeldSpan{std::move(root), Clock::now() + forMs});
    } else {
      root->Finish();
    }
  }

  // Uses held spans whose time is up, possibly after their tracer was replaced and closed.
  void releaseHeld(Clock::time_point now) {
    while (!held_.empty() && (held_.front().until <= now || now == Clock::time_point::max())) {
      auto span = std::move(held_.front().span);
      held_.pop_front();
      Headers headers;
      span->tracer().Inject(span->context(), jaegertracing::testing::HTTPHeadersWriter(headers));
      span->SetTag("held", true);
      span->Log({{"event", "released"}});
      opentracing::Tracer::Global()
          ->StartSpan("soak-late-child", {opentracing::ChildOf(&span->context())})
          ->Finish();
      if (chance(25)) span->SetTag(opentracing::ext::sampling_priority, 1);
      span->Finish();
    }
  }

  // A span that outlives every handle on its tracer: it must keep working (tracer(), Inject, a
  // late sampling.priority), and destroying it, the last holder, must not block.
  void orphan() {
    std::unique_ptr<opentracing::Span> span;
    {
      auto tracer = makeTracer(soak_.endpoint(), kNeverSampled);
      span = tracer->StartSpan("soak-orphan");
      tagEveryKind(*span, units_);
    }
    if (chance(50)) span->SetTag(opentracing::ext::sampling_priority, 1);
    Headers headers;
    span->tracer().Inject(span->context(), jaegertracing::testing::TextMapWriter(headers));
    span->Finish();
    // Nobody holds the tracer to close it: wait, within a bound, until its reporter has dealt
    // with the span, and count what it says then.
    const auto* owner = dynamic_cast<const jaegertracing::Tracer*>(&span->tracer());
    if (owner == nullptr) return;
    Accounting settled;
    const auto deadline = Clock::now() + kOrphanSettleBound;
    do {
      settled = Accounting();
      settled.add(owner->stats());
      if (settled.unaccounted() == 0) break;
      std::this_thread::sleep_for(kOrphanSettlePoll);
    } while (Clock::now() < deadline);
    soak_.addOrphan(owner->stats());
    const auto start = Clock::now();
    span.reset();
    soak_.noteBlocked(Clock::now() - start, 0ms);
  }

  Soak& soak_;
  std::mt19937_64 random_;
  int64_t units_ = 0;
  std::deque<HeldSpan> held_;
};

// In a forked child: traces with the tracer inherited from the parent and with one of its own,
// closes both with a bound and writes their summed counters to `out`.
int childMain(const std::shared_ptr<jaegertracing::Tracer>& inherited, const std::string& endpoint,
              int out) {
  Accounting sum;
  auto own = makeTracer(endpoint, kHalfSampled);
  for (const auto& tracer : {inherited, own}) {
    for (int64_t i = 0; i < 50; ++i) {
      auto span = tracer->StartSpan("soak-child");
      tagEveryKind(*span, i);
      if (i % 5 == 0) span->SetTag(opentracing::ext::sampling_priority, 1);
      Headers headers;
      tracer->Inject(span->context(), jaegertracing::testing::HTTPHeadersWriter(headers));
      auto extracted = tracer->Extract(jaegertracing::testing::HTTPHeadersReader(headers));
      if (extracted && *extracted) {
        tracer->StartSpan("soak-child-server", {opentracing::ChildOf(extracted->get())})->Finish();
      }
      span->Finish();
    }
    const auto start = Clock::now();
    tracer->close(kCloseBound);
    if (Clock::now() - start > kCloseBound + kCloseSlack) return 2;
    // The inherited tracer counts since the fork, so the parent's spans are not counted twice.
    const TracerStats stats = tracer->stats();
    reportUnaccounted(tracer == inherited ? "a child's inherited" : "a child's own", stats);
    sum.add(stats);
  }
  const ssize_t written = write(out, &sum, sizeof sum);
  return written == static_cast<ssize_t>(sizeof sum) ? 0 : 1;
}

struct ChildOutcomes {
  uint64_t run = 0;
  uint64_t failed = 0;  // a non-zero exit, a signal (a sanitizer's abort) or no counters
  uint64_t hung = 0;    // killed after kChildBound
};

void forkChild(Soak& soak, const std::shared_ptr<jaegertracing::Tracer>& current,
               ChildOutcomes& outcomes) {
  int fds[2];
  if (pipe(fds) != 0) {
    ++outcomes.failed;
    return;
  }
  const pid_t child = fork();
  if (child < 0) {
    close(fds[0]);
    close(fds[1]);
    ++outcomes.failed;
    return;
  }
  if (child == 0) {
    close(fds[0]);
    int status = 1;
    try {
      status = childMain(current, soak.endpoint(), fds[1]);
    } catch (...) {
      status = 1;
    }
    _exit(status);
  }
  close(fds[1]);
  ++outcomes.run;

  // Read the child's counters until it closes the pipe (it exits), within the bound.
  Accounting counters;
  size_t got = 0;
  bool ended = false;
  const auto deadline = Clock::now() + kChildBound;
  while (!ended) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left <= 0ms) break;
    pollfd readable{fds[0], POLLIN, 0};
    const int ready = poll(&readable, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    char beyond[64];  // the child writes nothing more; read to see the end of the pipe
    const ssize_t n = got < sizeof counters ? read(fds[0], reinterpret_cast<char*>(&counters) + got,
                                                   sizeof counters - got)
                                            : read(fds[0], beyond, sizeof beyond);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ended = true;
    } else if (got < sizeof counters) {
      got += static_cast<size_t>(n);
    }
  }
  close(fds[0]);
  if (!ended) {
    kill(child, SIGKILL);
    ++outcomes.hung;
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (ended && WIFEXITED(status) && WEXITSTATUS(status) == 0 && got == sizeof counters) {
    soak.addChild(counters);
  } else if (ended) {
    ++outcomes.failed;
  }
}

// Ends the process when a step hangs past every bound: a hung soak must fail, not stall CI.
class Watchdog {
 public:
  explicit Watchdog(Clock::duration limit)
      : thread_([this, deadline = Clock::now() + limit] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!changed_.wait_until(lock, deadline, [this] { return done_; })) {
            std::printf("soak: FAIL hung in step \"%s\"\n", step_);
            std::fflush(stdout);
            std::_Exit(3);
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  void step(const char* name) {
    std::lock_guard<std::mutex> lock(mutex_);
    step_ = name;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool done_ = false;
  const char* step_ = "start";
  std::thread thread_;
};

// 202 between each misbehaviour, so that spans keep getting through.
FlappingCollector::Mode nextMode(size_t& turn) {
  static const FlappingCollector::Mode kCycle[] = {
      FlappingCollector::Mode::Accept, FlappingCollector::Mode::Refuse,
      FlappingCollector::Mode::Accept, FlappingCollector::Mode::Hang,
      FlappingCollector::Mode::Accept, FlappingCollector::Mode::Down};
  turn = (turn + 1) % (sizeof kCycle / sizeof kCycle[0]);
  return kCycle[turn];
}

int run(int seconds) {
  Watchdog watchdog(std::chrono::seconds(seconds) + kWatchdogSlack);
  FlappingCollector collector;
  Soak soak(collector.endpoint());
  auto current = soak.newTracer();
  opentracing::Tracer::InitGlobal(current);

  std::vector<std::thread> workers;
  std::vector<std::unique_ptr<Worker>> state;
  for (int i = 0; i < kWorkers; ++i) {
    state.push_back(std::make_unique<Worker>(soak, i));
    workers.emplace_back([worker = state.back().get()] { worker->run(); });
  }

  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(seconds);
  const auto warmUpEnd = start + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(seconds * kWarmUpShare));
  auto nextSwap = start + kSwapEvery;
  auto nextFlap = start + kFlapEvery;
  auto nextFork = start + kForkEvery;
  uint64_t rssWarmKiB = 0;
  uint64_t swaps = 0;
  size_t turn = 0;
  bool collectorRestarted = true;
  ChildOutcomes children;

  for (;;) {
    const auto now = Clock::now();
    if (rssWarmKiB == 0 && now >= warmUpEnd) rssWarmKiB = jaegertracing::testing::residentKiB();
    if (now >= end) break;
    if (now >= nextFlap) {
      watchdog.step("collector flap");
      collectorRestarted &= collector.setMode(nextMode(turn));
      nextFlap = now + kFlapEvery;
    }
    if (now >= nextSwap) {
      // Replace the global tracer while the workers hold spans of the old one, then close
      // the old one from two threads at once.
      watchdog.step("tracer swap");
      auto old = current;
      current = soak.newTracer();
      opentracing::Tracer::InitGlobal(current);
      std::thread secondCloser([&soak, old] { soak.closeWithBound(*old); });
      soak.closeWithBound(*old);
      secondCloser.join();
      soak.retireOld();
      ++swaps;
      nextSwap = Clock::now() + kSwapEvery;
    }
    if (now >= nextFork) {
      watchdog.step("fork");
      forkChild(soak, current, children);
      nextFork = Clock::now() + kForkEvery;
    }
    auto wakeUp = std::min({nextSwap, nextFlap, nextFork, end});
    if (rssWarmKiB == 0) wakeUp = std::min(wakeUp, warmUpEnd);
    std::this_thread::sleep_until(wakeUp);
  }
  const uint64_t rssEndKiB = jaegertracing::testing::residentKiB();

  watchdog.step("stopping the workers");
  soak.stopping = true;
  for (auto& worker : workers) worker.join();
  watchdog.step("closing every tracer");
  collectorRestarted &= collector.setMode(FlappingCollector::Mode::Accept);
  opentracing::Tracer::InitGlobal(opentracing::MakeNoopTracer());
  current.reset();
  const Accounting total = soak.closeAllAndSum();
  watchdog.step("stopping the collector");
  collector.setMode(FlappingCollector::Mode::Down);  // no request in flight after this
  const FlappingCollector::Counts received = collector.counts();

  const double growth = rssWarmKiB == 0
                            ? 0.0
                            : (static_cast<double>(rssEndKiB) - static_cast<double>(rssWarmKiB)) /
                                  static_cast<double>(rssWarmKiB);
  std::string failures;
  const auto fail = [&failures](const std::string& why) {
    failures += (failures.empty() ? "" : ",") + why;
  };
  if (total.unaccounted() != 0) fail("unaccounted");
  if (growth > kMaxRssGrowth) fail("rss-growth");
  if (soak.overruns() != 0) fail("close-overran-bound");
  if (children.failed != 0 || (kHungChildFails && children.hung != 0)) fail("child");
  if (total.reported > received.spansAccepted) fail("reported-more-than-collector-accepted");
  if (received.badRequests != 0) fail("bad-requests");
  if (!collectorRestarted) fail("collector-rebind");

  std::printf(
      "soak: seconds=%d tracers=%llu swaps=%llu finished=%llu reported=%llu "
      "droppedQueueFull=%llu droppedTooLarge=%llu droppedSendFailed=%llu "
      "droppedAfterClose=%llu unaccounted=%lld stillQueued=%llu collectorAccepted=%llu "
      "collectorRefused=%llu collectorHung=%llu badRequests=%llu children=%llu "
      "childFailed=%llu childHung=%llu longestCloseMs=%lld closeOverruns=%llu "
      "peakRssKiB=%llu rssWarmKiB=%llu rssEndKiB=%llu rssGrowth=%.1f%% result=%s\n",
      seconds, static_cast<unsigned long long>(total.tracers),
      static_cast<unsigned long long>(swaps), static_cast<unsigned long long>(total.finished),
      static_cast<unsigned long long>(total.reported),
      static_cast<unsigned long long>(total.queueFull),
      static_cast<unsigned long long>(total.tooLarge),
      static_cast<unsigned long long>(total.sendFailed),
      static_cast<unsigned long long>(total.afterClose),
      static_cast<long long>(total.unaccounted()),
      static_cast<unsigned long long>(total.stillQueued),
      static_cast<unsigned long long>(received.spansAccepted),
      static_cast<unsigned long long>(received.spansRefused),
      static_cast<unsigned long long>(received.spansHung),
      static_cast<unsigned long long>(received.badRequests),
      static_cast<unsigned long long>(children.run),
      static_cast<unsigned long long>(children.failed),
      static_cast<unsigned long long>(children.hung), static_cast<long long>(soak.longestCloseMs()),
      static_cast<unsigned long long>(soak.overruns()),
      static_cast<unsigned long long>(jaegertracing::testing::peakResidentKiB()),
      static_cast<unsigned long long>(rssWarmKiB), static_cast<unsigned long long>(rssEndKiB),
      growth * 100.0, failures.empty() ? "ok" : ("FAIL(" + failures + ")").c_str());
  std::fflush(stdout);
  return failures.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 60;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--seconds N]\n", argv[0]);
      return 2;
    }
  }
  if (seconds <= 0) {
    std::fprintf(stderr, "soak: --seconds must be a positive number\n");
    return 2;
  }
  try {
    return run(seconds);
  } catch (const std::exception& error) {
    std::printf("soak: FAIL %s\n", error.what());
    return 1;
  }
}
