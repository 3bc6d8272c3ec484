#include "samplers/PerOperationSampler.h"

#include <algorithm>
#include <functional>

namespace jaegertracing {
namespace detail {
namespace {

constexpr size_t kMinimumTableSlots = 16;

size_t slotsFor(size_t operations) {
  size_t slots = kMinimumTableSlots;
  while (slots < 2 * operations) slots *= 2;
  return slots;
}

// So that the next push_back cannot throw; growing geometrically, as push_back would.
template <typename T>
void roomForOneMore(std::vector<T>& items) {
  if (items.size() == items.capacity()) items.reserve(std::max<size_t>(8, 2 * items.size()));
}

}  // namespace

// Open addressing with linear probing; slots are only ever filled, by the writer under the
// mutex, with a release store of an operation built before it.
class PerOperationSampler::Table {
 public:
  explicit Table(size_t slots)
      : mask_(slots - 1), slots_(std::make_unique<std::atomic<Operation*>[]>(slots)) {
    for (size_t i = 0; i < slots; ++i) slots_[i].store(nullptr, std::memory_order_relaxed);
  }

  size_t slots() const { return mask_ + 1; }

  Operation* find(std::string_view name, size_t hash) const {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Operation* operation = slots_[i].load(std::memory_order_acquire);
      if (operation == nullptr) return nullptr;
      if (operation->hash == hash && operation->name == name) return operation;
    }
  }

  // Writer only; the table must stay at most half full.
  void insert(Operation* operation) {
    for (size_t i = operation->hash & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].load(std::memory_order_relaxed) == nullptr) {
        slots_[i].store(operation, std::memory_order_release);
        return;
      }
    }
  }

 private:
  const size_t mask_;
  const std::unique_ptr<std::atomic<Operation*>[]> slots_;
};

PerOperationSampler::PerOperationSampler(const PerOperationSamplingStrategy& strategy,
                                         size_t maxOperations, std::mutex& mutex,
                                         const PerOperationSampler* previous)
    // As the limiters apply it, so that an unchanged answer keeps their state (see below).
    : lowerBound_(RateLimitingSampler::effectiveRate(strategy.defaultLowerBoundTracesPerSecond)),
      maxOperations_(maxOperations),
      defaultSampler_(strategy.defaultSamplingProbability),
      mutex_(mutex) {
  std::unique_lock<std::mutex> lock(mutex_, std::defer_lock);
  // The previous sampler may be gaining operations on the application's threads meanwhile.
  if (previous != nullptr) lock.lock();
  const Table* previousTable =
      previous != nullptr ? previous->table_.load(std::memory_order_acquire) : nullptr;

  tables_.push_back(std::make_unique<Table>(slotsFor(strategy.operations.size())));
  operations_.reserve(strategy.operations.size());
  for (const auto& listed : strategy.operations) {
    const size_t hash = hashOf(listed.operation);
    if (tables_.back()->find(listed.operation, hash) != nullptr) continue;  // listed twice
    std::shared_ptr<RateLimitingSampler> limiter;
    if (previousTable != nullptr) {
      const Operation* before = previousTable->find(listed.operation, hash);
      if (before != nullptr && before->sampler.lowerBound() == lowerBound_) {
        limiter = before->sampler.lowerBoundLimiter();
      }
    }
    add(listed.operation, hash, listed.samplingRate, std::move(limiter));
  }
  table_.store(tables_.back().get(), std::memory_order_release);
  full_.store(operations_.size() >= maxOperations_, std::memory_order_relaxed);
}

PerOperationSampler::~PerOperationSampler() = default;

SamplingDecision PerOperationSampler::isSampled(const TraceID& traceID,
                                                std::string_view operationName) {
  const size_t hash = hashOf(operationName);
  Operation* operation = table_.load(std::memory_order_acquire)->find(operationName, hash);
  if (operation == nullptr) {
    // Only a hint: a stale false leads to the mutex, which knows.
    if (full_.load(std::memory_order_relaxed)) {
      return defaultSampler_.isSampled(traceID, operationName);
    }
    operation = addOperation(operationName, hash);
    if (operation == nullptr) return defaultSampler_.isSampled(traceID, operationName);
  }
  return operation->sampler.isSampled(traceID, operationName);
}

size_t PerOperationSampler::operationCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return operations_.size();
}

size_t PerOperationSampler::hashOf(std::string_view name) {
  return std::hash<std::string_view>()(name);
}

PerOperationSampler::Operation* PerOperationSampler::addOperation(std::string_view name,
                                                                  size_t hash) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (Operation* operation = tables_.back()->find(name, hash)) return operation;
  if (operations_.size() >= maxOperations_) {
    full_.store(true, std::memory_order_relaxed);
    return nullptr;
  }
  Operation* operation = add(name, hash, defaultSampler_.samplingRate(), nullptr);
  table_.store(tables_.back().get(), std::memory_order_release);
  return operation;
}

PerOperationSampler::Operation* PerOperationSampler::add(
    std::string_view name, size_t hash, double samplingRate,
    std::shared_ptr<RateLimitingSampler> limiter) {
  if (!limiter) limiter = std::make_shared<RateLimitingSampler>(lowerBound_);
  auto operation = std::make_unique<Operation>(name, hash, samplingRate, std::move(limiter));
  Operation* added = operation.get();
  // Everything that can throw comes first: an operation is either in operations_ and the
  // current table, or nowhere.
  std::unique_ptr<Table> grown;
  if (2 * (operations_.size() + 1) > tables_.back()->slots()) {
    // Built whole before it is published: readers of the old table keep a consistent view.
    grown = std::make_unique<Table>(2 * tables_.back()->slots());
    for (const auto& each : operations_) grown->insert(each.get());
    grown->insert(added);
    roomForOneMore(tables_);
  }
  roomForOneMore(operations_);
  operations_.push_back(std::move(operation));
  if (grown) {
    tables_.push_back(std::move(grown));
  } else {
    tables_.back()->insert(added);
  }
  return added;
}

}  // namespace detail
}  // namespace jaegertracing
