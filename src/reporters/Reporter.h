#ifndef JAEGERTRACING_SRC_REPORTERS_REPORTER_H
#define JAEGERTRACING_SRC_REPORTERS_REPORTER_H

#include <chrono>
#include <cstddef>
#include <memory>

#include "model/SpanRecord.h"

namespace jaegertracing {
namespace detail {

// Takes finished sampled spans. report() runs on the application's thread and must not wait.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void report(std::unique_ptr<SpanRecord> span) noexcept = 0;
  // Both return false when the timeout was hit before everything queued was handled.
  virtual bool flush(std::chrono::milliseconds timeout) noexcept = 0;
  virtual bool close(std::chrono::milliseconds timeout) noexcept = 0;
  virtual size_t queueLength() const noexcept { return 0; }
  // Counts, as dropped, spans that arrived after the reporter stopped taking them, so that a
  // snapshot of the counters adds up. Called before stats() reads them.
  virtual void countStragglers() noexcept {}
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_REPORTERS_REPORTER_H
