// A key and an OpenTracing value: the tracer-level tags given in the configuration, which
// travel in every Batch's Process.
#ifndef JAEGERTRACING_TAG_H
#define JAEGERTRACING_TAG_H

#include <jaegertracing/Export.h>
#include <opentracing/value.h>

#include <string>
#include <utility>

namespace jaegertracing {

/// A tracer tag: a key and an OpenTracing value, sent in every Batch's Process.
class JAEGERTRACING_API Tag {
 public:
  /// Any value OpenTracing's SetTag accepts.
  using ValueType = opentracing::Value;

  /// A tag whose value is made from anything opentracing::Value can hold.
  template <typename ValueArg>
  Tag(std::string key, ValueArg&& value)
      : key_(std::move(key)), value_(std::forward<ValueArg>(value)) {}

  /// The tag's key.
  const std::string& key() const { return key_; }
  /// The tag's value.
  const ValueType& value() const { return value_; }

  /// The same key and an equal value.
  bool operator==(const Tag& other) const { return key_ == other.key_ && value_ == other.value_; }

 private:
  std::string key_;
  ValueType value_;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_TAG_H
