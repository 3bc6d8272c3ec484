#include "samplers/RemoteSampler.h"

#include <algorithm>
#include <new>
#include <vector>

#include "concurrency/GracePeriod.h"
#include "platform/LogSafeText.h"
#include "samplers/PerOperationSampler.h"
#include "samplers/ProbabilisticSampler.h"
#include "samplers/RateLimitingSampler.h"
#include "samplers/SamplingRequestUrl.h"
#include "samplers/ThreadTagCopies.h"

namespace jaegertracing {
namespace detail {
namespace {

const std::vector<SpanTag> kNoTags;

std::chrono::steady_clock::duration pollingInterval(std::chrono::steady_clock::duration interval) {
  // The configuration allows only positive intervals; a year keeps wait_for from overflowing.
  return std::clamp<std::chrono::steady_clock::duration>(interval, std::chrono::milliseconds(1),
                                                         std::chrono::hours(24 * 365));
}

}  // namespace

RemoteSampler::RemoteSampler(const samplers::Config& config, const std::string& serviceName,
                             logging::Logger& logger)
    : requestUrl_(samplingRequestUrl(config.samplingServerURL(), serviceName)),
      loggedUrl_(urlWithoutUserInfo(requestUrl_)),
      refreshInterval_(pollingInterval(config.samplingRefreshInterval())),
      maxOperations_(static_cast<size_t>(std::max(config.maxOperations(), 0))),
      logger_(logger),
      strategies_(initialStrategy(config.param())) {
  registerForkAware(this);
  std::lock_guard<std::mutex> lock(mutex_);
  startPolling();
}

RemoteSampler::~RemoteSampler() {
  close();
  unregisterForkAware(this);
}

SamplingDecision RemoteSampler::isSampled(const TraceID& traceID, std::string_view operationName) {
  if (restartPending_.load(std::memory_order_relaxed)) restartAfterFork();
  return strategies_.read([&](const StrategyStore::Strategy& strategy) -> SamplingDecision {
    const SamplingDecision decision = strategy.sampler->isSampled(traceID, operationName);
    if (!decision.sampled || decision.tags == nullptr) return {decision.sampled, &kNoTags};
    // Copied while the strategy surely lives.
    return {true, threadTagCopy(strategy.id, decision.tags)};
  });
}

void RemoteSampler::close() {
  std::thread thread;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopRequested_ = true;
    restartPending_.store(false, std::memory_order_relaxed);
    stopping_.store(true, std::memory_order_release);
    wake_.notify_all();
    if (fetcher_ != nullptr) fetcher_->wake();
    // Whoever takes the thread joins it; a second close() has nothing left to stop.
    thread = std::move(thread_);
  }
  if (thread.joinable()) thread.join();
}

SamplingStrategy RemoteSampler::strategy() const {
  return strategies_.read(
      [](const StrategyStore::Strategy& strategy) { return strategy.description; });
}

void RemoteSampler::startPolling() noexcept {
  try {
    fetcher_ = std::make_unique<StrategyFetcher>(requestUrl_);
    thread_ = std::thread([this, fetcher = fetcher_.get()] { run(*fetcher); });
  } catch (const std::exception& error) {
    try {
      logError("remote sampler: cannot poll " + loggedUrl_ + " for sampling strategies (" +
               error.what() + "); sampling with " + strategies_.inForce().description.describe());
    } catch (...) {
      // Out of memory for the message: the sampler keeps its initial strategy.
    }
  } catch (...) {
  }
}

void RemoteSampler::logError(const std::string& message) noexcept {
  try {
    logger_.error(message);
  } catch (...) {
    // The application's logger threw: the sampler goes on without it.
  }
}

void RemoteSampler::run(StrategyFetcher& fetcher) {
  for (;;) {
    poll(fetcher);
    std::unique_lock<std::mutex> lock(mutex_);
    if (wake_.wait_for(lock, refreshInterval_, [this] { return stopRequested_; })) return;
  }
}

void RemoteSampler::poll(StrategyFetcher& fetcher) noexcept {
  std::string failure;
  try {
    // close() sets stopping_ and wakes the fetcher: the request ends at once.
    if (fetcher.fetch(stopping_, failure)) {
      auto strategy = parseSamplingStrategy(fetcher.body());
      if (strategy) {
        apply(*strategy);
        if (strategy->clamped != clampedLogged_) {
          clampedLogged_ = strategy->clamped;
          if (!clampedLogged_.empty()) {
            logger_.error("remote sampler: " + loggedUrl_ +
                          " asks for rates the sampler cannot apply: " + clampedLogged_ +
                          "; sampling with " + strategy->describe() +
                          " (logged once while the answer stays the same)");
          }
        }
        if (failing_) {
          failing_ = false;
          logger_.info("remote sampler: " + loggedUrl_ + " answers again: sampling with " +
                       strategy->describe());
        }
        return;
      }
      failure = "unusable strategy: " + strategy.error();
    }
  } catch (const std::exception& error) {
    failure = error.what();
  } catch (...) {
    // The logger threw, or something below did without saying what: the thread goes on.
    failure = "an unknown error";
  }
  if (stopping_.load(std::memory_order_acquire)) return;  // cut short by close()
  if (!failing_) {
    failing_ = true;
    try {
      // The strategy in force is this thread's to replace, so reading it needs no grace.
      logError("remote sampler: cannot get the sampling strategy from " + loggedUrl_ + ": " +
               failure + "; still sampling with " + strategies_.inForce().description.describe() +
               " (logged once until an answer is good again)");
    } catch (...) {
      // Out of memory for the message.
    }
  }
}

void RemoteSampler::apply(const SamplingStrategy& description) {
  const StrategyStore::Strategy& current = strategies_.inForce();
  if (current.description == description) return;
  auto next = std::make_unique<StrategyStore::Strategy>();
  next->description = description;
  next->sampler = makeSampler(description, current.sampler.get());
  strategies_.replace(std::move(next));
}

std::unique_ptr<StrategyStore::Strategy> RemoteSampler::initialStrategy(double param) {
  // Jaeger's initial strategy, until the agent answers.
  auto initial = std::make_unique<StrategyStore::Strategy>();
  initial->description = SamplingStrategy::probabilistic(std::clamp(param, 0.0, 1.0));
  initial->sampler = makeSampler(initial->description, nullptr);
  return initial;
}

std::unique_ptr<Sampler> RemoteSampler::makeSampler(const SamplingStrategy& strategy,
                                                    const Sampler* previous) {
  switch (strategy.type) {
    case SamplingStrategy::Type::kProbabilistic:
      return std::make_unique<ProbabilisticSampler>(strategy.samplingRate);
    case SamplingStrategy::Type::kRateLimiting:
      return std::make_unique<RateLimitingSampler>(strategy.maxTracesPerSecond);
    case SamplingStrategy::Type::kPerOperation:
      return std::make_unique<PerOperationSampler>(
          strategy.perOperation, maxOperations_, operationsMutex_,
          dynamic_cast<const PerOperationSampler*>(previous));
  }
  return std::make_unique<ProbabilisticSampler>(0.0);
}

void RemoteSampler::prepareFork() noexcept {
  mutex_.lock();
  operationsMutex_.lock();
}

void RemoteSampler::parentAfterFork() noexcept {
  operationsMutex_.unlock();
  mutex_.unlock();
}

void RemoteSampler::childAfterFork() noexcept {
  // The child has only the forking thread, which is not deciding: the counted readers were
  // the parent's. The polling thread's objects are abandoned, not destroyed: the transfer may
  // have been caught mid-request on the parent's connection, and the condition variable may
  // record the parent's waiters.
  GracePeriod::resetAfterFork();
  new (&wake_) std::condition_variable();
  new (&thread_) std::thread();
  static_cast<void>(fetcher_.release());
  failing_ = false;
  if (!stopRequested_) restartPending_.store(true, std::memory_order_relaxed);
  operationsMutex_.unlock();
  mutex_.unlock();
}

void RemoteSampler::restartAfterFork() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!restartPending_.load(std::memory_order_relaxed)) return;
  restartPending_.store(false, std::memory_order_relaxed);
  if (!stopRequested_) startPolling();
}

}  // namespace detail
}  // namespace jaegertracing
