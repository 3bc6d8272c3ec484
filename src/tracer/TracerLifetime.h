// The one way into Tracer's private constructor and its core, and the tracer's lifetime
// (TracerLifetime.cpp): a tracer is destroyed once no handle on it is left and no span of it is
// alive. Tracer::make builds every tracer through make(); tests build one around a reporter of
// their own the same way.
#ifndef JAEGERTRACING_SRC_TRACER_TRACERLIFETIME_H
#define JAEGERTRACING_SRC_TRACER_TRACERLIFETIME_H

#include <jaegertracing/Tracer.h>

#include <memory>

namespace jaegertracing {
namespace detail {
class TracerCore;

struct TracerLifetime {
  static std::shared_ptr<Tracer> make(std::unique_ptr<TracerCore> core);
  static TracerCore& core(const Tracer& tracer);
  // The deleter of the handles make() returns.
  static void lastHandleDropped(Tracer* tracer) noexcept;
  // A span's last touch of its tracer, at the end of its destructor.
  static void spanEnded(const Tracer& tracer) noexcept;
  // Destroys the retired tracers whose spans have all ended.
  static void sweepRetired() noexcept;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_TRACER_TRACERLIFETIME_H
