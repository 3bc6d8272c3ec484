#ifndef JAEGERTRACING_SRC_SAMPLERS_STRATEGYSTORE_H
#define JAEGERTRACING_SRC_SAMPLERS_STRATEGYSTORE_H

#include <atomic>
#include <cstdint>
#include <memory>

#include "concurrency/GracePeriod.h"
#include "samplers/Sampler.h"
#include "samplers/SamplingStrategy.h"

namespace jaegertracing {
namespace detail {

// The remote sampler's strategy in force, read without a lock: an immutable object (but for
// the atomics of its rate limiters and the operations a per-operation sampler adds) published
// through an atomic pointer. One writer (the polling thread) replaces it: it publishes the new
// one, waits for a grace period (GracePeriod: until no reader can still be deciding with the
// old one), and frees the old one.
class StrategyStore {
 public:
  struct Strategy {
    // Numbered across the process: a number and a tags address name one content.
    const uint64_t id = nextId();
    SamplingStrategy description;
    std::unique_ptr<Sampler> sampler;

   private:
    static uint64_t nextId() noexcept;
  };

  explicit StrategyStore(std::unique_ptr<Strategy> initial) : current_(initial.release()) {}
  ~StrategyStore() { delete current_.load(std::memory_order_acquire); }

  StrategyStore(const StrategyStore&) = delete;
  StrategyStore& operator=(const StrategyStore&) = delete;

  // Any thread: calls read(const Strategy&) while that strategy surely lives.
  template <typename Read>
  auto read(Read&& read) const {
    GracePeriod::ReadSection section(grace_);
    return read(*current_.load(std::memory_order_seq_cst));
  }
  // The strategy in force, without a grace period: for the writer, whose to replace it is, or
  // while there is no writer.
  const Strategy& inForce() const { return *current_.load(std::memory_order_acquire); }
  // The writer: publishes `next`, and frees the strategy it replaces once no reader can still
  // be using it.
  void replace(std::unique_ptr<Strategy> next);

 private:
  mutable GracePeriod grace_;
  std::atomic<Strategy*> current_;  // owned
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_STRATEGYSTORE_H
