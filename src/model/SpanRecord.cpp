#include "model/SpanRecord.h"

#include <algorithm>
#include <limits>
#include <string>

#include "concurrency/BlockPool.h"
#include "model/TagValueConversion.h"

namespace jaegertracing {
namespace detail {
namespace {

using RecordPool = BlockPool<SpanRecord::kBlockSize>;

// A chunk holds several spans' worth of entries, so that a span over the block's size
// allocates rarely.
constexpr size_t kMinChunkBytes = 1024;

uint64_t bitsOf(double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

}  // namespace

static_assert(sizeof(SpanRecord) == SpanRecord::kBlockSize, "a record is one pool block");

void* SpanRecord::operator new(size_t size) {
  if (size != kBlockSize) return ::operator new(size);
  return RecordPool::allocate();
}

void SpanRecord::operator delete(void* memory) noexcept { RecordPool::release(memory); }

SpanRecord::~SpanRecord() {
  while (firstChunk_ != nullptr) {
    Chunk* next = firstChunk_->next;
    ::operator delete(firstChunk_);
    firstChunk_ = next;
  }
}

unsigned char* SpanRecord::reserveInChunk(size_t bytes) {
  if (lastChunk_ != nullptr && lastChunk_->used + bytes <= lastChunk_->capacity) {
    unsigned char* at = lastChunk_->bytes() + lastChunk_->used;
    lastChunk_->used += static_cast<uint32_t>(bytes);
    return at;
  }
  if (bytes > std::numeric_limits<uint32_t>::max() - sizeof(Chunk)) throw std::bad_alloc();
  const size_t capacity = std::max(kMinChunkBytes, bytes);
  auto* chunk = static_cast<Chunk*>(::operator new(sizeof(Chunk) + capacity));
  chunk->next = nullptr;
  chunk->capacity = static_cast<uint32_t>(capacity);
  chunk->used = static_cast<uint32_t>(bytes);
  if (lastChunk_ == nullptr) {
    firstChunk_ = chunk;
  } else {
    lastChunk_->next = chunk;
  }
  lastChunk_ = chunk;
  return chunk->bytes();
}

SpanRecord::Mark SpanRecord::mark() const {
  return Mark{lastChunk_, lastChunk_ != nullptr ? lastChunk_->used : inlineUsed_, logCount_};
}

void SpanRecord::rollback(const Mark& mark) noexcept {
  Chunk* keep = mark.chunk;
  Chunk* drop = keep != nullptr ? keep->next : firstChunk_;
  while (drop != nullptr) {
    Chunk* next = drop->next;
    ::operator delete(drop);
    drop = next;
  }
  if (keep != nullptr) {
    keep->next = nullptr;
    keep->used = mark.used;
  } else {
    firstChunk_ = nullptr;
    inlineUsed_ = mark.used;
  }
  lastChunk_ = keep;
  logCount_ = mark.logCount;
}

void SpanRecord::appendField(Kind kind, std::string_view key, FieldView::Type type, uint64_t bits,
                             std::string_view text) {
  if (key.size() > std::numeric_limits<uint32_t>::max()) {
    key = key.substr(0, std::numeric_limits<uint32_t>::max());
  }
  unsigned char* at = reserve(sizeof(EntryHeader) + 8 + align(key.size() + text.size()));
  const EntryHeader header{kind, type, false, 0, static_cast<uint32_t>(key.size())};
  std::memcpy(at, &header, sizeof header);
  at += sizeof header;
  if (type == FieldView::Type::kString) bits = text.size();
  std::memcpy(at, &bits, sizeof bits);
  at += sizeof bits;
  std::memcpy(at, key.data(), key.size());
  if (!text.empty()) std::memcpy(at + key.size(), text.data(), text.size());
}

// The four shapes Jaeger's Thrift model has, without a copy for the common kinds; lists and
// dictionaries become JSON text, a uint64 above the int64 range its decimal text.
void SpanRecord::appendValue(Kind kind, std::string_view key, const opentracing::Value& value) {
  using Type = FieldView::Type;
  // The kinds spans carry most, tested directly: the variant's visitor walks ten types.
  if (value.is<const char*>()) {
    const char* text = value.get<const char*>();
    appendField(kind, key, Type::kString, 0, text == nullptr ? "null" : text);
    return;
  }
  if (value.is<int64_t>()) {
    appendField(kind, key, Type::kLong, static_cast<uint64_t>(value.get<int64_t>()), {});
    return;
  }
  if (value.is<std::string>()) {
    appendField(kind, key, Type::kString, 0, value.get<std::string>());
    return;
  }
  if (value.is<opentracing::string_view>()) {
    const opentracing::string_view text = value.get<opentracing::string_view>();
    appendField(kind, key, Type::kString, 0, std::string_view(text.data(), text.size()));
    return;
  }
  if (value.is<bool>()) {
    appendField(kind, key, Type::kBool, value.get<bool>() ? 1 : 0, {});
    return;
  }
  if (value.is<double>()) {
    appendField(kind, key, Type::kDouble, bitsOf(value.get<double>()), {});
    return;
  }
  struct Visitor {
    SpanRecord& record;
    Kind kind;
    std::string_view key;

    void operator()(bool v) const { record.appendField(kind, key, Type::kBool, v ? 1 : 0, {}); }
    void operator()(double v) const { record.appendField(kind, key, Type::kDouble, bitsOf(v), {}); }
    void operator()(int64_t v) const {
      record.appendField(kind, key, Type::kLong, static_cast<uint64_t>(v), {});
    }
    void operator()(uint64_t v) const {
      if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        record.appendField(kind, key, Type::kLong, v, {});
      } else {
        record.appendField(kind, key, Type::kString, 0, std::to_string(v));
      }
    }
    void operator()(const std::string& v) const {
      record.appendField(kind, key, Type::kString, 0, v);
    }
    void operator()(opentracing::string_view v) const {
      record.appendField(kind, key, Type::kString, 0, std::string_view(v.data(), v.size()));
    }
    void operator()(const char* v) const {
      record.appendField(kind, key, Type::kString, 0, v == nullptr ? "null" : v);
    }
    void operator()(std::nullptr_t) const {
      record.appendField(kind, key, Type::kString, 0, "null");
    }
    void operator()(const opentracing::Values&) const { complex(); }
    void operator()(const opentracing::Dictionary&) const { complex(); }

    const opentracing::Value* value;
    void complex() const { record.appendValue(kind, key, toTagValue(*value)); }
  };
  opentracing::util::apply_visitor(Visitor{*this, kind, key, &value}, value);
}

void SpanRecord::appendValue(Kind kind, std::string_view key, const TagValue& value) {
  using Type = FieldView::Type;
  if (const auto* text = std::get_if<std::string>(&value)) {
    appendField(kind, key, Type::kString, 0, *text);
  } else if (const auto* number = std::get_if<double>(&value)) {
    appendField(kind, key, Type::kDouble, bitsOf(*number), {});
  } else if (const auto* flag = std::get_if<bool>(&value)) {
    appendField(kind, key, Type::kBool, *flag ? 1 : 0, {});
  } else {
    appendField(kind, key, Type::kLong, static_cast<uint64_t>(std::get<int64_t>(value)), {});
  }
}

void SpanRecord::setOperationName(std::string_view name) {
  if (name.size() > std::numeric_limits<uint32_t>::max()) {
    name = name.substr(0, std::numeric_limits<uint32_t>::max());
  }
  unsigned char* at = reserve(sizeof(EntryHeader) + align(name.size()));
  const EntryHeader header{Kind::kName, FieldView::Type::kString, false, 0,
                           static_cast<uint32_t>(name.size())};
  std::memcpy(at, &header, sizeof header);
  std::memcpy(at + sizeof header, name.data(), name.size());
  name_ = reinterpret_cast<const char*>(at + sizeof header);
  nameLength_ = static_cast<uint32_t>(name.size());
}

void SpanRecord::setTraceState(std::string_view traceState) {
  if (traceState.size() > std::numeric_limits<uint32_t>::max()) return;
  unsigned char* at = reserve(sizeof(EntryHeader) + align(traceState.size()));
  const EntryHeader header{Kind::kTraceState, FieldView::Type::kString, false, 0,
                           static_cast<uint32_t>(traceState.size())};
  std::memcpy(at, &header, sizeof header);
  std::memcpy(at + sizeof header, traceState.data(), traceState.size());
  traceState_ = reinterpret_cast<const char*>(at + sizeof header);
  traceStateLength_ = static_cast<uint32_t>(traceState.size());
}

void SpanRecord::addTag(std::string_view key, const opentracing::Value& value) {
  appendValue(Kind::kTag, key, value);
  ++tagCount_;
}

void SpanRecord::addTag(std::string_view key, const TagValue& value) {
  appendValue(Kind::kTag, key, value);
  ++tagCount_;
}

void SpanRecord::beginLog(int64_t timestampMicros, uint32_t fieldCount) {
  unsigned char* at = reserve(sizeof(EntryHeader) + 8);
  const EntryHeader header{Kind::kLog, FieldView::Type::kLong, false, 0, fieldCount};
  std::memcpy(at, &header, sizeof header);
  std::memcpy(at + sizeof header, &timestampMicros, sizeof timestampMicros);
  ++logCount_;
}

void SpanRecord::addReference(bool followsFrom, const TraceID& traceID, uint64_t spanID) {
  unsigned char* at = reserve(sizeof(EntryHeader) + 24);
  const EntryHeader header{Kind::kReference, FieldView::Type::kLong, followsFrom, 0, 0};
  std::memcpy(at, &header, sizeof header);
  const uint64_t ids[3] = {traceID.high(), traceID.low(), spanID};
  std::memcpy(at + sizeof header, ids, sizeof ids);
  ++referenceCount_;
}

}  // namespace detail
}  // namespace jaegertracing
