#ifndef JAEGERTRACING_SRC_MODEL_SPANRECORD_H
#define JAEGERTRACING_SRC_MODEL_SPANRECORD_H

#include <jaegertracing/TraceID.h>
#include <opentracing/value.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "model/SpanData.h"

namespace jaegertracing {
namespace detail {

// One tag or log field as the encoder reads it; the views point into the record.
struct FieldView {
  enum class Type : uint8_t { kString, kDouble, kBool, kLong };
  std::string_view key;
  Type type = Type::kString;
  std::string_view stringValue;
  double doubleValue = 0;
  bool boolValue = false;
  int64_t longValue = 0;
};

// A sampled span's data in one fixed-size block from a pool (BlockPool): ids and times, then
// the operation name, tags, logs and references appended as entries into the block's own
// bytes, in the order they were recorded. A span that outgrows the block continues in heap
// chunks. It owns all its bytes and points to nothing outside itself, so the reporter's thread
// encodes it after the span, the tracer and the caller's buffers are gone; one span costs no
// allocation in the common case, and the block goes back to the pool once encoded.
class SpanRecord {
 public:
  // The block, ids and entries included: what a queued span holds in memory.
  static constexpr size_t kBlockSize = 448;

  SpanRecord() noexcept = default;
  ~SpanRecord();
  SpanRecord(const SpanRecord&) = delete;
  SpanRecord& operator=(const SpanRecord&) = delete;

  static void* operator new(size_t size);
  static void operator delete(void* memory) noexcept;

  TraceID traceID;
  uint64_t spanID = 0;
  uint64_t parentID = 0;
  int64_t startMicros = 0;     // wall clock, microseconds since the epoch
  int64_t durationMicros = 0;  // from the monotonic clock
  unsigned char flags = 0;

  // Every method that appends may throw std::bad_alloc when a heap chunk is needed.
  void setOperationName(std::string_view name);
  // The W3C tracestate the span's context carries (other vendors' entries), for OTLP.
  void setTraceState(std::string_view traceState);
  void addTag(std::string_view key, const opentracing::Value& value);
  void addTag(std::string_view key, const TagValue& value);
  // Fields: pairs of a key (anything with data() and size()) and an opentracing::Value or a
  // TagValue. All or nothing: a log is never recorded with part of its fields.
  template <typename Fields>
  void addLog(int64_t timestampMicros, const Fields& fields);
  void addReference(bool followsFrom, const TraceID& traceID, uint64_t spanID);

  std::string_view operationName() const { return {name_, nameLength_}; }
  std::string_view traceState() const { return {traceState_, traceStateLength_}; }
  uint32_t tagCount() const { return tagCount_; }
  uint32_t logCount() const { return logCount_; }
  uint32_t referenceCount() const { return referenceCount_; }

  // f(const FieldView&) for each tag, in the order they were added.
  template <typename F>
  void forEachTag(F&& f) const;
  // f(timestampMicros, fieldCount) for each log, then field(const FieldView&) for each of its
  // fields, in order.
  template <typename LogF, typename FieldF>
  void forEachLog(LogF&& log, FieldF&& field) const;
  // f(followsFrom, traceID, spanID) for each reference.
  template <typename F>
  void forEachReference(F&& f) const;

 private:
  enum class Kind : uint8_t { kName, kTag, kLog, kLogField, kReference, kTraceState };

  // Every entry starts with one, 8-byte aligned. keyLength is the key's length for tags and
  // fields, the field count for a log, the length of an operation name.
  struct EntryHeader {
    Kind kind;
    FieldView::Type type;
    bool followsFrom;
    uint8_t unused;
    uint32_t keyLength;
  };

  struct Chunk {
    Chunk* next;
    uint32_t capacity;
    uint32_t used;
    // The entries follow.
    unsigned char* bytes() { return reinterpret_cast<unsigned char*>(this + 1); }
    const unsigned char* bytes() const { return reinterpret_cast<const unsigned char*>(this + 1); }
  };

  static constexpr size_t align(size_t n) { return (n + 7) & ~size_t{7}; }

  // Where the entries end, to undo a log whose fields could not all be stored.
  struct Mark {
    Chunk* chunk;
    uint32_t used;
    uint32_t logCount;
  };
  Mark mark() const;
  void rollback(const Mark& mark) noexcept;
  void beginLog(int64_t timestampMicros, uint32_t fieldCount);

  unsigned char* reserve(size_t bytes) {
    if (firstChunk_ == nullptr && inlineUsed_ + bytes <= sizeof inline_) {
      unsigned char* at = inline_ + inlineUsed_;
      inlineUsed_ += static_cast<uint32_t>(bytes);
      return at;
    }
    return reserveInChunk(bytes);
  }
  unsigned char* reserveInChunk(size_t bytes);
  void appendField(Kind kind, std::string_view key, FieldView::Type type, uint64_t bits,
                   std::string_view text);
  void appendValue(Kind kind, std::string_view key, const opentracing::Value& value);
  void appendValue(Kind kind, std::string_view key, const TagValue& value);

