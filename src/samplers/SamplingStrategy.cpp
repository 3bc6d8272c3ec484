#include "samplers/SamplingStrategy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "samplers/RateLimitingSampler.h"

namespace jaegertracing {
namespace detail {
namespace {

using nlohmann::json;

constexpr double kUnbounded = std::numeric_limits<double>::infinity();
constexpr size_t kQuotedValueChars = 60;

// Thrown inside the parser only; parseSamplingStrategy turns it into its error.
struct StrategyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

// One line of at most kQuotedValueChars characters for a log.
std::string excerpt(std::string_view text) {
  std::string line(text.substr(0, kQuotedValueChars));
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  if (text.size() > kQuotedValueChars) line += "...";
  return line;
}

std::string dumpScalar(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The value as the answer wrote it, shortened, for a message. Arrays and objects inside it show
// as [...] and {...}: nlohmann's dump recurses once per level of nesting, and how deep the
// answer nests is up to whoever sent it.
std::string quote(const json& value) {
  if (!value.is_array() && !value.is_object()) return excerpt(dumpScalar(value));
  const bool array = value.is_array();
  std::string text(1, array ? '[' : '{');
  for (auto item = value.begin(); item != value.end(); ++item) {
    if (text.size() > kQuotedValueChars) break;  // excerpt() cuts it anyway
    if (item != value.begin()) text += ',';
    if (!array) text += dumpScalar(json(item.key())) + ":";
    const json& member = item.value();
    text += member.is_array() ? "[...]" : member.is_object() ? "{...}" : dumpScalar(member);
  }
  text += array ? ']' : '}';
  return excerpt(text);
}

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw StrategyError(path + ": " + why);
}

std::string memberPath(const std::string& parent, const char* name) {
  return parent.empty() ? std::string(name) : parent + "." + name;
}

// The member, or nullptr when it is absent or null (as Jaeger's clients read a null).
const json* optionalMember(const json& object, const char* name) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return nullptr;
  return &*found;
}

const json& requiredMember(const json& object, const std::string& parent, const char* name) {
  const json* member = optionalMember(object, name);
  if (member == nullptr) throw StrategyError(memberPath(parent, name) + " is missing");
  return *member;
}

const json& requireObject(const json& value, const std::string& path) {
  if (!value.is_object()) fail(path, quote(value) + " is not an object");
  return value;
}

double requireNumber(const json& value, const std::string& path, double min, double max) {
  if (!value.is_number()) fail(path, quote(value) + " is not a number");
  const double number = value.get<double>();
  if (!std::isfinite(number) || number < min || number > max) {
    fail(path, quote(value) + (max == kUnbounded ? " is not a finite number >= " + formatNumber(min)
                                                 : " is not in [" + formatNumber(min) + ", " +
                                                       formatNumber(max) + "]"));
  }
  return number;
}

void noteClamped(std::string& clamped, const std::string& path, const json& value, double applied) {
  if (!clamped.empty()) clamped += "; ";
  clamped += path + ": " + quote(value) + " clamped to " + formatNumber(applied);
}

// A number outside [min, max] is the agent's mistake, not a reason to keep a stale strategy:
// it is clamped, and the clamping noted for the log (once, by the remote sampler).
double clampedNumber(const json& object, const std::string& parent, const char* name, double min,
                     double max, std::string& clamped) {
  const std::string path = memberPath(parent, name);
  const json& value = requiredMember(object, parent, name);
  const double requested = requireNumber(value, path, -kUnbounded, kUnbounded);
  const double applied = std::clamp(requested, min, max);
  if (applied != requested) noteClamped(clamped, path, value, applied);
  return applied;
}

// Traces a second, >= 0; a value the rate limiter cannot apply as it is (below one trace in
// 31.7 years, above one a nanosecond) is clamped to what it applies.
double tracesPerSecond(const json& object, const std::string& parent, const char* name,
                       std::string& clamped) {
  std::string below;
  const double requested = clampedNumber(object, parent, name, 0, kUnbounded, below);
  const double applied = RateLimitingSampler::effectiveRate(requested);
  if (!below.empty()) {
    if (!clamped.empty()) clamped += "; ";
    clamped += below;
  } else if (applied != requested) {
    noteClamped(clamped, memberPath(parent, name), object.at(name), applied);
  }
  return applied;
}

// {"samplingRate": r}
double probabilisticRate(const json& value, const std::string& path, std::string& clamped) {
  return clampedNumber(requireObject(value, path), path, "samplingRate", 0, 1, clamped);
}

PerOperationSamplingStrategy perOperation(const json& value, const std::string& path,
                                          std::string& clamped) {
  requireObject(value, path);
  PerOperationSamplingStrategy strategy;
  strategy.defaultSamplingProbability =
      clampedNumber(value, path, "defaultSamplingProbability", 0, 1, clamped);
  strategy.defaultLowerBoundTracesPerSecond =
      tracesPerSecond(value, path, "defaultLowerBoundTracesPerSecond", clamped);
  // Part of the protocol, used by no Jaeger client: checked, then ignored.
  if (const json* upperBound = optionalMember(value, "defaultUpperBoundTracesPerSecond")) {
    requireNumber(*upperBound, memberPath(path, "defaultUpperBoundTracesPerSecond"), 0, kUnbounded);
  }
  const std::string listPath = memberPath(path, "perOperationStrategies");
  const json& list = requiredMember(value, path, "perOperationStrategies");
  if (!list.is_array()) fail(listPath, quote(list) + " is not an array");
  strategy.operations.reserve(list.size());
  std::unordered_map<std::string, size_t> positions;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string itemPath = listPath + "[" + std::to_string(i) + "]";
    const json& item = requireObject(list[i], itemPath);
    const json& name = requiredMember(item, itemPath, "operation");
    if (!name.is_string())
      fail(memberPath(itemPath, "operation"), quote(name) + " is not a string");
    const double rate = probabilisticRate(requiredMember(item, itemPath, "probabilisticSampling"),
                                          memberPath(itemPath, "probabilisticSampling"), clamped);
    const auto& operation = name.get_ref<const std::string&>();
    // An operation listed again: its last entry counts, as in the other clients' maps.
    const auto [position, added] = positions.emplace(operation, strategy.operations.size());
    if (added) {
      strategy.operations.push_back({operation, rate});
    } else {
      strategy.operations[position->second].samplingRate = rate;
    }
  }
  return strategy;
}

enum class TopLevelType { kUnspecified, kProbabilistic, kRateLimiting };

TopLevelType strategyType(const json& document) {
  const json* type = optionalMember(document, "strategyType");
  if (type == nullptr) return TopLevelType::kUnspecified;
  if (type->is_string()) {
    const auto& name = type->get_ref<const std::string&>();
    if (name == "PROBABILISTIC") return TopLevelType::kProbabilistic;
    if (name == "RATE_LIMITING") return TopLevelType::kRateLimiting;
  } else if (type->is_number_integer()) {
    // Older agents wrote the Thrift enum's number.
    const auto number = type->get<int64_t>();
    if (number == 0) return TopLevelType::kProbabilistic;
    if (number == 1) return TopLevelType::kRateLimiting;
  }
  fail("strategyType", quote(*type) + " is not PROBABILISTIC (0) or RATE_LIMITING (1)");
}

SamplingStrategy parseDocument(const json& document) {
  requireObject(document, "the answer");
  const TopLevelType type = strategyType(document);
  SamplingStrategy strategy;
  if (const json* operations = optionalMember(document, "operationSampling")) {
    strategy.type = SamplingStrategy::Type::kPerOperation;
    strategy.perOperation = perOperation(*operations, "operationSampling", strategy.clamped);
    return strategy;
  }
  const json* probabilistic = optionalMember(document, "probabilisticSampling");
  const json* rateLimiting = optionalMember(document, "rateLimitingSampling");
  const bool useProbabilistic = type == TopLevelType::kProbabilistic ||
                                (type == TopLevelType::kUnspecified && probabilistic != nullptr);
  const bool useRateLimiting = type == TopLevelType::kRateLimiting ||
                               (type == TopLevelType::kUnspecified && rateLimiting != nullptr);
  if (useProbabilistic) {
    strategy.type = SamplingStrategy::Type::kProbabilistic;
    strategy.samplingRate = probabilisticRate(requiredMember(document, "", "probabilisticSampling"),
                                              "probabilisticSampling", strategy.clamped);
  } else if (useRateLimiting) {
    const std::string path = "rateLimitingSampling";
    const json& limits = requireObject(requiredMember(document, "", "rateLimitingSampling"), path);
    strategy.type = SamplingStrategy::Type::kRateLimiting;
    strategy.maxTracesPerSecond =
        tracesPerSecond(limits, path, "maxTracesPerSecond", strategy.clamped);
  } else {
    throw StrategyError(
        "the answer has no strategyType, operationSampling, probabilisticSampling or "
        "rateLimitingSampling");
  }
  return strategy;
}

}  // namespace

