// OpenTracing's HTTP header carriers over cpp-httplib's headers: the starter injects its span
// context into a request's headers, the servers extract their caller's from them.
#ifndef JAEGERTRACING_EXAMPLES_HELLO_HTTPCARRIERS_H
#define JAEGERTRACING_EXAMPLES_HELLO_HTTPCARRIERS_H

#include <httplib.h>
#include <opentracing/propagation.h>

#include <functional>
#include <string>

namespace hello {

class HttpHeadersWriter : public opentracing::HTTPHeadersWriter {
 public:
  explicit HttpHeadersWriter(httplib::Headers& headers) : headers_(headers) {}

  // Replaces an earlier value: a header carries one context.
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    std::string name(key);
    headers_.erase(name);
    headers_.emplace(std::move(name), std::string(value));
    return {};
  }

 private:
  httplib::Headers& headers_;
};

class HttpHeadersReader : public opentracing::HTTPHeadersReader {
 public:
  explicit HttpHeadersReader(const httplib::Headers& headers) : headers_(headers) {}

  // httplib::Headers compares names case-insensitively, as HTTP does.
  opentracing::expected<opentracing::string_view> LookupKey(
      opentracing::string_view key) const override {
    const auto found = headers_.find(std::string(key));
    if (found == headers_.end()) {
      return opentracing::make_unexpected(opentracing::key_not_found_error);
    }
    return opentracing::string_view(found->second);
  }

  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view key,
                                                opentracing::string_view value)>
          f) const override {
    for (const auto& [name, value] : headers_) {
      auto result = f(name, value);
      if (!result) {
        return result;
      }
    }
    return {};
  }

 private:
  const httplib::Headers& headers_;
};

}  // namespace hello

#endif  // JAEGERTRACING_EXAMPLES_HELLO_HTTPCARRIERS_H
