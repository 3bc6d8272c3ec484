#include "samplers/StrategyStore.h"

namespace jaegertracing {
namespace detail {

uint64_t StrategyStore::Strategy::nextId() noexcept {
  static std::atomic<uint64_t> lastId{0};
  return lastId.fetch_add(1, std::memory_order_relaxed) + 1;
}

void StrategyStore::replace(std::unique_ptr<Strategy> next) {
  Strategy* previous = current_.load(std::memory_order_relaxed);
  current_.store(next.release(), std::memory_order_seq_cst);
  grace_.synchronize();
  delete previous;
}

}  // namespace detail
}  // namespace jaegertracing
