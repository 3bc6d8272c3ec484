// B3Propagator::extract on arbitrary headers ("key: value" lines), single and multiple header
// encodings mixed as a request may mix them. A context it extracts must survive inject (in
// either encoding) and extract unchanged: ids, flags, and a deny without ids.
#include <cstddef>
#include <cstdint>

#include "FuzzSupport.h"
#include "model/SamplingDenied.h"
#include "propagation/B3Propagator.h"

namespace jaegertracing {
namespace {

using fuzz::HeaderList;
using propagation::B3Propagator;
using propagation::ExtractResult;

void roundTrip(const B3Propagator& propagator, const HeaderList& headers, bool httpHeaders) {
  const ExtractResult first = testing::extract(propagator, headers, httpHeaders);
  if (first.malformed) FUZZ_CHECK(!first.context);
  if (!first.context) return;
  const SpanContext& context = *first.context;
  // B3 carries no baggage, and only a deny comes without ids.
  FUZZ_CHECK(context.baggage().empty());
  FUZZ_CHECK(context.isValid() || detail::isSamplingDenied(context));
  if (context.isDebug()) FUZZ_CHECK(context.isSampled());

  const HeaderList injected = testing::inject<HeaderList>(propagator, context, httpHeaders);
  const ExtractResult second = testing::extract(propagator, injected, httpHeaders);
  FUZZ_CHECK(!second.malformed);
  FUZZ_CHECK(second.context);
  FUZZ_CHECK(detail::isSamplingDenied(*second.context) == detail::isSamplingDenied(context));
  fuzz::checkSameIds(context, *second.context);
  FUZZ_CHECK(testing::inject<HeaderList>(propagator, *second.context, httpHeaders) == injected);
}

}  // namespace
}  // namespace jaegertracing

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing;
  static const propagation::B3Propagator multiple(
      propagation::B3Propagator::Encoding::kMultipleHeaders);
  static const propagation::B3Propagator single(propagation::B3Propagator::Encoding::kSingleHeader);
  const fuzz::HeaderList headers = fuzz::splitHeaders(data, size);
  // Extract reads both encodings and either carrier alike; each inject encoding gets one.
  roundTrip(multiple, headers, false);
  roundTrip(single, headers, true);
  return 0;
}
