// BinaryPropagator::extract on arbitrary bytes. A context it extracts must survive inject and
// extract unchanged, a second inject writes the same bytes, and extract reads no further than
// the context's end (what follows in the stream is left for the application).
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <sstream>
#include <string>

#include "FuzzSupport.h"
#include "propagation/BinaryPropagator.h"

namespace jaegertracing {
namespace {

using propagation::BinaryPropagator;
using propagation::ExtractResult;

std::string inject(const SpanContext& context) {
  std::ostringstream out;
  BinaryPropagator::inject(context, out);
  FUZZ_CHECK(out.good());
  return out.str();
}

}  // namespace
}  // namespace jaegertracing

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in(bytes);
  const ExtractResult first = BinaryPropagator::extract(in);
  if (first.malformed) FUZZ_CHECK(!first.context);
  if (size == 0) FUZZ_CHECK(!first.context && !first.malformed);
  if (!first.context) return 0;
  const SpanContext& context = *first.context;
  FUZZ_CHECK(context.isValid());
  const SpanContext::Baggage baggage = context.baggage();
  FUZZ_CHECK(baggage.size() <= propagation::kMaxBaggageItems);
  for (const auto& item : baggage) {
    FUZZ_CHECK(!item.first.empty());
    FUZZ_CHECK(item.first.size() + item.second.size() <= propagation::kMaxBaggageItemBytes);
  }

  // The injected context, followed by the input's own bytes as the rest of the stream.
  const std::string injected = inject(context);
  const std::string trailer = "trailer" + bytes.substr(0, 16);
  std::istringstream again(injected + trailer);
  const ExtractResult second = BinaryPropagator::extract(again);
  FUZZ_CHECK(!second.malformed);
  FUZZ_CHECK(second.context);
  fuzz::checkSameIds(context, *second.context);
  FUZZ_CHECK(second.context->baggage() == baggage);
  const std::string rest{std::istreambuf_iterator<char>(again), std::istreambuf_iterator<char>()};
  FUZZ_CHECK(rest == trailer);
  FUZZ_CHECK(inject(*second.context) == injected);
  return 0;
}
