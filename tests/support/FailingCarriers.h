// Carriers that fail, as an application's may: by returning an error or by throwing. The
// propagators must stop at the failure, give no context, and never let the exception out.
#ifndef JAEGERTRACING_TESTS_SUPPORT_FAILINGCARRIERS_H
#define JAEGERTRACING_TESTS_SUPPORT_FAILINGCARRIERS_H

#include <opentracing/propagation.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace testing {

// Gives one header, then fails.
class FailingReader : public opentracing::TextMapReader {
 public:
  FailingReader(std::string key, std::string value, bool throws)
      : key_(std::move(key)), value_(std::move(value)), throws_(throws) {}
  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view, opentracing::string_view)>
          f) const override {
    const auto ignored = f(key_, value_);
    static_cast<void>(ignored);
    if (throws_) throw std::runtime_error("carrier failed");
    return opentracing::make_unexpected(opentracing::invalid_carrier_error);
  }

 private:
  std::string key_;
  std::string value_;
  bool throws_;
};

// Lets `succeed` calls of Set through, then fails every one; keeps every key it was asked for.
class FailingWriter : public opentracing::TextMapWriter {
 public:
  FailingWriter(int succeed, bool throws) : succeed_(succeed), throws_(throws) {}
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view) const override {
    keys.emplace_back(key);
    if (static_cast<int>(keys.size()) <= succeed_) return {};
    if (throws_) throw std::runtime_error("carrier failed");
    return opentracing::make_unexpected(opentracing::invalid_carrier_error);
  }

  mutable std::vector<std::string> keys;

 private:
  int succeed_;
  bool throws_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_FAILINGCARRIERS_H
