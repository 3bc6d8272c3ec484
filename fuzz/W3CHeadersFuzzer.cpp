// W3CPropagator::extract on arbitrary headers ("key: value" lines). A context it extracts must
// survive inject and extract unchanged: ids, the sampled flag, tracestate and baggage (its keys
// are HTTP tokens, the only ones inject writes). A second inject writes the same headers.
#include <cstddef>
#include <cstdint>

#include "FuzzSupport.h"
#include "propagation/W3CPropagator.h"

namespace jaegertracing {
namespace {

using fuzz::HeaderList;
using propagation::ExtractResult;
using propagation::W3CPropagator;

void roundTrip(const W3CPropagator& propagator, const HeaderList& headers, bool httpHeaders) {
  const ExtractResult first = testing::extract(propagator, headers, httpHeaders);
  if (first.malformed) FUZZ_CHECK(!first.context);
  if (!first.context) return;
  const SpanContext& context = *first.context;
  // Only a valid traceparent makes a context; only its sampled bit becomes a flag.
  FUZZ_CHECK(context.isValid());
  FUZZ_CHECK(context.parentID() == 0);
  FUZZ_CHECK((context.flags() & ~SpanContext::kSampledFlag) == 0);
  FUZZ_CHECK(context.traceState().size() <= W3CPropagator::kMaxTraceStateChars);
  for (const char c : context.traceState()) {
    const auto byte = static_cast<unsigned char>(c);
    FUZZ_CHECK((byte >= 0x20 && byte <= 0x7e) || byte == '\t');
  }
  const SpanContext::Baggage baggage = context.baggage();
  FUZZ_CHECK(baggage.size() <= propagation::kMaxBaggageItems);
  for (const auto& item : baggage) {
    FUZZ_CHECK(!item.first.empty());
    FUZZ_CHECK(item.first.size() + item.second.size() <= propagation::kMaxBaggageItemBytes);
  }

  const HeaderList injected = testing::inject<HeaderList>(propagator, context, httpHeaders);
  const ExtractResult second = testing::extract(propagator, injected, httpHeaders);
  FUZZ_CHECK(!second.malformed);
  FUZZ_CHECK(second.context);
  fuzz::checkSameIds(context, *second.context);
  FUZZ_CHECK(second.context->traceState() == context.traceState());
  FUZZ_CHECK(second.context->baggage() == baggage);
  FUZZ_CHECK(testing::inject<HeaderList>(propagator, *second.context, httpHeaders) == injected);
}

}  // namespace
}  // namespace jaegertracing

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing;
  static const propagation::W3CPropagator propagator;
  const fuzz::HeaderList headers = fuzz::splitHeaders(data, size);
  roundTrip(propagator, headers, false);
  roundTrip(propagator, headers, true);
  return 0;
}
