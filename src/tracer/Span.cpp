#include "tracer/Span.h"

#include <jaegertracing/Tracer.h>
#include <opentracing/ext/tags.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string>

#include "concurrency/BlockPool.h"
#include "model/TimeConversion.h"
#include "model/WallClock.h"
#include "tracer/TracerCore.h"
#include "tracer/TracerLifetime.h"

namespace jaegertracing {
namespace detail {
namespace {

// sampling.priority as a number; nullopt when the value is not one.
struct PriorityReader {
  std::optional<double> operator()(bool v) const { return v ? 1.0 : 0.0; }
  std::optional<double> operator()(double v) const { return v; }
  std::optional<double> operator()(int64_t v) const { return static_cast<double>(v); }
  std::optional<double> operator()(uint64_t v) const { return static_cast<double>(v); }
  std::optional<double> operator()(const std::string& v) const { return parse(v); }
  std::optional<double> operator()(opentracing::string_view v) const {
    return parse({v.data(), v.size()});
  }
  std::optional<double> operator()(const char* v) const {
    return v == nullptr ? std::nullopt : parse(v);
  }
  template <typename T>
  std::optional<double> operator()(const T&) const {
    return std::nullopt;
  }

  // Whatever the C locale of the moment says of decimal points, as from_chars does not read it.
  static std::optional<double> parse(std::string_view text) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [used, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || used != end) return std::nullopt;
    return value;
  }
};

// The first count fields of an array, as addLog takes them.
struct FieldRange {
  const std::pair<opentracing::string_view, opentracing::Value>* fields;
  size_t count;
  size_t size() const { return count; }
  const std::pair<opentracing::string_view, opentracing::Value>* begin() const { return fields; }
  const std::pair<opentracing::string_view, opentracing::Value>* end() const {
    return fields + count;
  }
};

// Only a span changes its context's flags (for a sampling.priority tag), through
// SpanContext's protected setFlags. A pointer to that member, named through a subclass as
// access rules ask, works on the span's plain SpanContext.
struct ContextFlags : SpanContext {
  static void set(SpanContext& context, unsigned char flags) {
    (context.*&ContextFlags::setFlags)(flags);
  }
};

void setContextFlags(SpanContext& context, unsigned char flags) {
  ContextFlags::set(context, flags);
}

}  // namespace

// Spans are the size of a pool block of their own: a block fits one span.
constexpr size_t kSpanBlockSize = 512;
using SpanPool = BlockPool<kSpanBlockSize>;

Span::Span(const Tracer& tracer, const TracerCore& core, const TraceID& traceID, uint64_t spanID,
           uint64_t parentID, unsigned char flags, SpanContext::Baggage&& baggage,
           std::string&& traceState, std::unique_ptr<SpanRecord>&& record,
           std::string_view unsampledOperationName, SteadyTime startSteady) noexcept
    : tracer_(tracer),
      core_(core),
      context_(traceID, spanID, parentID, flags, std::move(baggage), {}, std::move(traceState)),
      startSteady_(startSteady),
      record_(std::move(record)) {
  core_.liveSpans().started();
  if (!record_) {
    try {
      setUnsampledOperationName(unsampledOperationName);
    } catch (...) {
    }
  }
}

Span::~Span() {
  if (!finished_.load(std::memory_order_relaxed)) Finish();
  // Last: the tracer may be destroyed in this call.
  TracerLifetime::spanEnded(tracer_);
}

void* Span::operator new(size_t size) {
  static_assert(sizeof(Span) <= kSpanBlockSize, "a span fits one pool block");
  if (size > kSpanBlockSize) return ::operator new(size);
  return SpanPool::allocate();
}

void Span::operator delete(void* memory) noexcept { SpanPool::release(memory); }

const opentracing::Tracer& Span::tracer() const noexcept { return tracer_; }

void Span::setUnsampledOperationName(std::string_view name) {
  if (name.size() <= kInlineNameCapacity) {
    std::memcpy(inlineName_, name.data(), name.size());
    inlineNameLength_ = static_cast<uint32_t>(name.size());
    longName_.clear();
  } else {
    longName_.assign(name.data(), name.size());
    inlineNameLength_ = 0;
  }
}

std::string_view Span::unsampledOperationName() const {
  if (!longName_.empty()) return longName_;
  return std::string_view(inlineName_, inlineNameLength_);
}

void Span::FinishWithOptions(const opentracing::FinishSpanOptions& options) noexcept {
  // A load and a store, not an exchange: should two threads finish the span at once, the
  // record is still taken once, under the lock below.
  if (finished_.load(std::memory_order_relaxed)) return;
  finished_.store(true, std::memory_order_relaxed);
  // An unsampled span ends here: no clock, no lock.
  if (!recording()) return;
  const SteadyTime finishSteady = options.finish_steady_timestamp == SteadyTime()
                                      ? std::chrono::steady_clock::now()
                                      : options.finish_steady_timestamp;
  std::unique_ptr<SpanRecord> record;
  {
    std::lock_guard<SpinLock> lock(mutex_);
    if (!recording() || !record_) return;
    record = std::move(record_);
  }
  // At least 1 µs: Jaeger v2 flags a span that ends where it starts ("Negative duration
  // detected") and a span shorter than a microsecond would otherwise report 0.
  record->durationMicros = std::max<int64_t>(1, toMicros(finishSteady - startSteady_));
  for (const opentracing::LogRecord& log : options.log_records) {
    try {
      record->addLog(toMicros(log.timestamp), log.fields);
    } catch (...) {
      // Out of memory for this log: the span goes without it; the application is unharmed.
    }
  }
  record->flags = context_.flags();
  Counters::add(core_.counters().spansFinished);
  core_.reporter().report(std::move(record));
}

void Span::SetOperationName(opentracing::string_view name) noexcept {
  try {
    std::lock_guard<SpinLock> lock(mutex_);
    if (finished_.load(std::memory_order_relaxed)) return;
    if (record_) {
      record_->setOperationName({name.data(), name.size()});
    } else {
      setUnsampledOperationName({name.data(), name.size()});
    }
  } catch (...) {
  }
}

void Span::SetTag(opentracing::string_view key, const opentracing::Value& value) noexcept {
  // The unsampled path returns here, without a lock or a copy.
  if (!recording() && key != opentracing::ext::sampling_priority) return;
  try {
    std::lock_guard<SpinLock> lock(mutex_);
    if (finished_.load(std::memory_order_relaxed)) return;
    setTagLocked(key, value);
  } catch (...) {
  }
}

void Span::setInitialTag(opentracing::string_view key, const opentracing::Value& value) noexcept {
  try {
    if (recording() || key == opentracing::ext::sampling_priority) setTagLocked(key, value);
  } catch (...) {
  }
}

void Span::setTagLocked(opentracing::string_view key, const opentracing::Value& value) {
  if (key == opentracing::ext::sampling_priority) {
    applySamplingPriority(value);
    if (!record_) return;
  }
  record_->addTag({key.data(), key.size()}, value);
}

void Span::applySamplingPriority(const opentracing::Value& value) {
  const std::optional<double> priority = opentracing::util::apply_visitor(PriorityReader{}, value);
  if (!priority) return;
  if (*priority > 0) {
    if (!record_) {
      // Sampled from now on: what was set before this tag was not recorded. The record first:
      // should it fail, the span stays unsampled, with no record to miss.
      auto record = std::make_unique<SpanRecord>();
      record->traceID = context_.traceID();
      record->spanID = context_.spanID();
      record->parentID = context_.parentID();
      record->setOperationName(unsampledOperationName());
      // An unsampled span started without a given time read no clock: it starts now.
      if (startSteady_ == SteadyTime()) startSteady_ = std::chrono::steady_clock::now();
      record->startMicros = toMicros(wallClockAt(startSteady_));
      record_ = std::move(record);
      Counters::add(core_.counters().spansSampled);
    }
    setContextFlags(context_,
                    context_.flags() | SpanContext::kSampledFlag | SpanContext::kDebugFlag);
  } else {
    setContextFlags(context_, context_.flags() & ~SpanContext::kSampledFlag);
    if (record_) {
      // No longer sampled: it will not be reported, so it is not counted as sampled either,
      // and never as finished.
      record_.reset();
      Counters::subtract(core_.counters().spansSampled);
    }
  }
}

void Span::SetBaggageItem(opentracing::string_view key, opentracing::string_view value) noexcept {
  try {
    // Baggage travels in every downstream request's headers: an oversized value is cut to
    // the limit, as Jaeger's other clients do, and the span says so.
    const bool truncated = value.size() > kMaxBaggageValueLength;
    if (truncated) value = opentracing::string_view(value.data(), kMaxBaggageValueLength);
    const bool replaced = context_.setBaggageItem(key, value);
    if (!recording()) return;
    std::pair<opentracing::string_view, opentracing::Value> fields[] = {
        {"event", opentracing::string_view("baggage")},
        {"key", key},
        {"value", value},
        {truncated ? "truncated" : "override", true},
        {"override", true}};
    const size_t fieldCount = 3 + (truncated ? 1 : 0) + (replaced ? 1 : 0);
    const int64_t now = toMicros(std::chrono::system_clock::now());
    std::lock_guard<SpinLock> lock(mutex_);
    if (finished_.load(std::memory_order_relaxed) || !record_) return;
    record_->addLog(now, FieldRange{fields, fieldCount});
  } catch (...) {
  }
}

std::string Span::BaggageItem(opentracing::string_view key) const noexcept {
  try {
    return context_.baggageItem(key);
  } catch (...) {
    return {};
  }
}

template <typename Fields>
void Span::log(opentracing::SystemTime timestamp, const Fields& fields) noexcept {
  if (!recording()) return;
  try {
    std::lock_guard<SpinLock> lock(mutex_);
    if (finished_.load(std::memory_order_relaxed) || !record_) return;
    record_->addLog(toMicros(timestamp), fields);
  } catch (...) {
  }
}

void Span::Log(std::initializer_list<std::pair<opentracing::string_view, opentracing::Value>>
                   fields) noexcept {
  log(std::chrono::system_clock::now(), fields);
}

void Span::Log(opentracing::SystemTime timestamp,
               std::initializer_list<std::pair<opentracing::string_view, opentracing::Value>>
                   fields) noexcept {
  log(timestamp, fields);
}

void Span::Log(
    opentracing::SystemTime timestamp,
    const std::vector<std::pair<opentracing::string_view, opentracing::Value>>& fields) noexcept {
  log(timestamp, fields);
}

}  // namespace detail
}  // namespace jaegertracing
