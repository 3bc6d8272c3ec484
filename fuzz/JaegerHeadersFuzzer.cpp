// JaegerPropagator::extract on arbitrary headers ("key: value" lines), as a TextMap and as HTTP
// headers. Whatever it extracts must survive inject and extract unchanged: the ids and flags,
// and the baggage with its keys in lower case (extract lower-cases uberctx- keys, as Jaeger's Go
// client does, while jaeger-baggage keys come as sent); from then on inject and extract change
// nothing. The header names are the defaults, or any that the configuration accepts.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "FuzzSupport.h"
#include "config/ConfigValidation.h"
#include "propagation/JaegerPropagator.h"
#include "text/Ascii.h"

namespace jaegertracing {
namespace {

using fuzz::HeaderList;
using propagation::ExtractResult;
using propagation::JaegerPropagator;

// What a round trip through uberctx- headers makes of the baggage.
SpanContext::Baggage throughHeaders(const SpanContext::Baggage& baggage) {
  SpanContext::Baggage result;
  for (const auto& item : baggage) {
    propagation::addBaggageItem(result, text::asciiLowerCopy(item.first), item.second);
  }
  return result;
}

// Up to four names separated by spaces, each "" (the default) when missing; nullopt when
// Config::parse would refuse them.
std::optional<propagation::HeadersConfig> headerNames(std::string_view text) {
  std::vector<std::string> names;
  while (names.size() < 4 && !text.empty()) {
    const std::size_t space = text.find(' ');
    names.emplace_back(text.substr(0, space));
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  }
  names.resize(4);
  for (const auto& name : names) {
    if (!name.empty() && !detail::config::checkHeaderName("headers", name)) return std::nullopt;
  }
  propagation::HeadersConfig config(names[0], names[1], names[2], names[3]);
  if (!detail::config::checkHeaderNamesApart(config)) return std::nullopt;
  return config;
}

void roundTrip(const JaegerPropagator& propagator, const HeaderList& headers, bool httpHeaders) {
  const ExtractResult first = testing::extract(propagator, headers, httpHeaders);
  if (first.malformed) FUZZ_CHECK(!first.context);
  if (!first.context) return;
  const SpanContext& context = *first.context;
  // Extract keeps nothing it would refuse to read again.
  const SpanContext::Baggage baggage = context.baggage();
  FUZZ_CHECK(baggage.size() <= propagation::kMaxBaggageItems);
  for (const auto& item : baggage) {
    FUZZ_CHECK(!item.first.empty());
    FUZZ_CHECK(item.first.size() + item.second.size() <= propagation::kMaxBaggageItemBytes);
  }
  FUZZ_CHECK(context.debugID().size() <= propagation::kMaxBaggageItemBytes);
  if (!context.isValid()) {
    // Only a jaeger-debug-id and/or baggage.
    FUZZ_CHECK(!context.traceID().isValid());
    FUZZ_CHECK(!context.debugID().empty() || !baggage.empty());
  }

  const HeaderList injected = testing::inject<HeaderList>(propagator, context, httpHeaders);
  const ExtractResult second = testing::extract(propagator, injected, httpHeaders);
  FUZZ_CHECK(!second.malformed);
  const SpanContext::Baggage expectedBaggage = throughHeaders(baggage);
  if (!context.isValid() && expectedBaggage.empty()) {
    // A lone jaeger-debug-id is read, never written.
    FUZZ_CHECK(!second.context);
    return;
  }
  FUZZ_CHECK(second.context);
  if (context.isValid()) {
    fuzz::checkSameIds(context, *second.context);
  } else {
    FUZZ_CHECK(!second.context->isValid());
  }
  FUZZ_CHECK(second.context->baggage() == expectedBaggage);
  // Once its baggage keys are in lower case, a context goes through unchanged, headers and all.
  const HeaderList reinjected =
      testing::inject<HeaderList>(propagator, *second.context, httpHeaders);
  const ExtractResult third = testing::extract(propagator, reinjected, httpHeaders);
  FUZZ_CHECK(third.context);
  FUZZ_CHECK(testing::inject<HeaderList>(propagator, *third.context, httpHeaders) == reinjected);
}

}  // namespace
}  // namespace jaegertracing

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing;
  static const propagation::JaegerPropagator defaultPropagator{propagation::HeadersConfig()};
  fuzz::HeaderList headers = fuzz::splitHeaders(data, size);
  // A first line "#headers: debug baggage trace-context baggage-prefix" configures the header
  // names, as the "headers:" section would; names the configuration refuses skip the input.
  std::optional<propagation::JaegerPropagator> configured;
  if (!headers.empty() && headers.front().first == "#headers") {
    const auto names = headerNames(headers.front().second);
    headers.erase(headers.begin());
    if (!names) return 0;
    configured.emplace(*names);
  }
  const propagation::JaegerPropagator& propagator = configured ? *configured : defaultPropagator;
  roundTrip(propagator, headers, false);
  roundTrip(propagator, headers, true);
  return 0;
}
