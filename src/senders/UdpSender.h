#ifndef JAEGERTRACING_SRC_SENDERS_UDPSENDER_H
#define JAEGERTRACING_SRC_SENDERS_UDPSENDER_H

#include <jaegertracing/Logging.h>
#include <thrift/protocol/TCompactProtocol.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "metrics/Counters.h"
#include "senders/EncodeBuffer.h"
#include "senders/Sender.h"
#include "senders/ThriftSpanWriter.h"
#include "senders/UdpSocket.h"

namespace jaegertracing {
namespace detail {

// Sends spans to a Jaeger agent as compact-protocol emitBatch datagrams. Each span is encoded
// once, straight into a reused buffer; a datagram is closed when the next span would take it
// past maxPacketSize, and a span that alone cannot fit is dropped and counted.
class UdpSender final : public Sender {
 public:
  UdpSender(
      std::string host, uint16_t port, size_t maxPacketSize, const std::string& serviceName,
      const std::vector<SpanTag>& processTags, Counters& counters, logging::Logger& logger,
      std::chrono::steady_clock::duration resolveInterval = UdpSocket::kDefaultResolveInterval,
      Resolver resolver = resolveWithGetaddrinfo);

  void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) override;

  // Bytes of the datagram besides the spans, at most: envelope, Process, list header, seqNo
  // and ClientStats.
  size_t overheadBytes() const { return overheadBytes_; }

 private:
  using Protocol = CompactProtocol;

  void emitDatagram();

  std::shared_ptr<EncodeBuffer> spansBuffer_;
  Protocol spansProtocol_;
  std::shared_ptr<EncodeBuffer> datagramBuffer_;
  Protocol datagramProtocol_;
  std::string processBytes_;
  size_t maxPacketSize_;
  size_t overheadBytes_;
  uint32_t pendingSpans_ = 0;
  int64_t seqNo_ = 0;
  bool failing_ = false;
  UdpSocket socket_;
  Counters& counters_;
  logging::Logger& logger_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_UDPSENDER_H