  // f(header, payload) for every entry, in order.
  template <typename F>
  void forEachEntry(F&& f) const;
  static size_t payloadSize(const EntryHeader& header, const unsigned char* payload);
  static FieldView readField(const EntryHeader& header, const unsigned char* payload);

  const char* name_ = "";
  uint32_t nameLength_ = 0;
  uint32_t tagCount_ = 0;
  uint32_t logCount_ = 0;
  uint32_t referenceCount_ = 0;
  uint32_t inlineUsed_ = 0;
  const char* traceState_ = "";
  uint32_t traceStateLength_ = 0;
  Chunk* firstChunk_ = nullptr;
  Chunk* lastChunk_ = nullptr;
  // The rest of the block: room for entries.
  alignas(8) unsigned char inline_[kBlockSize - 120];
};

inline size_t SpanRecord::payloadSize(const EntryHeader& header, const unsigned char* payload) {
  switch (header.kind) {
    case Kind::kName:
    case Kind::kTraceState:
      return align(header.keyLength);
    case Kind::kTag:
    case Kind::kLogField: {
      uint64_t textLength = 0;
      if (header.type == FieldView::Type::kString) {
        std::memcpy(&textLength, payload, sizeof textLength);
      }
      return 8 + align(header.keyLength + textLength);
    }
    case Kind::kLog:
      return 8;
    case Kind::kReference:
      return 24;
  }
  return 0;
}

inline FieldView SpanRecord::readField(const EntryHeader& header, const unsigned char* payload) {
  uint64_t bits;
  std::memcpy(&bits, payload, sizeof bits);
  const char* key = reinterpret_cast<const char*>(payload + 8);
  FieldView field;
  field.key = std::string_view(key, header.keyLength);
  field.type = header.type;
  switch (header.type) {
    case FieldView::Type::kString:
      field.stringValue = std::string_view(key + header.keyLength, bits);
      break;
    case FieldView::Type::kDouble:
      std::memcpy(&field.doubleValue, &bits, sizeof bits);
      break;
    case FieldView::Type::kBool:
      field.boolValue = bits != 0;
      break;
    case FieldView::Type::kLong:
      field.longValue = static_cast<int64_t>(bits);
      break;
  }
  return field;
}

template <typename Fields>
void SpanRecord::addLog(int64_t timestampMicros, const Fields& fields) {
  const Mark before = mark();
  try {
    beginLog(timestampMicros, static_cast<uint32_t>(fields.size()));
    for (const auto& field : fields) {
      appendValue(Kind::kLogField, std::string_view(field.first.data(), field.first.size()),
                  field.second);
    }
  } catch (...) {
    rollback(before);
    throw;
  }
}

template <typename F>
void SpanRecord::forEachEntry(F&& f) const {
  auto walk = [&f](const unsigned char* bytes, size_t used) {
    size_t offset = 0;
    while (offset < used) {
      EntryHeader header;
      std::memcpy(&header, bytes + offset, sizeof header);
      const unsigned char* payload = bytes + offset + sizeof header;
      f(header, payload);
      offset += sizeof header + payloadSize(header, payload);
    }
  };
  walk(inline_, inlineUsed_);
  for (const Chunk* chunk = firstChunk_; chunk != nullptr; chunk = chunk->next) {
    walk(chunk->bytes(), chunk->used);
  }
}

template <typename F>
void SpanRecord::forEachTag(F&& f) const {
  if (tagCount_ == 0) return;
  forEachEntry([&f](const EntryHeader& header, const unsigned char* payload) {
    if (header.kind == Kind::kTag) f(readField(header, payload));
  });
}

template <typename LogF, typename FieldF>
void SpanRecord::forEachLog(LogF&& log, FieldF&& field) const {
  if (logCount_ == 0) return;
  forEachEntry([&log, &field](const EntryHeader& header, const unsigned char* payload) {
    if (header.kind == Kind::kLog) {
      int64_t timestampMicros;
      std::memcpy(&timestampMicros, payload, sizeof timestampMicros);
      log(timestampMicros, header.keyLength);
    } else if (header.kind == Kind::kLogField) {
      field(readField(header, payload));
    }
  });
}

template <typename F>
void SpanRecord::forEachReference(F&& f) const {
  if (referenceCount_ == 0) return;
  forEachEntry([&f](const EntryHeader& header, const unsigned char* payload) {
    if (header.kind != Kind::kReference) return;
    uint64_t ids[3];
    std::memcpy(ids, payload, sizeof ids);
    f(header.followsFrom, TraceID(ids[0], ids[1]), ids[2]);
  });
}

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_MODEL_SPANRECORD_H
