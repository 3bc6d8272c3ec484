#include "propagation/B3Propagator.h"

#include <cstddef>
#include <cstdint>
#include <optional>

#include "model/SamplingDenied.h"
#include "text/Ascii.h"
#include "text/Hex.h"

namespace jaegertracing {
namespace propagation {
namespace {

constexpr const char* kTraceIDHeader = "x-b3-traceid";
constexpr const char* kSpanIDHeader = "x-b3-spanid";
constexpr const char* kParentSpanIDHeader = "x-b3-parentspanid";
constexpr const char* kSampledHeader = "x-b3-sampled";
constexpr const char* kFlagsHeader = "x-b3-flags";
constexpr const char* kSingleHeader = "b3";

// The longest single header: trace id, span id, sampling, parent span id.
constexpr std::size_t kMaxSingleHeaderChars = 32 + 1 + 16 + 1 + 1 + 1 + 16;

enum class Sampling { kDeferred, kAccept, kDeny };

// What either encoding says, before it is checked as a whole.
struct B3Fields {
  std::optional<TraceID> traceID;
  std::optional<uint64_t> spanID;
  std::optional<uint64_t> parentID;
  Sampling sampling = Sampling::kDeferred;
  bool debug = false;
};

// 16 or 32 hex digits, not all zero.
std::optional<TraceID> parseTraceID(std::string_view digits) {
  if (digits.size() != 16 && digits.size() != 32) return std::nullopt;
  uint64_t high = 0;
  if (digits.size() == 32) {
    const auto parsedHigh = parseHex64(digits.substr(0, 16));
    if (!parsedHigh) return std::nullopt;
    high = *parsedHigh;
    digits.remove_prefix(16);
  }
  const auto low = parseHex64(digits);
  if (!low) return std::nullopt;
  const TraceID traceID(high, *low);
  if (!traceID.isValid()) return std::nullopt;
  return traceID;
}

// Exactly 16 hex digits, not all zero.
std::optional<uint64_t> parseSpanID(std::string_view digits) {
  if (digits.size() != 16) return std::nullopt;
  const auto id = parseHex64(digits);
  if (!id || *id == 0) return std::nullopt;
  return id;
}

// The sampling field of the single header: 1, 0 or d.
bool parseSamplingState(char c, B3Fields& fields) {
  switch (c) {
    case '1':
      fields.sampling = Sampling::kAccept;
      return true;
    case '0':
      fields.sampling = Sampling::kDeny;
      return true;
    case 'd':
      fields.debug = true;
      return true;
    default:
      return false;
  }
}

// {trace id}-{span id}[-{sampling}[-{parent span id}]], or a sampling state alone.
std::optional<B3Fields> parseSingleHeader(std::string_view value) {
  value = text::trimSpaces(value);
  B3Fields fields;
  if (value.size() == 1) {
    if (!parseSamplingState(value[0], fields)) return std::nullopt;
    return fields;
  }
  std::size_t dash = value.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  fields.traceID = parseTraceID(value.substr(0, dash));
  if (!fields.traceID) return std::nullopt;
  value.remove_prefix(dash + 1);

  dash = value.find('-');
  fields.spanID = parseSpanID(value.substr(0, dash));
  if (!fields.spanID) return std::nullopt;
  if (dash == std::string_view::npos) return fields;
  value.remove_prefix(dash + 1);

  dash = value.find('-');
  const std::string_view sampling = value.substr(0, dash);
  if (sampling.size() != 1 || !parseSamplingState(sampling[0], fields)) return std::nullopt;
  if (dash == std::string_view::npos) return fields;
  value.remove_prefix(dash + 1);

  // A further '-' makes this longer than 16 digits, so it fails too.
  fields.parentID = parseSpanID(value);
  if (!fields.parentID) return std::nullopt;
  return fields;
}

// False for a value that B3 does not define.
bool parseSampled(std::string_view value, B3Fields& fields) {
  if (value == "1" || text::lowerEquals(value, "true")) {
    fields.sampling = Sampling::kAccept;
  } else if (value == "0" || text::lowerEquals(value, "false")) {
    fields.sampling = Sampling::kDeny;
  } else {
    return false;
  }
  return true;
}

ExtractResult toResult(const B3Fields& fields) {
  if (!fields.traceID && !fields.spanID && !fields.parentID) {
    // A decision without ids. Only a deny is kept: an accept (or debug) without a trace to
    // continue leaves the choice to the sampler, as a request without B3 headers would.
    if (fields.sampling == Sampling::kDeny && !fields.debug) {
      return {std::make_unique<detail::SamplingDeniedContext>(), false};
    }
    return {};
  }
  if (!fields.traceID || !fields.spanID) return {nullptr, true};
  unsigned char flags = 0;
  if (fields.debug) {
    flags = SpanContext::kSampledFlag | SpanContext::kDebugFlag;
  } else if (fields.sampling == Sampling::kAccept) {
    flags = SpanContext::kSampledFlag;
  }
  return {std::make_unique<SpanContext>(*fields.traceID, *fields.spanID,
                                        fields.parentID.value_or(0), flags),
          false};
}

// 16 digits for a 64-bit trace id, 32 for a 128-bit one; returns the end.
char* writeTraceID(char* out, const TraceID& traceID) {
  if (traceID.high() != 0) out = writeHex16(out, traceID.high());
  return writeHex16(out, traceID.low());
}

void injectMultipleHeaders(const SpanContext& context, const opentracing::TextMapWriter& writer) {
  if (!context.isValid()) {
    if (detail::isSamplingDenied(context)) writer.Set(kSampledHeader, "0");
    return;
  }
  char traceID[32];
  const char* traceIDEnd = writeTraceID(traceID, context.traceID());
  const std::size_t traceIDLength = static_cast<std::size_t>(traceIDEnd - traceID);
  if (!writer.Set(kTraceIDHeader, opentracing::string_view(traceID, traceIDLength))) return;
  // Reused for the parent span id.
  char spanID[16];
  writeHex16(spanID, context.spanID());
  if (!writer.Set(kSpanIDHeader, opentracing::string_view(spanID, 16))) return;
  if (context.parentID() != 0) {
    writeHex16(spanID, context.parentID());
    if (!writer.Set(kParentSpanIDHeader, opentracing::string_view(spanID, 16))) return;
  }
  // Debug implies sampled, and B3 asks not to send both.
  if (context.isDebug()) {
    writer.Set(kFlagsHeader, "1");
  } else {
    writer.Set(kSampledHeader, context.isSampled() ? "1" : "0");
  }
}

void injectSingleHeader(const SpanContext& context, const opentracing::TextMapWriter& writer) {
  if (!context.isValid()) {
    if (detail::isSamplingDenied(context)) writer.Set(kSingleHeader, "0");
    return;
  }
  char header[kMaxSingleHeaderChars];
  char* end = writeTraceID(header, context.traceID());
  *end++ = '-';
  end = writeHex16(end, context.spanID());
  *end++ = '-';
  *end++ = context.isDebug() ? 'd' : context.isSampled() ? '1' : '0';
  if (context.parentID() != 0) {
    *end++ = '-';
    end = writeHex16(end, context.parentID());
  }
  writer.Set(kSingleHeader,
             opentracing::string_view(header, static_cast<std::size_t>(end - header)));
}

// What extract keeps of a request's B3 headers, for extractHeaders.
class B3Extraction {
 public:
  // False for a malformed single b3 header: extract stops there. A malformed multiple-header
  // value is remembered instead, since a valid b3 header would still win.
  bool onHeader(std::string_view key, std::string_view value);
  ExtractResult result() const;

