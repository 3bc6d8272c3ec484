#include "senders/UdpSender.h"

#include "senders/ThriftSpanWriter.h"

namespace jaegertracing {
namespace detail {
namespace {

using apache::thrift::protocol::TMessageType;
using apache::thrift::protocol::TType;

// Compact-protocol worst cases around the spans: message header (protocol id, version and
// type, seqid varint, name) 17; args and Batch field headers and stops 5; list header 6;
// seqNo field 11; ClientStats field 35. Rounded up.
constexpr size_t kFixedOverheadBytes = 96;

}  // namespace

UdpSender::UdpSender(std::string host, uint16_t port, size_t maxPacketSize,
                     const std::string& serviceName, const std::vector<SpanTag>& processTags,
                     Counters& counters, logging::Logger& logger,
                     std::chrono::steady_clock::duration resolveInterval, Resolver resolver)
    : spansBuffer_(std::make_shared<EncodeBuffer>(static_cast<uint32_t>(maxPacketSize))),
      spansProtocol_(spansBuffer_),
      datagramBuffer_(std::make_shared<EncodeBuffer>(static_cast<uint32_t>(maxPacketSize))),
      datagramProtocol_(datagramBuffer_),
      maxPacketSize_(maxPacketSize),
      socket_(std::move(host), port, resolveInterval, std::move(resolver)),
      counters_(counters),
      logger_(logger) {
  writeProcess(datagramProtocol_, serviceName, processTags);
  processBytes_.assign(reinterpret_cast<const char*>(datagramBuffer_->data()),
                       datagramBuffer_->size());
  datagramBuffer_->clear();
  overheadBytes_ = kFixedOverheadBytes + processBytes_.size();
}

void UdpSender::send(const std::vector<std::unique_ptr<SpanRecord>>& spans) {
  const size_t spanBudget = maxPacketSize_ > overheadBytes_ ? maxPacketSize_ - overheadBytes_ : 0;
  for (const auto& span : spans) {
    const uint32_t mark = spansBuffer_->size();
    writeSpan(spansProtocol_, *span);
    const size_t spanSize = spansBuffer_->size() - mark;
    if (spanSize > spanBudget) {
      spansBuffer_->truncate(mark);
      Counters::add(counters_.droppedTooLarge);
      continue;
    }
    if (spansBuffer_->size() > spanBudget) {
      // This span starts the next datagram: set its bytes aside, send the others.
      const std::string spanBytes(reinterpret_cast<const char*>(spansBuffer_->data()) + mark,
                                  spanSize);
      spansBuffer_->truncate(mark);
      emitDatagram();
      spansBuffer_->write(reinterpret_cast<const uint8_t*>(spanBytes.data()),
                          static_cast<uint32_t>(spanBytes.size()));
    }
    ++pendingSpans_;
  }
  if (pendingSpans_ > 0) emitDatagram();
}

void UdpSender::emitDatagram() {
  Protocol& out = datagramProtocol_;
  out.writeMessageBegin("emitBatch", TMessageType::T_ONEWAY, 0);
  out.writeStructBegin("Agent_emitBatch_args");
  out.writeFieldBegin("batch", TType::T_STRUCT, 1);
  out.writeStructBegin("Batch");
  // The Process and the spans were encoded on their own; their bytes are whole structs, so
  // the protocol's field-id state is that of the Batch on either side of them.
  out.writeFieldBegin("process", TType::T_STRUCT, 1);
  datagramBuffer_->write(reinterpret_cast<const uint8_t*>(processBytes_.data()),
                         static_cast<uint32_t>(processBytes_.size()));
  out.writeFieldEnd();
  out.writeFieldBegin("spans", TType::T_LIST, 2);
  out.writeListBegin(TType::T_STRUCT, pendingSpans_);
  datagramBuffer_->write(spansBuffer_->data(), spansBuffer_->size());
  out.writeListEnd();
  out.writeFieldEnd();
  out.writeFieldBegin("seqNo", TType::T_I64, 3);
  out.writeI64(++seqNo_);
  out.writeFieldEnd();
  out.writeFieldBegin("stats", TType::T_STRUCT, 4);
  writeClientStats(out, ClientStatsValues{Counters::read(counters_.droppedQueueFull),
                                          Counters::read(counters_.droppedTooLarge),
                                          Counters::read(counters_.droppedSendFailed)});
  out.writeFieldEnd();
  out.writeFieldStop();
  out.writeStructEnd();
  out.writeFieldStop();
  out.writeStructEnd();
  out.writeMessageEnd();

  const uint32_t size = datagramBuffer_->size();
  if (socket_.send(datagramBuffer_->data(), size, deadline())) {
    Counters::add(counters_.spansReported, pendingSpans_);
    Counters::add(counters_.batchesSent);
    Counters::add(counters_.bytesSent, size);
    if (failing_) {
      logger_.info("spans reach the agent again");
      failing_ = false;
    }
  } else {
    Counters::add(counters_.droppedSendFailed, pendingSpans_);
    Counters::add(counters_.batchesFailed);
    if (!failing_) {
      // Once per outage, not per batch: the counters carry the rest.
      logger_.error("cannot send spans to the agent: " + socket_.lastError());
      failing_ = true;
    }
  }
  pendingSpans_ = 0;
  spansBuffer_->clear();
  datagramBuffer_->clear();
}

}  // namespace detail
}  // namespace jaegertracing
