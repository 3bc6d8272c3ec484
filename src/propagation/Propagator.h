// The header formats behind Tracer::Inject and Tracer::Extract. One TextMapPropagator per text
// format (Jaeger; W3C and B3 are further subclasses); the binary format is BinaryPropagator.
// Both run on the application's threads for every request, and both read carriers that come
// from the network: extract never throws and bounds what it keeps (see the limits below).
#ifndef JAEGERTRACING_SRC_PROPAGATION_PROPAGATOR_H
#define JAEGERTRACING_SRC_PROPAGATION_PROPAGATOR_H

#include <jaegertracing/SpanContext.h>
#include <opentracing/propagation.h>

#include <cstddef>
#include <memory>
#include <string>

namespace jaegertracing {
namespace propagation {

// Whoever sends a request chooses how many baggage headers it has and how long they are, and
// every span started from the extracted context copies its baggage. These bound one extract to
// 64 x 8 KiB = 512 KiB at worst; real baggage is a handful of short items. Items beyond them are
// ignored, not treated as a malformed context, so the trace itself still continues.
inline constexpr std::size_t kMaxBaggageItems = 64;
// Key plus value, in bytes, after URL-decoding. Also bounds a jaeger-debug-id.
inline constexpr std::size_t kMaxBaggageItemBytes = 8 * 1024;

struct ExtractResult {
  std::unique_ptr<SpanContext> context;  // null: no context found, or malformed
  bool malformed = false;                // a header of this format was present but invalid
};

// One text header format. Never throws: a failing carrier or allocation ends the call quietly.
class TextMapPropagator {
 public:
  virtual ~TextMapPropagator() = default;
  // httpHeaders: true for HTTPHeadersWriter/Reader (baggage values URL-encoded), false for
  // TextMap. Stops at the first writer.Set that fails.
  virtual void inject(const SpanContext& context, const opentracing::TextMapWriter& writer,
                      bool httpHeaders) const = 0;
  virtual ExtractResult extract(const opentracing::TextMapReader& reader,
                                bool httpHeaders) const = 0;
};

// Adds key = value to extracted baggage within the limits above; a key already present takes the
// new value (the last header wins, as in Jaeger's Go client). Ignores an empty key. Returns false
// when the item was ignored.
bool addBaggageItem(SpanContext::Baggage& baggage, std::string key, std::string value);

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PROPAGATION_PROPAGATOR_H
