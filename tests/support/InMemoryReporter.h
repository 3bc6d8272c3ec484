#ifndef JAEGERTRACING_TESTS_SUPPORT_INMEMORYREPORTER_H
#define JAEGERTRACING_TESTS_SUPPORT_INMEMORYREPORTER_H

#include <mutex>
#include <vector>

#include "reporters/Reporter.h"
#include "support/SpanRecordConversion.h"

namespace jaegertracing {
namespace detail {

// Keeps every reported span, decoded for reading, for tests of the tracer that need no network.
class InMemoryReporter final : public Reporter {
 public:
  void report(std::unique_ptr<SpanRecord> span) noexcept override {
    std::lock_guard<std::mutex> lock(mutex_);
    spans_.push_back(toSpanData(*span));
  }
  bool flush(std::chrono::milliseconds) noexcept override { return true; }
  bool close(std::chrono::milliseconds) noexcept override { return true; }

  std::vector<SpanData> spans() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return spans_;
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    spans_.clear();
  }

 private:
  mutable std::mutex mutex_;
  std::vector<SpanData> spans_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_INMEMORYREPORTER_H
