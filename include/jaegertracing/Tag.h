// A key and an OpenTracing value: the tracer-level tags given in the configuration, which
// travel in every Batch's Process.
#ifndef JAEGERTRACING_TAG_H
#define JAEGERTRACING_TAG_H

#include <opentracing/value.h>

#include <string>
#include <utility>

namespace jaegertracing {

class Tag {
 public:
  using ValueType = opentracing::Value;

  template <typename ValueArg>
  Tag(std::string key, ValueArg&& value)
      : key_(std::move(key)), value_(std::forward<ValueArg>(value)) {}

  const std::string& key() const { return key_; }
  const ValueType& value() const { return value_; }

  bool operator==(const Tag& other) const { return key_ == other.key_ && value_ == other.value_; }

 private:
  std::string key_;
  ValueType value_;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_TAG_H
