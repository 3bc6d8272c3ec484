// parseSamplingStrategy on arbitrary text, as an agent (or whatever answers on its port) may
// send it. An accepted strategy is within its documented ranges and reads back the same from
// the JSON the agent would have sent for it; a refused one has a one-line error for the log.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "FuzzSupport.h"
#include "samplers/SamplingStrategy.h"

namespace jaegertracing {
namespace {

using detail::SamplingStrategy;
using nlohmann::json;

bool isProbability(double value) { return std::isfinite(value) && value >= 0 && value <= 1; }
bool isRate(double value) { return std::isfinite(value) && value >= 0; }

// The agent's JSON for the strategy, in the shape WIRE.md shows.
std::string toJson(const SamplingStrategy& strategy) {
  json document = json::object();
  switch (strategy.type) {
    case SamplingStrategy::Type::kProbabilistic:
      document["strategyType"] = "PROBABILISTIC";
      document["probabilisticSampling"] = {{"samplingRate", strategy.samplingRate}};
      break;
    case SamplingStrategy::Type::kRateLimiting:
      document["strategyType"] = "RATE_LIMITING";
      document["rateLimitingSampling"] = {{"maxTracesPerSecond", strategy.maxTracesPerSecond}};
      break;
    case SamplingStrategy::Type::kPerOperation: {
      json operations = json::array();
      for (const auto& operation : strategy.perOperation.operations) {
        operations.push_back(
            {{"operation", operation.operation},
             {"probabilisticSampling", {{"samplingRate", operation.samplingRate}}}});
      }
      document["operationSampling"] = {
          {"defaultSamplingProbability", strategy.perOperation.defaultSamplingProbability},
          {"defaultLowerBoundTracesPerSecond",
           strategy.perOperation.defaultLowerBoundTracesPerSecond},
          {"perOperationStrategies", operations}};
      break;
    }
  }
  return document.dump();
}

void checkRanges(const SamplingStrategy& strategy) {
  switch (strategy.type) {
    case SamplingStrategy::Type::kProbabilistic:
      FUZZ_CHECK(isProbability(strategy.samplingRate));
      break;
    case SamplingStrategy::Type::kRateLimiting:
      FUZZ_CHECK(isRate(strategy.maxTracesPerSecond));
      break;
    case SamplingStrategy::Type::kPerOperation: {
      FUZZ_CHECK(isProbability(strategy.perOperation.defaultSamplingProbability));
      FUZZ_CHECK(isRate(strategy.perOperation.defaultLowerBoundTracesPerSecond));
      std::set<std::string> names;
      for (const auto& operation : strategy.perOperation.operations) {
        FUZZ_CHECK(isProbability(operation.samplingRate));
        FUZZ_CHECK(names.insert(operation.operation).second);
      }
      break;
    }
    default:
      FUZZ_CHECK(false);
  }
}

}  // namespace
}  // namespace jaegertracing

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = detail::parseSamplingStrategy(text);
  if (!parsed) {
    const std::string& error = parsed.error();
    FUZZ_CHECK(!error.empty());
    for (const char c : error) FUZZ_CHECK(c != '\n' && c != '\r');
    return 0;
  }
  checkRanges(*parsed);
  FUZZ_CHECK(!parsed->describe().empty());
  const auto again = detail::parseSamplingStrategy(toJson(*parsed));
  FUZZ_CHECK(again);
  FUZZ_CHECK(*again == *parsed);
  return 0;
}
