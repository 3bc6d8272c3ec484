// What crosses process boundaries: trace and span ids, the sampling flags, baggage, a
// jaeger-debug-id and a W3C tracestate. A span's context is shared with readers on other
// threads, so its baggage is guarded; ids never change after construction, and flags only
// through a sampling.priority tag on the span.
#ifndef JAEGERTRACING_SPANCONTEXT_H
#define JAEGERTRACING_SPANCONTEXT_H

#include <jaegertracing/TraceID.h>
#include <opentracing/span.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace detail {
class Span;
}  // namespace detail

class SpanContext : public opentracing::SpanContext {
 public:
  using Baggage = std::vector<std::pair<std::string, std::string>>;
  static constexpr unsigned char kSampledFlag = 0x1;
  static constexpr unsigned char kDebugFlag = 0x2;

  SpanContext() : SpanContext(TraceID(), 0, 0, 0) {}
  SpanContext(const TraceID& traceID, uint64_t spanID, uint64_t parentID, unsigned char flags,
              Baggage baggage = {}, std::string debugID = {}, std::string traceState = {})
      : traceID_(traceID),
        spanID_(spanID),
        parentID_(parentID),
        flags_(flags),
        baggage_(std::move(baggage)),
        debugID_(std::move(debugID)),
        traceState_(std::move(traceState)) {}
  // B3's "b3: 0" (or a lone "X-B3-Sampled: 0"): no trace, only the caller's decision not to
  // sample. A span started from it begins a new trace that is not sampled, whatever the sampler
  // would say.
  static SpanContext samplingDenied();
  SpanContext(const SpanContext& other);
  // Takes the baggage without the lock: only for a context no other thread can see yet, such
  // as the one a new span is built with.
  SpanContext(SpanContext&& other) noexcept;
  SpanContext& operator=(const SpanContext& other);

  const TraceID& traceID() const { return traceID_; }
  uint64_t spanID() const { return spanID_; }
  uint64_t parentID() const { return parentID_; }
  unsigned char flags() const { return flags_.load(std::memory_order_relaxed); }
  bool isSampled() const { return (flags() & kSampledFlag) != 0; }
  bool isDebug() const { return (flags() & kDebugFlag) != 0; }
  const std::string& debugID() const { return debugID_; }
  // The W3C tracestate header as received (other vendors' entries), passed on unchanged to
  // every span of the same trace; empty when absent.
  const std::string& traceState() const { return traceState_; }
  bool isValid() const { return traceID_.isValid() && spanID_ != 0; }
  // Carries only a jaeger-debug-id and/or baggage, no trace: a span started from it begins a
  // new, sampled and debug trace (when the debug id is set).
  bool isDebugIDContainerOnly() const { return !traceID_.isValid() && !debugID_.empty(); }
  bool isSamplingDenied() const { return samplingDenied_; }

  // A copy taken under the lock.
  Baggage baggage() const;
  // Empty when absent.
  std::string baggageItem(opentracing::string_view key) const;
  // Replaces the value of an existing key (and returns true), else appends.
  bool setBaggageItem(opentracing::string_view key, opentracing::string_view value);

  void ForeachBaggageItem(
      std::function<bool(const std::string& key, const std::string& value)> f) const override;
  std::unique_ptr<opentracing::SpanContext> Clone() const noexcept override;
  std::string ToTraceID() const noexcept override;
  std::string ToSpanID() const noexcept override;

 private:
  // A span's sampling.priority tag changes its flags after children may have read them.
  friend class detail::Span;
  void setFlags(unsigned char flags) { flags_.store(flags, std::memory_order_relaxed); }

  TraceID traceID_;
  uint64_t spanID_;
  uint64_t parentID_;
  std::atomic<unsigned char> flags_;
  mutable std::mutex baggageMutex_;
  Baggage baggage_;
  std::string debugID_;
  std::string traceState_;
  bool samplingDenied_ = false;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_SPANCONTEXT_H
