#include <jaegertracing/Tracer.h>
#include <opentracing/ext/tags.h>

#include "config/ConfigValidation.h"
#include "model/IdGenerator.h"
#include "model/SamplingDenied.h"
#include "model/TimeConversion.h"
#include "model/WallClock.h"
#include "propagation/BinaryPropagator.h"
#include "tracer/Span.h"
#include "tracer/TracerCore.h"
#include "tracer/TracerLifetime.h"

namespace jaegertracing {
namespace {

using detail::Counters;
using SystemClock = std::chrono::system_clock;
using SteadyClock = std::chrono::steady_clock;

// The first ChildOf reference is the parent; without one, the first reference of any kind.
const SpanContext* findParent(const opentracing::StartSpanOptions& options) {
  const SpanContext* parent = nullptr;
  for (const auto& reference : options.references) {
    const auto* context = dynamic_cast<const SpanContext*>(reference.second);
    if (context == nullptr) continue;
    if (reference.first == opentracing::SpanReferenceType::ChildOfRef) return context;
    if (parent == nullptr) parent = context;
  }
  return parent;
}

struct StartTimes {
  SteadyClock::time_point steady;
  SystemClock::time_point system;
  bool systemKnown = false;
};

// OpenTracing lets a caller give either start time; the other is estimated from it. Without
// either, a sampled span reads the steady clock, and an unsampled one no clock at all (a zero
// time point): it needs a start only if a sampling.priority tag samples it later, and then it
// is timed from that tag.
StartTimes startTimes(const opentracing::StartSpanOptions& options, bool sampled) {
  const bool systemGiven = options.start_system_timestamp != SystemClock::time_point();
  const bool steadyGiven = options.start_steady_timestamp != SteadyClock::time_point();
  if (!systemGiven && !steadyGiven) {
    return {sampled ? SteadyClock::now() : SteadyClock::time_point(), {}, false};
  }
  if (systemGiven && steadyGiven) {
    return {options.start_steady_timestamp, options.start_system_timestamp, true};
  }
  const auto systemNow = SystemClock::now();
  const auto steadyNow = SteadyClock::now();
  if (systemGiven) {
    const auto system = options.start_system_timestamp;
    return {steadyNow - std::chrono::duration_cast<SteadyClock::duration>(systemNow - system),
            system, true};
  }
  const auto steady = options.start_steady_timestamp;
  return {steady, systemNow - std::chrono::duration_cast<SystemClock::duration>(steadyNow - steady),
          true};
}

// The first format whose headers hold a trace (or a decision not to sample) wins. A context
// with only baggage or a debug id is kept as a fallback, so that Jaeger baggage headers
// without uber-trace-id never hide a valid traceparent listed after them.
template <typename Reader>
std::unique_ptr<opentracing::SpanContext> extractText(const detail::TracerCore& core,
                                                      const Reader& reader, bool httpHeaders) {
  std::unique_ptr<SpanContext> fallback;
  for (const auto& propagator : core.propagators()) {
    propagation::ExtractResult result = propagator->extract(reader, httpHeaders);
    if (result.malformed) Counters::add(core.counters().headerDecodingErrors);
    if (!result.context) continue;
    if (result.context->isValid() || detail::isSamplingDenied(*result.context)) {
      return std::move(result.context);
    }
    if (!fallback) fallback = std::move(result.context);
  }
  return fallback;
}

}  // namespace

std::shared_ptr<opentracing::Tracer> Tracer::make(const Config& config) {
  return make(config.serviceName(), config);
}

std::shared_ptr<opentracing::Tracer> Tracer::make(const std::string& serviceName,
                                                  const Config& config) {
  return make(serviceName, config, std::shared_ptr<logging::Logger>(logging::nullLogger()));
}

std::shared_ptr<opentracing::Tracer> Tracer::make(const std::string& serviceName,
                                                  const Config& config,
                                                  const std::shared_ptr<logging::Logger>& logger) {
  if (config.disabled()) return opentracing::MakeNoopTracer();
  detail::validate(config, serviceName);
  return detail::TracerLifetime::make(
      std::make_unique<detail::TracerCore>(serviceName, config, logger, nullptr));
}

Tracer::Tracer(std::unique_ptr<detail::TracerCore> core) : core_(std::move(core)) {}

Tracer::~Tracer() { close(kDefaultCloseTimeout); }

std::unique_ptr<opentracing::Span> Tracer::StartSpanWithOptions(
    opentracing::string_view operationName,
    const opentracing::StartSpanOptions& options) const noexcept {
  try {
    detail::TracerCore& core = *core_;
    Counters::add(core.counters().spansStarted);

    const SpanContext* parent = findParent(options);
    const bool continuesTrace = parent != nullptr && parent->isValid();
    TraceID traceID;
    uint64_t spanID;
    uint64_t parentID = 0;
    unsigned char flags = 0;
    SpanContext::Baggage baggage;
    std::string traceState;
    const std::vector<detail::SpanTag>* samplerTags = nullptr;
    bool debugRoot = false;
    if (continuesTrace) {
      traceID = parent->traceID();
      spanID = detail::randomId();
      parentID = parent->spanID();
      flags = parent->flags();
      baggage = parent->baggage();
      // Other vendors' W3C entries belong to the trace, not to one span.
      traceState = parent->traceState();
    } else {
      traceID = TraceID(core.traceId128Bit() ? detail::randomId() : 0, detail::randomId());
      spanID = traceID.low();
      if (parent != nullptr) baggage = parent->baggage();
      if (parent != nullptr && detail::isSamplingDenied(*parent)) {
        // The caller decided not to sample (B3's "b3: 0"): the sampler is not asked.
      } else if (parent != nullptr && parent->isDebugIDContainerOnly()) {
        flags = SpanContext::kSampledFlag | SpanContext::kDebugFlag;
        debugRoot = true;
      } else {
        const detail::SamplingDecision decision =
            core.sampler().isSampled(traceID, {operationName.data(), operationName.size()});
        if (decision.sampled) {
          flags = SpanContext::kSampledFlag;
          samplerTags = decision.tags;
        }
      }
    }

    const bool sampled = (flags & SpanContext::kSampledFlag) != 0;
    const StartTimes start = startTimes(options, sampled);
    std::unique_ptr<detail::SpanRecord> record;
    if (sampled) {
      Counters::add(core.counters().spansSampled);
      record = std::make_unique<detail::SpanRecord>();
      record->traceID = traceID;
      record->spanID = spanID;
      record->parentID = parentID;
      record->setOperationName({operationName.data(), operationName.size()});
      if (!traceState.empty()) record->setTraceState(traceState);
      record->startMicros =
          detail::toMicros(start.systemKnown ? start.system : detail::wallClockAt(start.steady));
      for (const auto& reference : options.references) {
        const auto* context = dynamic_cast<const SpanContext*>(reference.second);
        if (context == nullptr || !context->isValid()) continue;
        record->addReference(reference.first == opentracing::SpanReferenceType::FollowsFromRef,
                             context->traceID(), context->spanID());
      }
      if (samplerTags != nullptr) {
        for (const detail::SpanTag& tag : *samplerTags) record->addTag(tag.key, tag.value);
      }
      if (debugRoot) record->addTag(kJaegerDebugHeader, detail::TagValue(parent->debugID()));
      // Jaeger's span has no field for W3C tracestate: OpenTelemetry's Jaeger translation keeps
      // it in this tag, and Jaeger v2 shows it so.
      if (!traceState.empty()) record->addTag("w3c.tracestate", detail::TagValue(traceState));
    }

    std::unique_ptr<detail::Span> span(new detail::Span(
        *this, core, traceID, spanID, parentID, flags, std::move(baggage), std::move(traceState),
        std::move(record), {operationName.data(), operationName.size()}, start.steady));
    for (const auto& tag : options.tags) span->setInitialTag(tag.first, tag.second);
    return span;
  } catch (...) {
    return nullptr;
  }
}

opentracing::expected<void> Tracer::Inject(const opentracing::SpanContext& context,
                                           std::ostream& writer) const {
  const auto* jaegerContext = dynamic_cast<const SpanContext*>(&context);
  if (jaegerContext == nullptr) {
    return opentracing::make_unexpected(opentracing::invalid_span_context_error);
  }
  propagation::BinaryPropagator::inject(*jaegerContext, writer);
  if (!writer) return opentracing::make_unexpected(std::make_error_code(std::errc::io_error));
  return {};
}

opentracing::expected<void> Tracer::Inject(const opentracing::SpanContext& context,
                                           const opentracing::TextMapWriter& writer) const {
  const auto* jaegerContext = dynamic_cast<const SpanContext*>(&context);
  if (jaegerContext == nullptr) {
    return opentracing::make_unexpected(opentracing::invalid_span_context_error);
  }
  for (const auto& propagator : core_->propagators()) {
    propagator->inject(*jaegerContext, writer, false);
  }
  return {};
}

opentracing::expected<void> Tracer::Inject(const opentracing::SpanContext& context,
                                           const opentracing::HTTPHeadersWriter& writer) const {
  const auto* jaegerContext = dynamic_cast<const SpanContext*>(&context);
  if (jaegerContext == nullptr) {
    return opentracing::make_unexpected(opentracing::invalid_span_context_error);
  }
  for (const auto& propagator : core_->propagators()) {
    propagator->inject(*jaegerContext, writer, true);
  }
  return {};
}

opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Tracer::Extract(
    std::istream& reader) const {
  try {
    propagation::ExtractResult result = propagation::BinaryPropagator::extract(reader);
    if (result.malformed) Counters::add(core_->counters().headerDecodingErrors);
    return std::unique_ptr<opentracing::SpanContext>(std::move(result.context));
  } catch (...) {
    Counters::add(core_->counters().headerDecodingErrors);
    return std::unique_ptr<opentracing::SpanContext>();
  }
}

opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Tracer::Extract(
    const opentracing::TextMapReader& reader) const {
  try {
    return extractText(*core_, reader, false);
  } catch (...) {
    Counters::add(core_->counters().headerDecodingErrors);
    return std::unique_ptr<opentracing::SpanContext>();
  }
}

opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Tracer::Extract(
    const opentracing::HTTPHeadersReader& reader) const {
  try {
    return extractText(*core_, reader, true);
  } catch (...) {
    Counters::add(core_->counters().headerDecodingErrors);
    return std::unique_ptr<opentracing::SpanContext>();
  }
}

void Tracer::Close() noexcept { close(kDefaultCloseTimeout); }

bool Tracer::close(std::chrono::milliseconds timeout) noexcept {
  const bool completed = core_->reporter().close(timeout);
  core_->sampler().close();
  return completed;
}

bool Tracer::Flush(std::chrono::milliseconds timeout) noexcept {
  return core_->reporter().flush(timeout);
}

TracerStats Tracer::stats() const noexcept {
  core_->reporter().countStragglers();
  TracerStats stats = core_->counters().snapshot();
  stats.queueLength = core_->reporter().queueLength();
  return stats;
}

const std::string& Tracer::serviceName() const noexcept { return core_->serviceName(); }

}  // namespace jaegertracing
