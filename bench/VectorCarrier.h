// Carriers for Inject and Extract: headers in a small vector, as a framework keeps them.
#ifndef JAEGERTRACING_BENCH_VECTORCARRIER_H
#define JAEGERTRACING_BENCH_VECTORCARRIER_H

#include <opentracing/propagation.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace bench {

// Headers as a small vector, the way a framework keeps them; clear() keeps its capacity so a
// benchmark can reuse it each iteration. Reader and Writer are the OpenTracing carrier bases:
// TextMap or HTTPHeaders.
template <typename Reader, typename Writer>
class VectorCarrier : public Reader, public Writer {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    headers_.emplace_back(std::string(key.data(), key.size()),
                          std::string(value.data(), value.size()));
    return {};
  }

  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view key,
                                                opentracing::string_view value)>
          f) const override {
    for (const auto& header : headers_) {
      auto result = f(header.first, header.second);
      if (!result) return result;
    }
    return {};
  }

  void clear() { headers_.clear(); }
  const Headers& headers() const { return headers_; }

 private:
  mutable Headers headers_;  // Set is const in OpenTracing
};

using TextMapCarrier = VectorCarrier<opentracing::TextMapReader, opentracing::TextMapWriter>;
using HTTPHeadersCarrier =
    VectorCarrier<opentracing::HTTPHeadersReader, opentracing::HTTPHeadersWriter>;

}  // namespace bench
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_VECTORCARRIER_H
