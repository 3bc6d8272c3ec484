// The binary format of jaeger-client-cpp and Jaeger's Java client, all integers big-endian:
//   traceIdHigh (8 bytes) traceIdLow (8) spanId (8) parentId (8) flags (1)
//   baggage count (4), then per item: key length (4) key, value length (4) value.
// No jaeger-debug-id travels in it.
#ifndef JAEGERTRACING_SRC_PROPAGATION_BINARYPROPAGATOR_H
#define JAEGERTRACING_SRC_PROPAGATION_BINARYPROPAGATOR_H

#include <istream>
#include <ostream>

#include "propagation/Propagator.h"

namespace jaegertracing {
namespace propagation {

struct BinaryPropagator {
  // Writes at most kMaxBaggageItems items and skips longer ones than kMaxBaggageItemBytes:
  // extract rejects a whole context beyond those, so a peer would lose the trace, not just the
  // item. Sets badbit on `out` if it could not write; never throws.
  static void inject(const SpanContext& context, std::ostream& out);
  // An empty stream is no context; a short read, a zero trace or span id, a count above
  // kMaxBaggageItems or a length above kMaxBaggageItemBytes is malformed. Reads no further than
  // the context's end. Never throws.
  static ExtractResult extract(std::istream& in);
};

}  // namespace propagation
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PROPAGATION_BINARYPROPAGATOR_H
