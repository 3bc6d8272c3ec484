#include "senders/OtlpSender.h"

#include <jaegertracing/ConfigError.h>

#include <algorithm>

#include "platform/LogSafeText.h"
#include "senders/OtlpJsonEncoder.h"
#include "senders/OtlpProtobufEncoder.h"
#include "senders/OtlpResponse.h"

namespace jaegertracing {
namespace detail {
namespace {

std::unique_ptr<OtlpEncoder> makeEncoder(bool json, const std::string& serviceName,
                                         const std::vector<SpanTag>& processTags) {
  if (json) return std::make_unique<OtlpJsonEncoder>(serviceName, processTags);
  return std::make_unique<OtlpProtobufEncoder>(serviceName, processTags);
}

}  // namespace

OtlpSender::OtlpSender(OtlpSenderOptions options, const std::string& serviceName,
                       const std::vector<SpanTag>& processTags, Counters& counters,
                       logging::Logger& logger)
    : options_(std::move(options)),
      loggedUrl_(urlWithoutUserInfo(options_.transport.url)),
      encoder_(makeEncoder(options_.json, serviceName, processTags)),
      transport_(options_.transport),
      counters_(counters),
      logger_(logger) {
  if (encoder_->overheadBytes() >= options_.maxBatchBytes) {
    // At start-up, from Tracer::make, rather than every span dropped later.
    throw ConfigError("reporter.maxBatchBytes", std::to_string(options_.maxBatchBytes),
                      "leaves no room for spans beside the resource (" +
                          std::to_string(encoder_->overheadBytes()) +
                          " bytes with this service's tags)");
  }
}

void OtlpSender::interrupt() noexcept { transport_.wake(); }

void OtlpSender::send(const std::vector<std::unique_ptr<SpanRecord>>& spans) {
  // An exception out of a previous call (out of memory) may have left a batch half built.
  encoder_->clear();
  for (const auto& span : spans) {
    if (encoder_->spanCount() == options_.maxBatchSpans) emitBatch();
    const size_t spanBytes = encoder_->measureSpan(*span);
    if (encoder_->overheadBytes() + spanBytes > options_.maxBatchBytes) {
      Counters::add(counters_.droppedTooLarge);
      continue;
    }
    if (encoder_->bodyBytes() + spanBytes > options_.maxBatchBytes) {
      emitBatch();
      // The measure stays valid: it depends on the span alone.
    }
    encoder_->appendMeasuredSpan(*span);
  }
  if (encoder_->spanCount() > 0) emitBatch();
  encoder_->clear();
}

void OtlpSender::emitBatch() {
  const uint32_t spans = encoder_->spanCount();
  const OtlpDelivery delivery =
      transport_.post(encoder_->finish(), encoder_->contentType(), giveUpDeadline(), retryLimit());
  encoder_->clear();
  if (!delivery.delivered) {
    Counters::add(counters_.droppedSendFailed, spans);
    Counters::add(counters_.batchesFailed);
    if (!failing_) {
      // Once per outage, not per batch: the counters carry the rest.
      logger_.error("cannot send spans to the OTLP endpoint " + loggedUrl_ + ": " +
                    delivery.failure);
      failing_ = true;
    }
    return;
  }
  const OtlpPartialSuccess partial = parsePartialSuccess(delivery.response, options_.json);
  const uint64_t rejected = std::min<uint64_t>(static_cast<uint64_t>(partial.rejectedSpans), spans);
  Counters::add(counters_.spansReported, spans - rejected);
  Counters::add(counters_.droppedRejected, rejected);
  Counters::add(counters_.batchesSent);
  Counters::add(counters_.bytesSent, transport_.lastWireBytes());
  if (failing_) {
    logger_.info("spans reach the OTLP endpoint " + loggedUrl_ + " again");
    failing_ = false;
  }
  if (rejected > 0 || !partial.errorMessage.empty()) {
    if (!rejecting_) {
      logger_.error(
          "the OTLP endpoint " + loggedUrl_ + " rejected " + std::to_string(rejected) + " of " +
          std::to_string(spans) + " spans: " +
          (partial.errorMessage.empty() ? "(no message)" : printable(partial.errorMessage)));
      rejecting_ = true;
    }
  } else {
    rejecting_ = false;
  }
}

}  // namespace detail
}  // namespace jaegertracing
