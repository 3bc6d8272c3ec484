#include "TraceAssembler.h"

#include <algorithm>

namespace jaegertracing {
namespace tail {
namespace {

void sortByStart(std::vector<Trace>& traces) {
  std::stable_sort(traces.begin(), traces.end(), [](const Trace& a, const Trace& b) {
    return a.firstStartTime < b.firstStartTime;
  });
}

}  // namespace

TraceAssembler::TraceAssembler(std::chrono::milliseconds quietPeriod) : quietPeriod_(quietPeriod) {}

void TraceAssembler::add(jaegertracing::thrift::Batch&& batch) {
  // Split before taking the lock: a batch may carry spans of several traces.
  std::map<TraceKey, jaegertracing::thrift::Batch> parts;
  for (auto& span : batch.spans) {
    const TraceKey key{static_cast<uint64_t>(span.traceIdHigh),
                       static_cast<uint64_t>(span.traceIdLow)};
    auto [part, inserted] = parts.try_emplace(key);
    if (inserted) {
      part->second.process = batch.process;
    }
    part->second.spans.push_back(std::move(span));
  }
  if (parts.empty()) {
    return;
  }

  const auto now = Clock::now();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [key, part] : parts) {
      auto [found, inserted] = traces_.try_emplace(key);
      Entry& entry = found->second;
      Trace& trace = entry.trace;
      if (inserted) {
        trace.traceIdHigh = static_cast<int64_t>(key.first);
        trace.traceIdLow = static_cast<int64_t>(key.second);
        trace.firstStartTime = part.spans.front().startTime;
      }
      for (const auto& span : part.spans) {
        trace.firstStartTime = std::min(trace.firstStartTime, span.startTime);
      }
      trace.spanCount += part.spans.size();
      spanCount_ += part.spans.size();
      trace.batches.push_back(std::move(part));
      entry.lastArrival = now;
    }
    ++generation_;
  }
  changed_.notify_all();
}

std::vector<Trace> TraceAssembler::takeCompleted(Clock::time_point now) { return take(true, now); }

std::vector<Trace> TraceAssembler::takeUnfinished() { return take(false, Clock::now()); }

std::vector<Trace> TraceAssembler::take(bool onlyQuiet, Clock::time_point now) {
  std::vector<Trace> taken;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [key, entry] : traces_) {
      Trace& trace = entry.trace;
      if (trace.shownSpanCount == trace.spanCount) {
        continue;
      }
      if (onlyQuiet && now - entry.lastArrival < quietPeriod_) {
        continue;
      }
      taken.push_back(trace);
      trace.shownSpanCount = trace.spanCount;
    }
  }
  sortByStart(taken);
  return taken;
}

std::vector<Trace> TraceAssembler::all() const {
  std::vector<Trace> traces;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    traces.reserve(traces_.size());
    for (const auto& entry : traces_) {
      traces.push_back(entry.second.trace);
    }
  }
  sortByStart(traces);
  return traces;
}

size_t TraceAssembler::spanCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spanCount_;
}

size_t TraceAssembler::traceCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return traces_.size();
}

uint64_t TraceAssembler::generation() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

void TraceAssembler::waitForActivity(uint64_t seenGeneration, Clock::time_point until) const {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_until(lock, until, [&] { return stopped_ || generation_ != seenGeneration; });
}

std::optional<TraceAssembler::Clock::time_point> TraceAssembler::nextCompletion() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<Clock::time_point> next;
  for (const auto& entry : traces_) {
    if (entry.second.trace.shownSpanCount != entry.second.trace.spanCount) {
      const auto due = entry.second.lastArrival + quietPeriod_;
      if (!next || due < *next) {
        next = due;
      }
    }
  }
  return next;
}

void TraceAssembler::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

bool TraceAssembler::stopped() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stopped_;
}

}  // namespace tail
}  // namespace jaegertracing