 private:
  B3Fields multiple_;
  bool multipleMalformed_ = false;
  std::optional<B3Fields> single_;
};

bool B3Extraction::onHeader(std::string_view key, std::string_view value) {
  // Every header of ours is "b3" or starts with "x-b3-": one check turns most others away.
  if (key.size() == 2) {
    if (!text::lowerEquals(key, kSingleHeader)) return true;
    // When a carrier repeats the header (different cases in a TextMap), the last one wins.
    single_ = parseSingleHeader(value);
    return single_.has_value();
  }
  if (!text::lowerStartsWith(key, "x-b3-")) return true;

  value = text::trimSpaces(value);
  B3Fields& fields = multiple_;
  bool valid = true;
  if (text::lowerEquals(key, kTraceIDHeader)) {
    fields.traceID = parseTraceID(value);
    valid = fields.traceID.has_value();
  } else if (text::lowerEquals(key, kSpanIDHeader)) {
    fields.spanID = parseSpanID(value);
    valid = fields.spanID.has_value();
  } else if (text::lowerEquals(key, kParentSpanIDHeader)) {
    fields.parentID = parseSpanID(value);
    valid = fields.parentID.has_value();
  } else if (text::lowerEquals(key, kSampledHeader)) {
    valid = parseSampled(value, fields);
  } else if (text::lowerEquals(key, kFlagsHeader)) {
    // B3: "absent or any other value can be ignored".
    if (value == "1") fields.debug = true;
  }
  if (!valid) multipleMalformed_ = true;
  return true;
}

ExtractResult B3Extraction::result() const {
  if (single_) return toResult(*single_);
  if (multipleMalformed_) return {nullptr, true};
  return toResult(multiple_);
}

}  // namespace

void B3Propagator::inject(const SpanContext& context, const opentracing::TextMapWriter& writer,
                          bool) const {
  try {
    if (injectEncoding_ == Encoding::kSingleHeader) {
      injectSingleHeader(context, writer);
    } else {
      injectMultipleHeaders(context, writer);
    }
  } catch (...) {
    // Inject has no error to report: the carrier keeps what was set so far.
  }
}

ExtractResult B3Propagator::extract(const opentracing::TextMapReader& reader, bool) const {
  B3Extraction extraction;
  return extractHeaders(reader, extraction);
}

}  // namespace propagation
}  // namespace jaegertracing
