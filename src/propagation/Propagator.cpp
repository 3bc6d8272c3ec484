#include "propagation/Propagator.h"

#include <utility>

namespace jaegertracing {
namespace propagation {

bool addBaggageItem(SpanContext::Baggage& baggage, std::string key, std::string value) {
  if (key.empty() || key.size() + value.size() > kMaxBaggageItemBytes) return false;
  // Linear: at most kMaxBaggageItems entries, and a vector is what SpanContext keeps.
  for (auto& item : baggage) {
    if (item.first == key) {
      item.second = std::move(value);
      return true;
    }
  }
  if (baggage.size() >= kMaxBaggageItems) return false;
  baggage.emplace_back(std::move(key), std::move(value));
  return true;
}

}  // namespace propagation
}  // namespace jaegertracing
