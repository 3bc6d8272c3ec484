#include <jaegertracing/SpanContext.h>

#include <algorithm>
#include <memory>

#include "concurrency/SpinLock.h"
#include "text/Hex.h"

namespace jaegertracing {

SpanContext::SpanContext(const SpanContext& other)
    : traceID_(other.traceID_),
      spanID_(other.spanID_),
      parentID_(other.parentID_),
      flags_(other.flags()),
      baggageLocked_(false),
      hasBaggage_(false),
      baggage_(other.baggage()),
      debugID_(other.debugID_),
      traceState_(other.traceState_) {
  hasBaggage_.store(!baggage_.empty(), std::memory_order_relaxed);
}

SpanContext& SpanContext::operator=(const SpanContext& other) {
  if (this != &other) {
    Baggage copy = other.baggage();
    traceID_ = other.traceID_;
    spanID_ = other.spanID_;
    parentID_ = other.parentID_;
    flags_.store(other.flags(), std::memory_order_relaxed);
    debugID_ = other.debugID_;
    traceState_ = other.traceState_;
    detail::SpinLockGuard lock(baggageLocked_);
    baggage_ = std::move(copy);
    hasBaggage_.store(!baggage_.empty(), std::memory_order_release);
  }
  return *this;
}

bool SpanContext::operator==(const SpanContext& other) const {
  if (traceID_ != other.traceID_ || spanID_ != other.spanID_ || parentID_ != other.parentID_ ||
      flags() != other.flags() || debugID_ != other.debugID_ || traceState_ != other.traceState_) {
    return false;
  }
  // Copies taken one lock at a time: comparing a context with itself cannot deadlock.
  Baggage mine = baggage();
  Baggage theirs = other.baggage();
  std::sort(mine.begin(), mine.end());
  std::sort(theirs.begin(), theirs.end());
  return mine == theirs;
}

SpanContext::Baggage SpanContext::baggage() const {
  if (!hasBaggage_.load(std::memory_order_acquire)) return {};
  detail::SpinLockGuard lock(baggageLocked_);
  return baggage_;
}

std::string SpanContext::baggageItem(opentracing::string_view key) const {
  if (!hasBaggage_.load(std::memory_order_acquire)) return {};
  detail::SpinLockGuard lock(baggageLocked_);
  for (const auto& item : baggage_) {
    if (item.first == key) return item.second;
  }
  return {};
}

bool SpanContext::setBaggageItem(opentracing::string_view key, opentracing::string_view value) {
  detail::SpinLockGuard lock(baggageLocked_);
  for (auto& item : baggage_) {
    if (item.first == key) {
      item.second.assign(value.data(), value.size());
      return true;
    }
  }
  baggage_.emplace_back(std::string(key.data(), key.size()),
                        std::string(value.data(), value.size()));
  hasBaggage_.store(true, std::memory_order_release);
  return false;
}

void SpanContext::ForeachBaggageItem(
    std::function<bool(const std::string& key, const std::string& value)> f) const {
  if (!hasBaggage_.load(std::memory_order_acquire)) return;
  detail::SpinLockGuard lock(baggageLocked_);
  for (const auto& item : baggage_) {
    if (!f(item.first, item.second)) return;
  }
}

std::unique_ptr<opentracing::SpanContext> SpanContext::Clone() const noexcept {
  try {
    return std::unique_ptr<opentracing::SpanContext>(new SpanContext(*this));
  } catch (...) {
    return nullptr;
  }
}

std::string SpanContext::ToTraceID() const noexcept {
  try {
    return traceID_.toHex();
  } catch (...) {
    return {};
  }
}

std::string SpanContext::ToSpanID() const noexcept {
  try {
    std::string out;
    appendHex16(out, spanID_);
    return out;
  } catch (...) {
    return {};
  }
}

}  // namespace jaegertracing
