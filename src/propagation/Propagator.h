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
#include <string_view>

#include "text/Ascii.h"

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

// The frame of every header format's extract, so that each format only reads its own headers.
// Walks the carrier and hands each header to extraction.onHeader(key, value), which keeps what is
// its format's and returns false for a malformed header: the walk stops there and the result is
// malformed. Once the carrier is read, extraction.result() makes the context. A carrier that fails
// gives no context, since what it gave so far may be part of one. Never throws: a failing
// carrier or allocation ends the call quietly, with no context.
template <typename Extraction>
ExtractResult extractHeaders(const opentracing::TextMapReader& reader,
                             Extraction& extraction) noexcept {
  try {
    bool malformed = false;
    // Two pointers: std::function keeps them inline, without allocating.
    const auto read = reader.ForeachKey(
        [&extraction, &malformed](opentracing::string_view key,
                                  opentracing::string_view value) -> opentracing::expected<void> {
          if (extraction.onHeader(text::toStringView(key), text::toStringView(value))) return {};
          malformed = true;
          return opentracing::make_unexpected(opentracing::span_context_corrupted_error);
        });
    if (malformed) return {nullptr, true};
    if (!read) return {};
    return extraction.result();
  } catch (...) {
    // Out of memory, or the reader threw: no context rather than an exception into the
    // application's request handler.
    return {};
  }
}

// Adds key = value to extracted baggage within the limits above; a key already present takes the
// new value (the last header wins, as in Jaeger's Go client). Ignores an empty key. Returns false
// when the item was ignored.
bool addBaggageItem(SpanContext::Baggage& baggage, std::string key, std::string value);

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PROPAGATION_PROPAGATOR_H
