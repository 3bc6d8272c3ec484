// A snapshot of what the tracer has done, for the operator: every span is started, then either
// unsampled or sampled; sampled spans finish and are reported or dropped for one reason.
#ifndef JAEGERTRACING_TRACERSTATS_H
#define JAEGERTRACING_TRACERSTATS_H

#include <jaegertracing/Export.h>

#include <cstdint>

namespace jaegertracing {

/// A snapshot of the tracer's counters, from Tracer::stats(). Counts are totals since the
/// tracer was made (in a forked child, since the fork), except queueLength, which is now.
struct JAEGERTRACING_API TracerStats {
  uint64_t spansStarted = 0;          ///< every span started, sampled or not
  uint64_t spansSampled = 0;          ///< spans started sampled
  uint64_t spansFinished = 0;         ///< sampled spans that reached Finish
  uint64_t spansReported = 0;         ///< sent to the agent or collector without error
  uint64_t droppedQueueFull = 0;      ///< Finish found the reporter's queue full
  uint64_t droppedTooLarge = 0;       ///< a span alone larger than one datagram or request
  uint64_t droppedSendFailed = 0;     ///< the send of their batch failed
  uint64_t droppedAfterClose = 0;     ///< finished after Close()
  uint64_t batchesSent = 0;           ///< datagrams or requests sent without error
  uint64_t batchesFailed = 0;         ///< datagrams or requests whose send failed
  uint64_t bytesSent = 0;             ///< bytes of the batches sent without error
  uint64_t queueLength = 0;           ///< spans waiting for the reporter's thread now
  uint64_t headerDecodingErrors = 0;  ///< malformed propagation headers seen by Extract
  uint64_t droppedRejected = 0;       ///< rejected by the OTLP backend (partial_success)
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_TRACERSTATS_H
