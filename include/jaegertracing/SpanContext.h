// What crosses process boundaries: trace and span ids, the sampling flags, baggage, a
// jaeger-debug-id and a W3C tracestate. A span's context is shared with readers on other
// threads, so its baggage is guarded; ids never change after construction, and flags only
// through a sampling.priority tag on the span.
#ifndef JAEGERTRACING_SPANCONTEXT_H
#define JAEGERTRACING_SPANCONTEXT_H

#include <jaegertracing/Export.h>
#include <jaegertracing/TraceID.h>
#include <opentracing/span.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {

/// What crosses process boundaries with a span: the trace and span ids, the parent's id, the
/// sampling flags, baggage, a jaeger-debug-id and a W3C tracestate. Safe to read from several
/// threads; the baggage is guarded by a lock.
class JAEGERTRACING_API SpanContext : public opentracing::SpanContext {
 public:
  /// Baggage items in the order they were set, each key once.
  using Baggage = std::vector<std::pair<std::string, std::string>>;
  /// flags(): the trace is sampled.
  static constexpr unsigned char kSampledFlag = 0x1;
  /// flags(): the trace is a debug trace (sampled whatever the sampler says).
  static constexpr unsigned char kDebugFlag = 0x2;
  /// The same bits under jaeger-client-cpp's names.
  enum class Flag : unsigned char {
    kSampled = kSampledFlag,  ///< kSampledFlag
    kDebug = kDebugFlag,      ///< kDebugFlag
  };

  /// An invalid context: no trace.
  SpanContext() : SpanContext(TraceID(), 0, 0, 0) {}
  /// A context with these ids and flags (kSampledFlag, kDebugFlag), baggage, jaeger-debug-id
  /// and W3C tracestate.
  SpanContext(const TraceID& traceID, uint64_t spanID, uint64_t parentID, unsigned char flags,
              Baggage baggage = {}, std::string debugID = {}, std::string traceState = {})
      : traceID_(traceID),
        spanID_(spanID),
        parentID_(parentID),
        flags_(flags),
        baggageLocked_(false),
        hasBaggage_(!baggage.empty()),
        baggage_(std::move(baggage)),
        debugID_(std::move(debugID)),
        traceState_(std::move(traceState)) {}
  /// Copies the other context, its baggage taken under its lock. (There is no move: another
  /// thread may be reading the context moved from.)
  SpanContext(const SpanContext& other);
  /// Copies the other context, its baggage taken under its lock.
  SpanContext& operator=(const SpanContext& other);

  /// The trace's id, 64- or 128-bit.
  const TraceID& traceID() const { return traceID_; }
  /// The span's id.
  uint64_t spanID() const { return spanID_; }
  /// The parent span's id; 0 for a root span.
  uint64_t parentID() const { return parentID_; }
  /// kSampledFlag and kDebugFlag, or-ed.
  unsigned char flags() const { return flags_.load(std::memory_order_relaxed); }
  /// The trace is sampled: its spans are reported.
  bool isSampled() const { return (flags() & kSampledFlag) != 0; }
  /// The trace is a debug trace.
  bool isDebug() const { return (flags() & kDebugFlag) != 0; }
  /// The jaeger-debug-id header's value that started this trace; empty when none.
  const std::string& debugID() const { return debugID_; }
  /// The W3C tracestate header as received (other vendors' entries), passed on unchanged to
  /// every span of the same trace; empty when absent.
  const std::string& traceState() const { return traceState_; }
  /// Has a trace id and a span id.
  bool isValid() const { return traceID_.isValid() && spanID_ != 0; }
  /// Carries only a jaeger-debug-id and/or baggage, no trace: a span started from it begins a
  /// new, sampled and debug trace (when the debug id is set).
  bool isDebugIDContainerOnly() const { return !traceID_.isValid() && !debugID_.empty(); }

  /// A copy of the baggage, taken under the lock.
  Baggage baggage() const;
  /// The value of the baggage item `key`; empty when absent.
  std::string baggageItem(opentracing::string_view key) const;
  /// Replaces the value of an existing key (and returns true), else appends (and returns
  /// false).
  bool setBaggageItem(opentracing::string_view key, opentracing::string_view value);

  /// Calls `f` with each baggage item, in order, until it returns false. `f` runs under the
  /// baggage's lock: it must not change this context's baggage.
  void ForeachBaggageItem(
      std::function<bool(const std::string& key, const std::string& value)> f) const override;
  /// ForeachBaggageItem under jaeger-client-cpp's name, for any callable taking (key, value)
  /// and returning whether to go on.
  template <typename Function>
  void forEachBaggageItem(Function f) const {
    ForeachBaggageItem(
        [&f](const std::string& key, const std::string& value) { return f(key, value); });
  }
  /// Writes "traceID:spanID:parentID:flags" in hex, as jaeger-client-cpp does (and `<<` with
  /// it); the stream's number base is left as it was.
  template <typename Stream>
  void print(Stream& out) const {
    traceID_.print(out);
    const auto base = out.flags();
    out << ':' << std::hex << spanID_ << ':' << parentID_ << ':' << static_cast<unsigned>(flags());
    out.flags(base);
  }
  /// Same ids, flags, jaeger-debug-id, W3C tracestate and baggage (in any order).
  bool operator==(const SpanContext& other) const;
  /// Not operator==.
  bool operator!=(const SpanContext& other) const { return !(*this == other); }

  /// A copy of this context (nullptr if memory runs out).
  std::unique_ptr<opentracing::SpanContext> Clone() const noexcept override;
  /// The trace id in lower-case hex: 32 digits for a 128-bit id, else 16.
  std::string ToTraceID() const noexcept override;
  /// The span id in 16 lower-case hex digits.
  std::string ToSpanID() const noexcept override;

 protected:
  /// For the span that owns this context: its sampling.priority tag changes the flags after
  /// children may have read them.
  void setFlags(unsigned char flags) { flags_.store(flags, std::memory_order_relaxed); }

 private:
  TraceID traceID_;
  uint64_t spanID_;
  uint64_t parentID_;
  std::atomic<unsigned char> flags_;
  // A spin lock around baggage_ (its sections copy a few strings): no <mutex> in this header.
  mutable std::atomic<bool> baggageLocked_;
  // Set under the lock once baggage_ holds an item: a child span of a context without
  // baggage (most of them) reads this instead of taking the lock.
  std::atomic<bool> hasBaggage_;
  Baggage baggage_;
  std::string debugID_;
  std::string traceState_;
};

/// Writes context.print(out).
inline std::ostream& operator<<(std::ostream& out, const SpanContext& context) {
  context.print(out);
  return out;
}

}  // namespace jaegertracing

#endif  // JAEGERTRACING_SPANCONTEXT_H
