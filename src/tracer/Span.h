#ifndef JAEGERTRACING_SRC_TRACER_SPAN_H
#define JAEGERTRACING_SRC_TRACER_SPAN_H

#include <jaegertracing/SpanContext.h>
#include <opentracing/span.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "concurrency/SpinLock.h"
#include "model/SpanRecord.h"

namespace jaegertracing {
class Tracer;

namespace detail {
class TracerCore;

// A span's own context: only its span changes the flags, for a sampling.priority tag.
class OwnSpanContext final : public SpanContext {
 public:
  using SpanContext::setFlags;
  using SpanContext::SpanContext;
};

// An OpenTracing span. A sampled span records into its SpanRecord, which Finish moves to the
// reporter; an unsampled span records nothing. The Tracer outlives its spans (they count
// themselves in its LiveSpans; see TracerLifetime.cpp), and nothing the reporter holds keeps a
// span or the Tracer alive. Spans live in pooled blocks: starting and finishing an unsampled
// span allocates nothing once the thread is warm.
class Span final : public opentracing::Span {
 public:
  // Longer baggage values are truncated (jaeger's DefaultBaggageRestrictionManager's limit).
  static constexpr size_t kMaxBaggageValueLength = 2048;

  using SteadyTime = std::chrono::steady_clock::time_point;

  // record is null for an unsampled span, which keeps its operation name aside in case a
  // sampling.priority tag samples it later.
  // The context is built in place: a span is started for every request.
  Span(const Tracer& tracer, const TracerCore& core, const TraceID& traceID, uint64_t spanID,
       uint64_t parentID, unsigned char flags, SpanContext::Baggage&& baggage,
       std::string&& traceState, std::unique_ptr<SpanRecord>&& record,
       std::string_view unsampledOperationName, SteadyTime startSteady) noexcept;
  ~Span() override;

  static void* operator new(size_t size);
  static void operator delete(void* memory) noexcept;

  void FinishWithOptions(const opentracing::FinishSpanOptions& options) noexcept override;
  void SetOperationName(opentracing::string_view name) noexcept override;
  void SetTag(opentracing::string_view key, const opentracing::Value& value) noexcept override;
  void SetBaggageItem(opentracing::string_view key,
                      opentracing::string_view value) noexcept override;
  std::string BaggageItem(opentracing::string_view key) const noexcept override;
  void Log(std::initializer_list<std::pair<opentracing::string_view, opentracing::Value>>
               fields) noexcept override;
  void Log(opentracing::SystemTime timestamp,
           std::initializer_list<std::pair<opentracing::string_view, opentracing::Value>>
               fields) noexcept override;
  void Log(opentracing::SystemTime timestamp,
           const std::vector<std::pair<opentracing::string_view, opentracing::Value>>&
               fields) noexcept override;
  const opentracing::SpanContext& context() const noexcept override { return context_; }
  const opentracing::Tracer& tracer() const noexcept override;

  // Applies a tag given at start, before the span is visible to any other thread.
  void setInitialTag(opentracing::string_view key, const opentracing::Value& value) noexcept;

 private:
  template <typename Fields>
  void log(opentracing::SystemTime timestamp, const Fields& fields) noexcept;
  // Needs mutex_ held.
  void setTagLocked(opentracing::string_view key, const opentracing::Value& value);
  void applySamplingPriority(const opentracing::Value& value);
  bool recording() const noexcept { return context_.isSampled(); }
  void setUnsampledOperationName(std::string_view name);
  std::string_view unsampledOperationName() const;

  // Most operation names fit here; a longer one costs an allocation, on unsampled spans only.
  static constexpr size_t kInlineNameCapacity = 64;

  // Valid for the span's whole life: the tracer is destroyed only after its last span.
  const Tracer& tracer_;
  const TracerCore& core_;
  // A plain SpanContext, not a subclass: a child's dynamic_cast to SpanContext then meets the
  // exact type, the runtime's fast path (a subclass cost every child span ~15 ns).
  SpanContext context_;
  SteadyTime startSteady_;
  mutable SpinLock mutex_;
  std::unique_ptr<SpanRecord> record_;  // null when unsampled, and after Finish
  std::atomic<bool> finished_{false};
  uint32_t inlineNameLength_ = 0;
  char inlineName_[kInlineNameCapacity];
  std::string longName_;  // when the unsampled name does not fit inlineName_
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TRACER_SPAN_H
