#ifndef JAEGERTRACING_SRC_SENDERS_OTLPSENDER_H
#define JAEGERTRACING_SRC_SENDERS_OTLPSENDER_H

#include <jaegertracing/Logging.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "metrics/Counters.h"
#include "senders/OtlpEncoder.h"
#include "senders/OtlpTransport.h"
#include "senders/Sender.h"

namespace jaegertracing {
namespace detail {

struct OtlpSenderOptions {
  OtlpTransportOptions transport;
  bool json = false;  // http/json instead of http/protobuf
  // Uncompressed body bytes and spans in one request.
  size_t maxBatchBytes = 1024 * 1024;
  size_t maxBatchSpans = 10000;
};

// Sends spans to an OTLP/HTTP receiver (Jaeger v2, Tempo, any OpenTelemetry Collector): each
// request is one ExportTraceServiceRequest, encoded once from the span records (protobuf or
// JSON), split at maxBatchBytes and maxBatchSpans like the Jaeger collector's sender; a span
// that alone does not fit is dropped and counted. OtlpTransport delivers it under OTLP's retry
// rules. Spans of a request that is not delivered count as failed; spans the server accepted
// the request with but rejected (partial_success) count as rejected. Failures and rejections
// are logged once per outage, never with the headers' values.
//
// After fork() the child must not use or destroy an inherited OtlpSender (the reporter
// abandons it and makes a new one), as for the HttpSender.
class OtlpSender final : public Sender {
 public:
  OtlpSender(OtlpSenderOptions options, const std::string& serviceName,
             const std::vector<SpanTag>& processTags, Counters& counters, logging::Logger& logger);

  OtlpSender(const OtlpSender&) = delete;
  OtlpSender& operator=(const OtlpSender&) = delete;

  void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) override;

  // Bytes of a request body besides its spans (at least).
  size_t overheadBytes() const { return encoder_->overheadBytes(); }
  // The body bytes of the last request on the wire, compressed or not.
  size_t lastWireBytes() const { return transport_.lastWireBytes(); }

 private:
  void emitBatch();
  // Close()'s giveUpAt: wakes a request in progress to look at the deadline (the deadline
  // itself cuts a retry's wait short).
  void interrupt() noexcept override;

  const OtlpSenderOptions options_;
  const std::string loggedUrl_;  // without user:password@
  std::unique_ptr<OtlpEncoder> encoder_;
  OtlpTransport transport_;
  bool failing_ = false;
  bool rejecting_ = false;
  Counters& counters_;
  logging::Logger& logger_;
};

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_OTLPSENDER_H
