#include "propagation/W3CPropagator.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "text/Ascii.h"
#include "text/Hex.h"
#include "text/UrlEncoding.h"

namespace jaegertracing {
namespace propagation {
namespace {

constexpr const char* kTraceParentHeader = "traceparent";
constexpr const char* kTraceStateHeader = "tracestate";
constexpr const char* kBaggageHeader = "baggage";

// "00-" 32 "-" 16 "-" 2: the whole of a version 00 traceparent, and the least of any version.
constexpr std::size_t kTraceParentChars = 55;
// A percent-encoded byte takes 3 characters: a longer item cannot decode into the limit.
constexpr std::size_t kMaxEncodedExpansion = 3;

struct TraceParent {
  TraceID traceID;
  uint64_t parentID;
  bool sampled;
};

// https://www.w3.org/TR/trace-context/#traceparent-header, with the rules for versions this
// code does not know: they may only add fields, after a '-' that follows the flags.
std::optional<TraceParent> parseTraceParent(std::string_view value) {
  // The OWS around a header value is not part of it; the W3C test suite sends some.
  value = text::trimSpaces(value);
  if (value.size() < kTraceParentChars) return std::nullopt;
  // Each field at its fixed place and width, in lower-case digits: the W3C forbids upper case.
  const auto version = parseHex64<HexCase::kLowerOnly>(value.substr(0, 2));
  if (!version || *version == 0xff) return std::nullopt;
  if (*version == 0 && value.size() != kTraceParentChars) return std::nullopt;
  if (value[2] != '-' || value[35] != '-' || value[52] != '-') return std::nullopt;
  if (value.size() > kTraceParentChars && value[kTraceParentChars] != '-') return std::nullopt;

  const auto high = parseHex64<HexCase::kLowerOnly>(value.substr(3, 16));
  const auto low = parseHex64<HexCase::kLowerOnly>(value.substr(19, 16));
  const auto parentID = parseHex64<HexCase::kLowerOnly>(value.substr(36, 16));
  const auto flags = parseHex64<HexCase::kLowerOnly>(value.substr(53, 2));
  if (!high || !low || !parentID || !flags) return std::nullopt;
  const TraceID traceID(*high, *low);
  if (!traceID.isValid() || *parentID == 0) return std::nullopt;
  // Only 0x01 (sampled) is Jaeger's too; the W3C's other bits must not become Jaeger flags
  // (0x02, "random" in Trace Context level 2, would read as debug).
  return TraceParent{traceID, *parentID, (*flags & 0x01) != 0};
}

// The trace id always in 32 digits (a 64-bit id padded with zeros), as the W3C requires.
void writeTraceParent(char* out, const SpanContext& context) {
  out[0] = '0';
  out[1] = '0';
  out[2] = '-';
  char* end = writeHex16(out + 3, context.traceID().high());
  end = writeHex16(end, context.traceID().low());
  *end++ = '-';
  end = writeHex16(end, context.spanID());
  *end++ = '-';
  *end++ = '0';
  *end = context.isSampled() ? '1' : '0';
}

// RFC 7230's tchar: what a W3C baggage key may hold.
bool isTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

bool isToken(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!isTokenChar(c)) return false;
  }
  return true;
}

// The W3C's baggage-octet: printable ASCII without space, '"', ',', ';' and '\'.
bool isBaggageOctet(unsigned char c) {
  return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
}

// Every byte that is not a baggage-octet, and '%' itself, as %XX.
void appendBaggageEncoded(std::string& out, std::string_view value) {
  text::appendPercentEncoded(out, value,
                             [](unsigned char c) { return isBaggageOctet(c) && c != '%'; });
}

// Unlike URL decoding, '+' stays '+': it is a baggage-octet of its own. False for a byte that
// is not a baggage-octet or a '%' without two hex digits. The decoded bytes are kept as they
// are, not checked as UTF-8: Jaeger's baggage is bytes, and inject encodes them all.
bool appendBaggageDecoded(std::string& out, std::string_view value) {
  for (const char c : value) {
    if (!isBaggageOctet(static_cast<unsigned char>(c))) return false;
  }
  return text::appendPercentDecoded(out, value, text::PlusSign::kLiteral, text::BadEscape::kFail);
}

// A tracestate goes back out in the headers of every request of the trace: nothing but
// printable ASCII (the W3C's own alphabet for it), so no control byte is ever passed on.
bool isPrintableAscii(std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 || c > 0x7e) && c != '\t') return false;
  }
  return true;
}

