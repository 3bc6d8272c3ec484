// TextMap and HTTP header carriers, as an application would write them, for the propagator
// tests, the soak run and the fuzz targets: over a std::unordered_map (one value a key), or over
// a list that keeps the order and repeats a map cannot (a TextMap may hold the same header in
// two cases).
#ifndef JAEGERTRACING_TESTS_SUPPORT_CARRIERS_H
#define JAEGERTRACING_TESTS_SUPPORT_CARRIERS_H

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
using HeaderList = std::vector<std::pair<std::string, std::string>>;

inline void setHeader(Headers& headers, opentracing::string_view key,
                      opentracing::string_view value) {
  headers[key] = value;
}

inline void setHeader(HeaderList& headers, opentracing::string_view key,
                      opentracing::string_view value) {
  headers.emplace_back(std::string(key), std::string(value));
}

// Gives the headers of `Container` (a reference to the caller's, or a copy of its own) in their
// order, and counts how many it gave before the propagator stopped it.
template <typename Base, typename Container>
class HeaderReader : public Base {
 public:
  explicit HeaderReader(Container headers) : headers_(std::forward<Container>(headers)) {}
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
  Container headers_;
};

// Puts what inject sets into the caller's Headers (replacing) or HeaderList (appending).
template <typename Base, typename Container>
class HeaderWriter : public Base {
 public:
  explicit HeaderWriter(Container& headers) : headers_(headers) {}
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    setHeader(headers_, key, value);
    return {};
  }

 private:
  Container& headers_;
};

template <typename Base>
using MapReader = HeaderReader<Base, const Headers&>;
template <typename Base>
using MapWriter = HeaderWriter<Base, Headers>;

using TextMapWriter = MapWriter<opentracing::TextMapWriter>;
using TextMapReader = MapReader<opentracing::TextMapReader>;
using HTTPHeadersWriter = MapWriter<opentracing::HTTPHeadersWriter>;
using HTTPHeadersReader = MapReader<opentracing::HTTPHeadersReader>;

// Owns its list, so a test can write it in place: ListReader reader({{"b3", "bad"}, ...}).
template <typename Base = opentracing::TextMapReader>
class ListReader final : public HeaderReader<Base, HeaderList> {
 public:
  explicit ListReader(HeaderList headers) : HeaderReader<Base, HeaderList>(std::move(headers)) {}
};

template <typename Base>
using ListWriter = HeaderWriter<Base, HeaderList>;

// Injects with a propagator (B3, Jaeger, W3C) into new headers, as HTTP headers or as a TextMap.
template <typename Container = Headers, typename Propagator, typename Context>
Container inject(const Propagator& propagator, const Context& context, bool http) {
  Container headers;
  if (http) {
    propagator.inject(context, HeaderWriter<opentracing::HTTPHeadersWriter, Container>(headers),
                      true);
  } else {
    propagator.inject(context, HeaderWriter<opentracing::TextMapWriter, Container>(headers), false);
  }
  return headers;
}

// Extracts with a propagator from `headers`, read in place, as HTTP headers or as a TextMap.
template <typename Propagator, typename Container = Headers>
auto extract(const Propagator& propagator, const Container& headers, bool http) {
  if (http) {
    return propagator.extract(
        HeaderReader<opentracing::HTTPHeadersReader, const Container&>(headers), true);
  }
  return propagator.extract(HeaderReader<opentracing::TextMapReader, const Container&>(headers),
                            false);
}

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_CARRIERS_H
