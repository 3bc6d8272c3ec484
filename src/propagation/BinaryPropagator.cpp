#include "propagation/BinaryPropagator.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

namespace jaegertracing {
namespace propagation {
namespace {

// Four ids of 8 bytes, the flags byte, the baggage count.
constexpr std::size_t kFixedBytes = 4 * 8 + 1 + 4;

void appendBigEndian(std::string& out, uint64_t value, int bytes) {
  for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

uint64_t readBigEndian(const char* data, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) {
    value = (value << 8) | static_cast<unsigned char>(data[i]);
  }
  return value;
}

bool readExactly(std::istream& in, char* data, std::size_t size) {
  in.read(data, static_cast<std::streamsize>(size));
  return static_cast<std::size_t>(in.gcount()) == size;
}

// A length field, checked before anything is allocated for it.
bool readString(std::istream& in, std::string& out) {
  char length[4];
  if (!readExactly(in, length, sizeof length)) return false;
  const uint64_t size = readBigEndian(length, 4);
  if (size > kMaxBaggageItemBytes) return false;
  out.resize(static_cast<std::size_t>(size));
  return readExactly(in, out.data(), out.size());
}

ExtractResult malformed() { return {nullptr, true}; }

}  // namespace

void BinaryPropagator::inject(const SpanContext& context, std::ostream& out) {
  try {
    const SpanContext::Baggage baggage = context.baggage();
    // Built in memory and written once: one virtual call into the stream, not one per field.
    std::string buffer;
    buffer.reserve(kFixedBytes);
    appendBigEndian(buffer, context.traceID().high(), 8);
    appendBigEndian(buffer, context.traceID().low(), 8);
    appendBigEndian(buffer, context.spanID(), 8);
    appendBigEndian(buffer, context.parentID(), 8);
    buffer.push_back(static_cast<char>(context.flags()));
    const std::size_t countOffset = buffer.size();
    appendBigEndian(buffer, 0, 4);
    uint32_t count = 0;
    for (const auto& item : baggage) {
      if (count == kMaxBaggageItems) break;
      if (item.first.empty() || item.first.size() + item.second.size() > kMaxBaggageItemBytes) {
        continue;
      }
      appendBigEndian(buffer, item.first.size(), 4);
      buffer.append(item.first);
      appendBigEndian(buffer, item.second.size(), 4);
      buffer.append(item.second);
      ++count;
    }
    for (int i = 0; i < 4; ++i) {
      buffer[countOffset + i] = static_cast<char>((count >> ((3 - i) * 8)) & 0xff);
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  } catch (...) {
    // Out of memory, or a stream with exceptions enabled: report through the stream's state.
    try {
      out.setstate(std::ios_base::badbit);
    } catch (...) {
    }
  }
}

ExtractResult BinaryPropagator::extract(std::istream& in) {
  try {
    char fixed[kFixedBytes];
    in.read(fixed, sizeof fixed);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) return {};
    if (got != sizeof fixed) return malformed();

    const TraceID traceID(readBigEndian(fixed, 8), readBigEndian(fixed + 8, 8));
    const uint64_t spanID = readBigEndian(fixed + 16, 8);
    const uint64_t parentID = readBigEndian(fixed + 24, 8);
    const auto flags = static_cast<unsigned char>(fixed[32]);
    const uint64_t count = readBigEndian(fixed + 33, 4);
    if (!traceID.isValid() || spanID == 0 || count > kMaxBaggageItems) return malformed();

    SpanContext::Baggage baggage;
    baggage.reserve(static_cast<std::size_t>(count));
    for (uint64_t i = 0; i < count; ++i) {
      std::string key;
      std::string value;
      if (!readString(in, key) || !readString(in, value)) return malformed();
      // Within the stream's bounds but over the item limit (key + value): ignored, as in the
      // text formats.
      addBaggageItem(baggage, std::move(key), std::move(value));
    }
    ExtractResult result;
    result.context =
        std::make_unique<SpanContext>(traceID, spanID, parentID, flags, std::move(baggage));
    return result;
  } catch (...) {
    // Out of memory, or a stream with exceptions enabled: no context, never an exception.
    return {};
  }
}

}  // namespace propagation
}  // namespace jaegertracing
