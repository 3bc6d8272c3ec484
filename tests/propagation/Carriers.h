// TextMap and HTTP header carriers over a std::unordered_map, as an application would write
// them, for the propagator tests.
#ifndef JAEGERTRACING_TESTS_PROPAGATION_CARRIERS_H
#define JAEGERTRACING_TESTS_PROPAGATION_CARRIERS_H

#include <opentracing/propagation.h>

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace testing {

using Headers = std::unordered_map<std::string, std::string>;

template <typename Base>
class MapWriter : public Base {
 public:
  explicit MapWriter(Headers& headers) : headers_(headers) {}
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    headers_[key] = value;
    return {};
  }

 private:
  Headers& headers_;
};

template <typename Base>
class MapReader : public Base {
 public:
  explicit MapReader(const Headers& headers) : headers_(headers) {}
  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view key,
                                                opentracing::string_view value)>
          f) const override {
    for (const auto& header : headers_) {
      const auto result = f(header.first, header.second);
      if (!result) return result;
    }
    return {};
  }

 private:
  const Headers& headers_;
};

using TextMapWriter = MapWriter<opentracing::TextMapWriter>;
using TextMapReader = MapReader<opentracing::TextMapReader>;
using HTTPHeadersWriter = MapWriter<opentracing::HTTPHeadersWriter>;
using HTTPHeadersReader = MapReader<opentracing::HTTPHeadersReader>;

// Keeps the order and repeats of its headers, which a map cannot: a TextMap may hold the same
// header in two cases.
class ListReader : public opentracing::TextMapReader {
 public:
  explicit ListReader(std::vector<std::pair<std::string, std::string>> headers)
      : headers_(std::move(headers)) {}
  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view key,
                                                opentracing::string_view value)>
          f) const override {
    for (const auto& header : headers_) {
      ++calls;
      const auto result = f(header.first, header.second);
      if (!result) return result;
    }
    return {};
  }

  mutable std::size_t calls = 0;

 private:
  std::vector<std::pair<std::string, std::string>> headers_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_PROPAGATION_CARRIERS_H