SamplingStrategy SamplingStrategy::probabilistic(double samplingRate) {
  SamplingStrategy strategy;
  strategy.type = Type::kProbabilistic;
  strategy.samplingRate = samplingRate;
  return strategy;
}

bool SamplingStrategy::operator==(const SamplingStrategy& other) const {
  if (type != other.type) return false;
  switch (type) {
    case Type::kProbabilistic:
      return samplingRate == other.samplingRate;
    case Type::kRateLimiting:
      return maxTracesPerSecond == other.maxTracesPerSecond;
    case Type::kPerOperation:
      return perOperation == other.perOperation;
  }
  return false;
}

std::string SamplingStrategy::describe() const {
  switch (type) {
    case Type::kProbabilistic:
      return "probabilistic " + formatNumber(samplingRate);
    case Type::kRateLimiting:
      return "ratelimiting " + formatNumber(maxTracesPerSecond) + " traces/s";
    case Type::kPerOperation:
      return "per-operation (" + std::to_string(perOperation.operations.size()) +
             " operations, default probability " +
             formatNumber(perOperation.defaultSamplingProbability) + ", lower bound " +
             formatNumber(perOperation.defaultLowerBoundTracesPerSecond) + " traces/s)";
  }
  return "unknown";
}

opentracing::expected<SamplingStrategy, std::string> parseSamplingStrategy(std::string_view text) {
  try {
    const json document = json::parse(text.begin(), text.end(), nullptr, false);
    if (document.is_discarded()) {
      return opentracing::make_unexpected("the answer is not JSON: \"" + excerpt(text) + "\"");
    }
    return parseDocument(document);
  } catch (const StrategyError& error) {
    return opentracing::make_unexpected(std::string(error.what()));
  } catch (const std::exception& error) {
    // nlohmann's own exceptions (none expected once types are checked) and bad_alloc.
    return opentracing::make_unexpected(std::string("cannot read the answer: ") + error.what());
  }
}

}  // namespace detail
}  // namespace jaegertracing
