#ifndef JAEGERTRACING_SRC_SAMPLERS_REMOTESAMPLER_H
#define JAEGERTRACING_SRC_SAMPLERS_REMOTESAMPLER_H

#include <jaegertracing/Logging.h>
#include <jaegertracing/samplers/Config.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "platform/ForkHandlers.h"
#include "samplers/Sampler.h"
#include "samplers/SamplingStrategy.h"
#include "samplers/StrategyFetcher.h"
#include "samplers/StrategyStore.h"

namespace jaegertracing {
namespace detail {

// The sampler of `sampler.type: remote`. It samples with probability `sampler.param` until the
// Jaeger agent answers, then as the agent's last good answer says: probabilistic, rate limiting,
// or per operation (PerOperationSampler, with at most `sampler.maxOperations` operations).
// It asks (GET samplingServerURL?service=NAME, the URL's own query kept) on a thread of its
// own, at once and then every `sampler.samplingRefreshInterval`, with libcurl. An answer that
// cannot be had (the agent is down, an HTTP error status) or read (not JSON, a wrong type, a
// value out of range) leaves the strategy in force as it is; the first failure of a streak is
// logged, and the polling goes on, so an agent that comes up later is picked up.
//
// isSampled takes no lock: the strategy in force is read from a StrategyStore, which the
// polling thread alone replaces. A new strategy is made only when the answer differs from the
// strategy in force, so rate limiters keep their state across identical answers.
//
// After fork() the child polls with a thread of its own, started by its first isSampled; the
// parent's connection is left alone.
class RemoteSampler final : public Sampler, private ForkAware {
 public:
  RemoteSampler(const samplers::Config& config, const std::string& serviceName,
                logging::Logger& logger);
  ~RemoteSampler() override;

  RemoteSampler(const RemoteSampler&) = delete;
  RemoteSampler& operator=(const RemoteSampler&) = delete;

  // The decision's tags are a copy kept by the calling thread, valid until that thread's next
  // call to a RemoteSampler: the strategy that decided may be freed as soon as this returns.
  // The tracer copies them into the span at once, on the same thread.
  SamplingDecision isSampled(const TraceID& traceID, std::string_view operationName) override;

  // Stops polling at once, even in the middle of a request, and joins the thread. The strategy
  // in force stays in force.
  void close() override;

  // A copy of the strategy in force.
  SamplingStrategy strategy() const;
  // Where the strategy is asked for: samplingServerURL with service=NAME added to its query.
  const std::string& requestUrl() const { return requestUrl_; }

 private:
  void logError(const std::string& message) noexcept;
  // Starts the thread; mutex_ held. Logs when it cannot, and the initial strategy stays.
  void startPolling() noexcept;
  void run(StrategyFetcher& fetcher);
  void poll(StrategyFetcher& fetcher) noexcept;
  void apply(const SamplingStrategy& strategy);
  std::unique_ptr<StrategyStore::Strategy> initialStrategy(double param);
  std::unique_ptr<Sampler> makeSampler(const SamplingStrategy& strategy, const Sampler* previous);

  void prepareFork() noexcept override;
  void parentAfterFork() noexcept override;
  void childAfterFork() noexcept override;
  void restartAfterFork() noexcept;

  const std::string requestUrl_;
  const std::string loggedUrl_;  // without user:password@
  const std::chrono::steady_clock::duration refreshInterval_;
  const size_t maxOperations_;
  logging::Logger& logger_;

  // Taken by the per-operation samplers to add operations, and across fork().
  std::mutex operationsMutex_;
  StrategyStore strategies_;

  std::atomic<bool> stopping_{false};  // read by a fetch in progress
  std::atomic<bool> restartPending_{false};
  bool failing_ = false;  // the polling thread's: a failure was logged and none succeeded since
  // The polling thread's: the clamping last logged, so an agent that keeps answering the same
  // out-of-range value is logged once, not at every poll.
  std::string clampedLogged_;
  std::mutex mutex_;  // guards the four below
  std::condition_variable wake_;
  bool stopRequested_ = false;
  std::unique_ptr<StrategyFetcher> fetcher_;
  std::thread thread_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_REMOTESAMPLER_H
