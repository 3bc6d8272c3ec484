#ifndef JAEGERTRACING_SRC_SAMPLERS_PEROPERATIONSAMPLER_H
#define JAEGERTRACING_SRC_SAMPLERS_PEROPERATIONSAMPLER_H

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "samplers/GuaranteedThroughputSampler.h"
#include "samplers/ProbabilisticSampler.h"
#include "samplers/Sampler.h"
#include "samplers/SamplingStrategy.h"

namespace jaegertracing {
namespace detail {

// Jaeger's per-operation ("adaptive") sampler, as in its Go and Java clients: each operation the
// strategy lists has a GuaranteedThroughputSampler at its own rate; an operation it does not list
// gets one at the default probability when it first starts a trace, while fewer than
// maxOperations operations (listed ones included) have one. Beyond that, the default
// probabilistic sampler decides, with no lower bound and no state per operation. Every
// operation's sampler has the strategy's lower bound.
//
// Finding an operation's sampler takes no lock. The operations live in an open-addressing hash
// table of atomic pointers that is only ever added to, at most half full, so a probe ends at an
// empty slot: a reader hashes the name and probes until it finds the name or an empty slot.
// A name that is not there (its first trace, or the other reader lost the race) takes the
// mutex, looks again, and adds the operation: once per operation and strategy, or never again
// once maxOperations is reached (a flag the fast path reads). Outgrowing half the table
// publishes a table of twice the size; a reader still probing the old one sees every operation
// it had and, for a newer one, takes the slow path. Operations and outgrown tables are freed
// with the sampler (their total is bounded: at most twice the final table), so a pointer a reader
// loaded stays valid while the sampler lives. A copy-on-write map of the operations published
// anew for each new name would cost a copy of the map per name (quadratic in maxOperations).
class PerOperationSampler final : public Sampler {
 public:
  // `mutex` serializes the additions; RemoteSampler shares one among the samplers it makes, so
  // that it can hold it across fork(). `previous`, when given, is the sampler this one replaces:
  // an operation that both list, with the same lower bound, keeps its lower bound's limiter and
  // the credits it has spent (Go's client updates such a sampler in place). The operations
  // `previous` added for unlisted names are not carried over, as in Go's client.
  PerOperationSampler(const PerOperationSamplingStrategy& strategy, size_t maxOperations,
                      std::mutex& mutex, const PerOperationSampler* previous = nullptr);
  ~PerOperationSampler() override;

  PerOperationSampler(const PerOperationSampler&) = delete;
  PerOperationSampler& operator=(const PerOperationSampler&) = delete;

  SamplingDecision isSampled(const TraceID& traceID, std::string_view operationName) override;

  // Operations with a sampler of their own.
  size_t operationCount() const;

 private:
  struct Operation {
    Operation(std::string_view name, size_t hash, double samplingRate,
              std::shared_ptr<RateLimitingSampler> limiter)
        : name(name), hash(hash), sampler(samplingRate, std::move(limiter)) {}
    const std::string name;
    const size_t hash;
    GuaranteedThroughputSampler sampler;
  };
  class Table;

  static size_t hashOf(std::string_view name);
  // Under mutex_: the operation's sampler, added if there is room; nullptr when there is none.
  Operation* addOperation(std::string_view name, size_t hash);
  Operation* add(std::string_view name, size_t hash, double samplingRate,
                 std::shared_ptr<RateLimitingSampler> limiter);

  const double lowerBound_;
  const size_t maxOperations_;
  ProbabilisticSampler defaultSampler_;
  std::atomic<const Table*> table_{nullptr};
  std::atomic<bool> full_{false};

  std::mutex& mutex_;  // guards the two below
  std::vector<std::unique_ptr<Operation>> operations_;
  std::vector<std::unique_ptr<Table>> tables_;  // the last one is table_
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_PEROPERATIONSAMPLER_H
