#include "samplers/ThreadTagCopies.h"

namespace jaegertracing {
namespace detail {
namespace {

// What a thread returned as tags lately. Four entries, by address, so that a few operations of
// a per-operation strategy alternate without copying.
struct TagCopies {
  struct Entry {
    uint64_t strategyId = 0;
    const std::vector<SpanTag>* source = nullptr;
    std::vector<SpanTag> tags;
  };
  Entry entries[4];

  const std::vector<SpanTag>* copy(uint64_t strategyId, const std::vector<SpanTag>* source) {
    Entry& entry = entries[(reinterpret_cast<uintptr_t>(source) / 64) % 4];
    if (entry.strategyId != strategyId || entry.source != source) {
      entry.strategyId = 0;  // a copy cut short by an exception matches nothing
      entry.tags = *source;
      entry.strategyId = strategyId;
      entry.source = source;
    }
    return &entry.tags;
  }
};

// The fast path reads a plain pointer: a thread_local with a destructor is reached through a
// guard on every access. The owner frees the copies when the thread ends.
thread_local TagCopies* threadTagCopies = nullptr;
struct TagCopiesOwner {
  bool armed = false;
  ~TagCopiesOwner() {
    delete threadTagCopies;
    threadTagCopies = nullptr;
  }
};
thread_local TagCopiesOwner threadTagCopiesOwner;

TagCopies& tagCopies() {
  if (threadTagCopies == nullptr) {
    threadTagCopiesOwner.armed = true;  // constructed now, so destroyed when the thread ends
    threadTagCopies = new TagCopies();
  }
  return *threadTagCopies;
}

}  // namespace

const std::vector<SpanTag>* threadTagCopy(uint64_t strategyId, const std::vector<SpanTag>* source) {
  return tagCopies().copy(strategyId, source);
}

}  // namespace detail
}  // namespace jaegertracing
