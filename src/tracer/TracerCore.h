#ifndef JAEGERTRACING_SRC_TRACER_TRACERCORE_H
#define JAEGERTRACING_SRC_TRACER_TRACERCORE_H

#include <jaegertracing/Config.h>
#include <jaegertracing/Logging.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "metrics/Counters.h"
#include "model/SpanData.h"
#include "propagation/Propagator.h"
#include "reporters/Reporter.h"
#include "samplers/Sampler.h"
#include "tracer/LiveSpans.h"

namespace jaegertracing {
class Tracer;

namespace detail {

// What a Tracer and its live Spans share: sampler, reporter, propagators, counters. It never
// owns a span; queued spans point to nothing here.
class TracerCore {
 public:
  // A null reporter means: build the one the configuration asks for.
  TracerCore(const std::string& serviceName, const Config& config,
             std::shared_ptr<logging::Logger> logger, std::unique_ptr<Reporter> reporter);
  ~TracerCore();

  const std::string& serviceName() const { return serviceName_; }
  bool traceId128Bit() const { return traceId128Bit_; }
  Sampler& sampler() const { return *sampler_; }
  Reporter& reporter() const { return *reporter_; }
  Counters& counters() const { return counters_; }
  logging::Logger& logger() const { return *logger_; }
  const std::vector<std::unique_ptr<propagation::TextMapPropagator>>& propagators() const {
    return propagators_;
  }
  const std::vector<SpanTag>& processTags() const { return processTags_; }
  LiveSpans& liveSpans() const { return liveSpans_; }
  // Set once the application holds no handle on the tracer: see TracerLifetime.cpp.
  std::atomic<bool>& handlesGone() const { return handlesGone_; }

 private:
  std::string serviceName_;
  bool traceId128Bit_;
  std::shared_ptr<logging::Logger> logger_;
  std::vector<SpanTag> processTags_;
  // Before the reporter: the reporter's thread counts into it until the reporter is gone.
  mutable Counters counters_;
  std::unique_ptr<Sampler> sampler_;
  std::vector<std::unique_ptr<propagation::TextMapPropagator>> propagators_;
  std::unique_ptr<Reporter> reporter_;
  mutable LiveSpans liveSpans_;
  mutable std::atomic<bool> handlesGone_{false};
};
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TRACER_TRACERCORE_H
