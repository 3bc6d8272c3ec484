#include "propagation/JaegerPropagator.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "text/Ascii.h"
#include "text/Hex.h"
#include "text/UrlEncoding.h"

namespace jaegertracing {
namespace propagation {
namespace {

// The longest uber-trace-id: a 32-digit trace id, two 16-digit span ids, 2 flag digits.
constexpr std::size_t kMaxTraceContextChars = 32 + 1 + 16 + 1 + 16 + 1 + 2;
// A URL-encoded byte takes at most 3 characters: a longer value cannot decode into a limit.
constexpr std::size_t kMaxEncodedExpansion = 3;

struct TraceContext {
  TraceID traceID;
  uint64_t spanID;
  uint64_t parentID;
  unsigned char flags;
};

// Writes the uber-trace-id value into `out` (kMaxTraceContextChars at least); returns its length.
std::size_t writeTraceContext(char* out, const SpanContext& context) {
  char* end = out;
  if (context.traceID().high() != 0) end = writeHex16(end, context.traceID().high());
  end = writeHex16(end, context.traceID().low());
  *end++ = ':';
  end = writeHex16(end, context.spanID());
  *end++ = ':';
  end = writeHex16(end, context.parentID());
  *end++ = ':';
  const unsigned char flags = context.flags();
  if (flags >= 0x10) *end++ = kLowerHexDigits[flags >> 4];
  *end++ = kLowerHexDigits[flags & 0xf];
  return static_cast<std::size_t>(end - out);
}

// Exactly four fields; other clients drop leading zeros, so any count of digits up to the
// field's width is accepted.
std::optional<TraceContext> parseTraceContext(std::string_view value) {
  const std::size_t first = value.find(':');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = value.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::size_t third = value.find(':', second + 1);
  if (third == std::string_view::npos || value.find(':', third + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view traceHex = value.substr(0, first);
  const std::string_view flagsHex = value.substr(third + 1);
  if (traceHex.size() > 32 || flagsHex.size() > 2) return std::nullopt;

  uint64_t high = 0;
  if (traceHex.size() > 16) {
    const auto parsedHigh = parseHex64(traceHex.substr(0, traceHex.size() - 16));
    if (!parsedHigh) return std::nullopt;
    high = *parsedHigh;
    traceHex.remove_prefix(traceHex.size() - 16);
  }
  const auto low = parseHex64(traceHex);
  const auto spanID = parseHex64(value.substr(first + 1, second - first - 1));
  const auto parentID = parseHex64(value.substr(second + 1, third - second - 1));
  const auto flags = parseHex64(flagsHex);
  if (!low || !spanID || !parentID || !flags) return std::nullopt;

  const TraceID traceID(high, *low);
  if (!traceID.isValid() || *spanID == 0) return std::nullopt;
  return TraceContext{traceID, *spanID, *parentID, static_cast<unsigned char>(*flags)};
}

std::optional<TraceContext> parseTraceContextHeader(std::string_view value) {
  if (value.find('%') == std::string_view::npos) return parseTraceContext(value);
  // Jaeger's Go client URL-decodes this header too, so a peer or proxy may send %3A for ':'.
  if (value.size() > kMaxEncodedExpansion * kMaxTraceContextChars) return std::nullopt;
  const auto decoded = text::urlDecode(value);
  if (!decoded) return std::nullopt;
  return parseTraceContext(*decoded);
}

// The largest raw key + value that can still fit kMaxBaggageItemBytes once decoded: checked
// before copying, so that a huge header costs no allocation.
std::size_t maxRawItemBytes(bool httpHeaders) {
  return httpHeaders ? kMaxEncodedExpansion * kMaxBaggageItemBytes : kMaxBaggageItemBytes;
}

// A value that fails to URL-decode is kept as sent, as Jaeger's Go client does: it may come
// from a client that does not encode ("100%").
std::string decodeValue(std::string_view value, bool httpHeaders) {
  std::string out;
  if (httpHeaders && text::appendUrlDecoded(out, value)) return out;
  out.assign(value.data(), value.size());
  return out;
}

}  // namespace

// What extract keeps of a request's Jaeger headers, for extractHeaders. Nested, to read the
// propagator's lower-case header names.
class JaegerPropagator::Extraction {
 public:
  Extraction(const JaegerPropagator& propagator, bool httpHeaders)
      : propagator_(propagator), httpHeaders_(httpHeaders) {}

  // False for a malformed uber-trace-id: extract stops there.
  bool onHeader(std::string_view key, std::string_view value);
  ExtractResult result();

 private:
  void onBaggageHeader(std::string_view value);

  const JaegerPropagator& propagator_;
  const bool httpHeaders_;
  std::optional<TraceContext> trace_;
  std::string debugID_;
  SpanContext::Baggage baggage_;
};

JaegerPropagator::JaegerPropagator(const HeadersConfig& headers)
    : traceContextHeader_(headers.traceContextHeaderName()),
      baggagePrefix_(headers.traceBaggageHeaderPrefix()),
      traceContextHeaderLower_(text::asciiLowerCopy(headers.traceContextHeaderName())),
      baggagePrefixLower_(text::asciiLowerCopy(headers.traceBaggageHeaderPrefix())),
      debugHeaderLower_(text::asciiLowerCopy(headers.jaegerDebugHeader())),
      baggageHeaderLower_(text::asciiLowerCopy(headers.jaegerBaggageHeader())) {}

void JaegerPropagator::inject(const SpanContext& context, const opentracing::TextMapWriter& writer,
                              bool httpHeaders) const {
  try {
    // On the stack: at most 69 characters, too many for std::string's inline buffer.
    if (context.isValid()) {
      char traceContext[kMaxTraceContextChars];
      const std::size_t length = writeTraceContext(traceContext, context);
      if (!writer.Set(traceContextHeader_, opentracing::string_view(traceContext, length))) return;
    }
    // A copy: the writer is the application's code, never to be called under the context's lock.
    const SpanContext::Baggage baggage = context.baggage();
    if (baggage.empty()) return;
    // Reused across items: they grow to the longest instead of allocating for each.
    std::string key = baggagePrefix_;
    std::string value;
    for (const auto& item : baggage) {
      key.resize(baggagePrefix_.size());
      key.append(item.first);
      if (httpHeaders) {
        value.clear();
        text::appendUrlEncoded(value, item.second);
        if (!writer.Set(key, value)) return;
      } else if (!writer.Set(key, item.second)) {
        return;
      }
    }
  } catch (...) {
    // Inject has no error to report: the carrier keeps what was set so far.
  }
}

ExtractResult JaegerPropagator::extract(const opentracing::TextMapReader& reader,
                                        bool httpHeaders) const {
  Extraction extraction(*this, httpHeaders);
  return extractHeaders(reader, extraction);
}

bool JaegerPropagator::Extraction::onHeader(std::string_view key, std::string_view value) {
  // Most headers of a request are not ours: the length check in lowerEquals rejects them
  // before any character is compared.
  if (text::lowerEquals(key, propagator_.traceContextHeaderLower_)) {
    // When a carrier repeats the header (different cases in a TextMap), the last one wins.
    trace_ = parseTraceContextHeader(value);
    if (!trace_) return false;
  } else if (text::lowerEquals(key, propagator_.debugHeaderLower_)) {
    if (value.size() > maxRawItemBytes(httpHeaders_)) return true;
    std::string debugID = decodeValue(value, httpHeaders_);
    if (debugID.size() <= kMaxBaggageItemBytes) debugID_ = std::move(debugID);
  } else if (text::lowerEquals(key, propagator_.baggageHeaderLower_)) {
    onBaggageHeader(value);
  } else if (key.size() > propagator_.baggagePrefixLower_.size() &&
             text::lowerStartsWith(key, propagator_.baggagePrefixLower_)) {
    const std::string_view baggageKey = key.substr(propagator_.baggagePrefixLower_.size());
    if (baggageKey.size() + value.size() > maxRawItemBytes(httpHeaders_)) return true;
    addBaggageItem(baggage_, text::asciiLowerCopy(baggageKey), decodeValue(value, httpHeaders_));
  }
  return true;
}

ExtractResult JaegerPropagator::Extraction::result() {
  if (!trace_ && debugID_.empty() && baggage_.empty()) return {};
  ExtractResult result;
  if (trace_) {
    result.context =
        std::make_unique<SpanContext>(trace_->traceID, trace_->spanID, trace_->parentID,
                                      trace_->flags, std::move(baggage_), std::move(debugID_));
  } else {
    // Only a debug id and/or baggage: the tracer starts a new trace that carries them.
    result.context =
        std::make_unique<SpanContext>(TraceID(), 0, 0, 0, std::move(baggage_), std::move(debugID_));
  }
  return result;
}

// "k1=v1, k2=v2": the way to send baggage by hand (curl -H). Items without '=' or with an
// empty key are skipped; a value may contain '=' (base64), since only the first one splits.
void JaegerPropagator::Extraction::onBaggageHeader(std::string_view value) {
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    const std::string_view item = value.substr(0, comma);
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);

    const std::size_t equals = item.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view key = text::trimSpaces(item.substr(0, equals));
    const std::string_view itemValue = text::trimSpaces(item.substr(equals + 1));
    if (key.empty() || key.size() + itemValue.size() > maxRawItemBytes(httpHeaders_)) {
      continue;
    }
    addBaggageItem(baggage_, decodeValue(key, httpHeaders_), decodeValue(itemValue, httpHeaders_));
  }
}

}  // namespace propagation
}  // namespace jaegertracing