// What extract keeps of a request's W3C headers, for extractHeaders.
class W3CExtraction {
 public:
  // False for a malformed or repeated traceparent: extract stops there.
  bool onHeader(std::string_view key, std::string_view value);
  ExtractResult result();

 private:
  void onTraceState(std::string_view value);
  void onBaggage(std::string_view value);

  std::optional<TraceParent> traceParent_;
  // Several tracestate headers make one list, joined with ','.
  std::string traceState_;
  bool traceStateDropped_ = false;
  SpanContext::Baggage baggage_;
};

bool W3CExtraction::onHeader(std::string_view key, std::string_view value) {
  // The length check in lowerEquals turns most of a request's headers away at once.
  if (text::lowerEquals(key, kTraceParentHeader)) {
    // Two traceparents leave the parent in doubt, even when they agree.
    if (traceParent_) return false;
    traceParent_ = parseTraceParent(value);
    if (!traceParent_) return false;
  } else if (text::lowerEquals(key, kTraceStateHeader)) {
    onTraceState(value);
  } else if (text::lowerEquals(key, kBaggageHeader)) {
    onBaggage(value);
  }
  return true;
}

ExtractResult W3CExtraction::result() {
  if (!traceParent_) return {};
  ExtractResult result;
  result.context = std::make_unique<SpanContext>(
      traceParent_->traceID, traceParent_->parentID, 0,
      traceParent_->sampled ? SpanContext::kSampledFlag : 0, std::move(baggage_), std::string(),
      traceStateDropped_ ? std::string() : std::move(traceState_));
  return result;
}

void W3CExtraction::onTraceState(std::string_view value) {
  if (traceStateDropped_) return;
  value = text::trimSpaces(value);
  if (value.empty()) return;
  const std::size_t separator = traceState_.empty() ? 0 : 1;
  if (traceState_.size() + separator + value.size() > W3CPropagator::kMaxTraceStateChars ||
      !isPrintableAscii(value)) {
    traceStateDropped_ = true;
    traceState_ = std::string();
    return;
  }
  if (separator != 0) traceState_.push_back(',');
  traceState_.append(value.data(), value.size());
}

// "k1=v1;property, k2 = v2": list members with OWS around them and around '='.
void W3CExtraction::onBaggage(std::string_view value) {
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    std::string_view member = value.substr(0, comma);
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);

    member = member.substr(0, member.find(';'));
    const std::size_t equals = member.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view key = text::trimSpaces(member.substr(0, equals));
    const std::string_view itemValue = text::trimSpaces(member.substr(equals + 1));
    // Checked before copying, so that a huge header costs no allocation.
    if (!isToken(key) ||
        key.size() + itemValue.size() > kMaxEncodedExpansion * kMaxBaggageItemBytes) {
      continue;
    }
    std::string decoded;
    if (!appendBaggageDecoded(decoded, itemValue)) continue;
    addBaggageItem(baggage_, std::string(key), std::move(decoded));
  }
}

}  // namespace

void W3CPropagator::inject(const SpanContext& context, const opentracing::TextMapWriter& writer,
                           bool) const {
  try {
    if (context.isValid()) {
      char traceParent[kTraceParentChars];
      writeTraceParent(traceParent, context);
      const opentracing::string_view traceParentValue(traceParent, kTraceParentChars);
      if (!writer.Set(kTraceParentHeader, traceParentValue)) return;
      const std::string& traceState = context.traceState();
      if (!traceState.empty() && !writer.Set(kTraceStateHeader, traceState)) return;
    }
    // A copy: the writer is the application's code, never to be called under the context's lock.
    const SpanContext::Baggage baggage = context.baggage();
    if (baggage.empty()) return;
    std::string header;
    for (const auto& item : baggage) {
      if (!isToken(item.first)) continue;
      if (!header.empty()) header.push_back(',');
      header.append(item.first);
      header.push_back('=');
      appendBaggageEncoded(header, item.second);
    }
    if (!header.empty()) writer.Set(kBaggageHeader, header);
  } catch (...) {
    // Inject has no error to report: the carrier keeps what was set so far.
  }
}

ExtractResult W3CPropagator::extract(const opentracing::TextMapReader& reader, bool) const {
  W3CExtraction extraction;
  return extractHeaders(reader, extraction);
}

}  // namespace propagation
}  // namespace jaegertracing
