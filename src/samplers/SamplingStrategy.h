// The sampling strategy the Jaeger agent serves for a service (GET /sampling?service=NAME),
// as read from its JSON and checked.
#ifndef JAEGERTRACING_SRC_SAMPLERS_SAMPLINGSTRATEGY_H
#define JAEGERTRACING_SRC_SAMPLERS_SAMPLINGSTRATEGY_H

#include <system_error>
// After <system_error>: expected.hpp uses std::error_code without including it.
#include <opentracing/expected/expected.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace jaegertracing {
namespace detail {

struct OperationSamplingStrategy {
  std::string operation;
  double samplingRate = 0;  // [0, 1]

  bool operator==(const OperationSamplingStrategy& other) const {
    return operation == other.operation && samplingRate == other.samplingRate;
  }
};

// Per-operation ("adaptive") sampling: each listed operation at its own rate, the others at the
// default probability, each with a lower bound of traces a second.
struct PerOperationSamplingStrategy {
  double defaultSamplingProbability = 0;        // [0, 1]
  double defaultLowerBoundTracesPerSecond = 0;  // >= 0
  // Distinct names: when the agent lists an operation twice, its last entry counts.
  std::vector<OperationSamplingStrategy> operations;

  bool operator==(const PerOperationSamplingStrategy& other) const {
    return defaultSamplingProbability == other.defaultSamplingProbability &&
           defaultLowerBoundTracesPerSecond == other.defaultLowerBoundTracesPerSecond &&
           operations == other.operations;
  }
};

struct SamplingStrategy {
  enum class Type { kProbabilistic, kRateLimiting, kPerOperation };

  Type type = Type::kProbabilistic;
  double samplingRate = 0;                    // kProbabilistic: [0, 1]
  double maxTracesPerSecond = 0;              // kRateLimiting: >= 0
  PerOperationSamplingStrategy perOperation;  // kPerOperation
  // The values clamped to what the rate limiter applies, for one log line ("" when none); not
  // compared by ==, which is about the strategy in force.
  std::string clamped;

  static SamplingStrategy probabilistic(double samplingRate);

  bool operator==(const SamplingStrategy& other) const;
  bool operator!=(const SamplingStrategy& other) const { return !(*this == other); }

  // For logs: "probabilistic 0.5", "ratelimiting 5 traces/s", "per-operation (3 operations,
  // default probability 0.1, lower bound 0.001 traces/s)".
  std::string describe() const;
};

// Reads the agent's answer the way Jaeger's other clients do: "operationSampling", when present,
// wins over the rest (its per-operation strategies); otherwise "strategyType" ("PROBABILISTIC" or
// "RATE_LIMITING", or 0 or 1 from older agents) picks "probabilisticSampling" or
// "rateLimitingSampling"; without a strategyType, whichever of the two is present. A member
// that is null counts as absent; the numbers may be written as integers. Anything else (not
// JSON, a wrong type, a required member missing, a rate outside [0, 1], a negative or
// non-finite number of traces) is an error that names the member and quotes the value. A
// number of traces a second the rate limiter cannot apply as it is (see RateLimitingSampler)
// is clamped, and noted in `clamped`.
opentracing::expected<SamplingStrategy, std::string> parseSamplingStrategy(std::string_view json);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_SAMPLINGSTRATEGY_H
