#ifndef JAEGERTRACING_SRC_SENDERS_ENCODEBUFFER_H
#define JAEGERTRACING_SRC_SENDERS_ENCODEBUFFER_H

#include <thrift/transport/TBufferTransports.h>

#include <cstdint>

namespace jaegertracing {
namespace detail {

// Thrift's growable memory buffer, reused across batches, with the one operation the encoder
// needs beyond it: cutting back to a mark, to take out a span that did not fit.
class EncodeBuffer final : public apache::thrift::transport::TMemoryBuffer {
 public:
  explicit EncodeBuffer(uint32_t initialSize) : TMemoryBuffer(initialSize) {}

  const uint8_t* data() const { return buffer_; }
  uint32_t size() const { return static_cast<uint32_t>(wBase_ - buffer_); }

  void truncate(uint32_t size) {
    if (size < this->size()) {
      wBase_ = buffer_ + size;
      rBase_ = buffer_;
      rBound_ = wBase_;
    }
  }

  void clear() { resetBuffer(); }
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_ENCODEBUFFER_H
