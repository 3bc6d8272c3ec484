#include "tracer/Span.h"

#include <jaegertracing/Tracer.h>
#include <opentracing/ext/tags.h>

#include <algorithm>
#include <optional>
#include <string>

#include "tracer/TagValueConversion.h"
#include "tracer/TimeConversion.h"
#include "tracer/TracerCore.h"

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
    return parse(std::string(v.data(), v.size()));
  }
  std::optional<double> operator()(const char* v) const {
    return v == nullptr ? std::nullopt : parse(v);
  }
  template <typename T>
  std::optional<double> operator()(const T&) const {
    return std::nullopt;
  }

  static std::optional<double> parse(const std::string& text) {
    try {
      size_t used = 0;
      const double value = std::stod(text, &used);
      if (used == text.size()) return value;
    } catch (...) {
    }
    return std::nullopt;
  }
};

}  // namespace

Span::Span(std::shared_ptr<const Tracer> tracer, const TracerCore& core, SpanContext context,
           std::unique_ptr<SpanData> data, std::string operationName,
           SteadyTime startSteady) noexcept
    : tracer_(std::move(tracer)),
      core_(core),
      context_(std::move(context)),
      startSteady_(startSteady),
      data_(std::move(data)),
      unsampledOperationName_(std::move(operationName)) {}

Span::~Span() {
  if (!finished_) Finish();
}

const opentracing::Tracer& Span::tracer() const noexcept { return *tracer_; }

void Span::FinishWithOptions(const opentracing::FinishSpanOptions& options) noexcept {
  const SteadyTime finishSteady = options.finish_steady_timestamp == SteadyTime()
                                      ? std::chrono::steady_clock::now()
                                      : options.finish_steady_timestamp;
  std::unique_ptr<SpanData> data;
  try {
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_) return;
    finished_ = true;
    if (!recording() || !data_) {
      data_.reset();
      return;
    }
    data_->durationMicros = std::max<int64_t>(0, toMicros(finishSteady - startSteady_));
    for (const opentracing::LogRecord& record : options.log_records) {
      LogRecord log;
      log.timestampMicros = toMicros(record.timestamp);
      log.fields.reserve(record.fields.size());
      for (const auto& field : record.fields) {
        log.fields.push_back(SpanTag{field.first, toTagValue(field.second)});
      }
      data_->logs.push_back(std::move(log));
    }
    data_->flags = context_.flags();
    data = std::move(data_);
  } catch (...) {
    // Out of memory while copying log records: the span is lost, the application is not.
    return;
  }
  Counters::add(core_.counters().spansFinished);
  core_.reporter().report(std::move(data));
}

void Span::SetOperationName(opentracing::string_view name) noexcept {
  try {
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_) return;
    if (data_) {
      data_->operationName.assign(name.data(), name.size());
    } else {
      unsampledOperationName_.assign(name.data(), name.size());
    }
  } catch (...) {
  }
}

void Span::SetTag(opentracing::string_view key, const opentracing::Value& value) noexcept {
  // The unsampled path returns here, without a lock or a copy.
  if (!recording() && key != opentracing::ext::sampling_priority) return;
  try {
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_) return;
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
    if (!data_) return;
  }
  data_->tags.push_back(SpanTag{std::string(key.data(), key.size()), toTagValue(value)});
}

void Span::applySamplingPriority(const opentracing::Value& value) {
  const std::optional<double> priority = opentracing::util::apply_visitor(PriorityReader{}, value);
  if (!priority) return;
  if (*priority > 0) {
    context_.setFlags(context_.flags() | SpanContext::kSampledFlag | SpanContext::kDebugFlag);
    if (!data_) {
      // Sampled from now on: what was set before this tag was not recorded.
      data_ = std::make_unique<SpanData>();
      data_->traceID = context_.traceID();
      data_->spanID = context_.spanID();
      data_->parentID = context_.parentID();
      data_->operationName = std::move(unsampledOperationName_);
      data_->startMicros = toMicros(std::chrono::system_clock::now() -
                                    (std::chrono::steady_clock::now() - startSteady_));
      Counters::add(core_.counters().spansSampled);
    }
  } else {
    context_.setFlags(context_.flags() & ~SpanContext::kSampledFlag);
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
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_ || !data_) return;
    LogRecord log;
    log.timestampMicros = toMicros(std::chrono::system_clock::now());
    log.fields = {SpanTag{"event", std::string("baggage")},
                  SpanTag{"key", std::string(key.data(), key.size())},
                  SpanTag{"value", std::string(value.data(), value.size())}};
    if (truncated) log.fields.push_back(SpanTag{"truncated", true});
    if (replaced) log.fields.push_back(SpanTag{"override", true});
    data_->logs.push_back(std::move(log));
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
    LogRecord log;
    log.timestampMicros = toMicros(timestamp);
    log.fields.reserve(fields.size());
    for (const auto& field : fields) {
      log.fields.push_back(
          SpanTag{std::string(field.first.data(), field.first.size()), toTagValue(field.second)});
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_ || !data_) return;
    data_->logs.push_back(std::move(log));
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
