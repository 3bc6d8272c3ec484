// Where jaeger-tail's endpoints put what they receive: spans grouped into traces, whichever
// endpoint, batch or process they came in. A trace counts as complete once no span for it has
// arrived for the quiet period: clients send a trace's spans from several processes, each when
// its reporter flushes, so nothing on the wire says "this was the last span". A span that comes
// later reopens its trace, which is then complete again after another quiet period.
//
// Thread-safe: the endpoints add from their threads, main takes completed traces and waits.
#ifndef JAEGERTRACING_TOOLS_TAIL_TRACEASSEMBLER_H
#define JAEGERTRACING_TOOLS_TAIL_TRACEASSEMBLER_H

#include <jaeger_types.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace tail {

// One trace as it is now.
struct Trace {
  int64_t traceIdHigh = 0;
  int64_t traceIdLow = 0;
  // Each batch holds the process that sent it and only this trace's spans from it, so a trace
  // can be rendered (TraceTree) or written on its own.
  std::vector<jaegertracing::thrift::Batch> batches;
  size_t spanCount = 0;
  // How many of its spans were already returned as complete before; 0 the first time.
  size_t shownSpanCount = 0;
  int64_t firstStartTime = 0;  // microseconds since the epoch, the earliest span's
};

class TraceAssembler {
 public:
  using Clock = std::chrono::steady_clock;

  explicit TraceAssembler(std::chrono::milliseconds quietPeriod);

  TraceAssembler(const TraceAssembler&) = delete;
  TraceAssembler& operator=(const TraceAssembler&) = delete;

  void add(jaegertracing::thrift::Batch&& batch);

  // Traces whose last span arrived at least the quiet period before `now` and that have spans
  // not returned yet, in the order they started. Each such change is returned once.
  std::vector<Trace> takeCompleted(Clock::time_point now);
  // Every trace with spans not returned yet, quiet or not: what is left when the program stops.
  std::vector<Trace> takeUnfinished();
  // Every trace received, in the order they started.
  std::vector<Trace> all() const;

  size_t spanCount() const;
  size_t traceCount() const;

  // Counts the batches added so far. Read it before looking at the traces, and pass it to
  // waitForActivity: a batch that arrives in between then ends the wait at once, not later.
  uint64_t generation() const;
  // Blocks until a batch is added after `seenGeneration`, stop() is called, or `until`;
  // returns at once if stopped.
  void waitForActivity(uint64_t seenGeneration, Clock::time_point until) const;
  // When the earliest incomplete trace becomes complete, if any is waiting.
  std::optional<Clock::time_point> nextCompletion() const;

  // Wakes every waiter now and in the future, e.g. from a signal-handling thread.
  void stop();
  bool stopped() const;

 private:
  using TraceKey = std::pair<uint64_t, uint64_t>;  // high, low

  struct Entry {
    Trace trace;
    Clock::time_point lastArrival;
  };

  std::vector<Trace> take(bool onlyQuiet, Clock::time_point now);

  const std::chrono::milliseconds quietPeriod_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::map<TraceKey, Entry> traces_;
  size_t spanCount_ = 0;
  uint64_t generation_ = 0;  // batches added: what a waiter watches
  bool stopped_ = false;
};

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_TRACEASSEMBLER_H
