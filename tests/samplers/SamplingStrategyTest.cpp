#include <gtest/gtest.h>

#include <string>

#include "samplers/SamplingStrategy.h"

namespace jaegertracing {
namespace detail {
namespace {

using Type = SamplingStrategy::Type;

SamplingStrategy parsed(const std::string& json) {
  const auto result = parseSamplingStrategy(json);
  EXPECT_TRUE(result.has_value()) << json << ": " << (result ? "" : result.error());
  return result ? *result : SamplingStrategy();
}

std::string error(const std::string& json) {
  const auto result = parseSamplingStrategy(json);
  EXPECT_FALSE(result.has_value()) << json;
  return result ? "" : result.error();
}

TEST(SamplingStrategyTest, ReadsTheAgentsThreeShapes) {
  // The examples of WIRE.md, as the agent serves them.
  const SamplingStrategy probabilistic =
      parsed(R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":0.5}})");
  EXPECT_EQ(probabilistic.type, Type::kProbabilistic);
  EXPECT_DOUBLE_EQ(probabilistic.samplingRate, 0.5);

  const SamplingStrategy rateLimiting =
      parsed(R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":5}})");
  EXPECT_EQ(rateLimiting.type, Type::kRateLimiting);
  EXPECT_DOUBLE_EQ(rateLimiting.maxTracesPerSecond, 5);

  const SamplingStrategy perOperation = parsed(R"({
      "strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":0.1},
      "operationSampling":{"defaultSamplingProbability":0.1,
        "defaultLowerBoundTracesPerSecond":0.001,
        "perOperationStrategies":[{"operation":"op","probabilisticSampling":{"samplingRate":1.0}}]}})");
  EXPECT_EQ(perOperation.type, Type::kPerOperation);
  EXPECT_DOUBLE_EQ(perOperation.perOperation.defaultSamplingProbability, 0.1);
  EXPECT_DOUBLE_EQ(perOperation.perOperation.defaultLowerBoundTracesPerSecond, 0.001);
  ASSERT_EQ(perOperation.perOperation.operations.size(), 1u);
  EXPECT_EQ(perOperation.perOperation.operations[0].operation, "op");
  EXPECT_DOUBLE_EQ(perOperation.perOperation.operations[0].samplingRate, 1.0);
}

TEST(SamplingStrategyTest, AcceptsWhatOlderAgentsAndOtherEncodersWrite) {
  // Thrift's enum numbers from older agents.
  EXPECT_EQ(parsed(R"({"strategyType":0,"probabilisticSampling":{"samplingRate":1}})").type,
            Type::kProbabilistic);
  EXPECT_EQ(parsed(R"({"strategyType":1,"rateLimitingSampling":{"maxTracesPerSecond":2.5}})").type,
            Type::kRateLimiting);
  // No strategyType: the strategy present decides, as in the Go and Java clients; null members
  // are absent ones.
  EXPECT_EQ(
      parsed(R"({"rateLimitingSampling":{"maxTracesPerSecond":1},"operationSampling":null})").type,
      Type::kRateLimiting);
  EXPECT_EQ(
      parsed(R"({"probabilisticSampling":{"samplingRate":0},"rateLimitingSampling":null})").type,
      Type::kProbabilistic);
  // An optional upper bound no client uses; the other members of the agent's answer are ignored.
  const SamplingStrategy withUpperBound = parsed(R"({"strategyType":"PROBABILISTIC",
      "operationSampling":{"defaultSamplingProbability":1,"defaultLowerBoundTracesPerSecond":0,
        "defaultUpperBoundTracesPerSecond":100,"perOperationStrategies":[]}})");
  EXPECT_EQ(withUpperBound.type, Type::kPerOperation);
  EXPECT_TRUE(withUpperBound.perOperation.operations.empty());
}

TEST(SamplingStrategyTest, AnOperationListedTwiceTakesItsLastRate) {
  const SamplingStrategy strategy = parsed(R"({"operationSampling":{
      "defaultSamplingProbability":0,"defaultLowerBoundTracesPerSecond":0,
      "perOperationStrategies":[
        {"operation":"a","probabilisticSampling":{"samplingRate":0.1}},
        {"operation":"b","probabilisticSampling":{"samplingRate":0.2}},
        {"operation":"a","probabilisticSampling":{"samplingRate":0.3}}]}})");
  ASSERT_EQ(strategy.perOperation.operations.size(), 2u);
  EXPECT_EQ(strategy.perOperation.operations[0].operation, "a");
  EXPECT_DOUBLE_EQ(strategy.perOperation.operations[0].samplingRate, 0.3);
  EXPECT_EQ(strategy.perOperation.operations[1].operation, "b");
}

TEST(SamplingStrategyTest, ErrorsNameTheMemberAndQuoteTheValue) {
  EXPECT_EQ(error("<html>502 Bad Gateway</html>"),
            "the answer is not JSON: \"<html>502 Bad Gateway</html>\"");
  EXPECT_EQ(error(""), "the answer is not JSON: \"\"");
  EXPECT_EQ(error("[1, 2]"), "the answer: [1,2] is not an object");
  EXPECT_EQ(error("{}"),
            "the answer has no strategyType, operationSampling, probabilisticSampling or "
            "rateLimitingSampling");
  EXPECT_EQ(error(R"({"strategyType":"ADAPTIVE","probabilisticSampling":{"samplingRate":1}})"),
            "strategyType: \"ADAPTIVE\" is not PROBABILISTIC (0) or RATE_LIMITING (1)");
  EXPECT_EQ(error(R"({"strategyType":2,"probabilisticSampling":{"samplingRate":1}})"),
            "strategyType: 2 is not PROBABILISTIC (0) or RATE_LIMITING (1)");
  EXPECT_EQ(error(R"({"strategyType":"PROBABILISTIC"})"), "probabilisticSampling is missing");
  EXPECT_EQ(
      error(R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":"0.5"}})"),
      "probabilisticSampling.samplingRate: \"0.5\" is not a number");
  EXPECT_EQ(error(R"({"strategyType":"PROBABILISTIC","probabilisticSampling":0.5})"),
            "probabilisticSampling: 0.5 is not an object");
  // JSON has no infinity; nlohmann refuses a number that overflows.
  EXPECT_EQ(
      error(
          R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":1e999}})")
          .rfind("the answer is not JSON", 0),
      0u);
  EXPECT_EQ(error(R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{}})"),
            "rateLimitingSampling.maxTracesPerSecond is missing");
  EXPECT_EQ(error(R"({"operationSampling":{"defaultSamplingProbability":0.1,
      "defaultLowerBoundTracesPerSecond":1,"perOperationStrategies":{}}})"),
            "operationSampling.perOperationStrategies: {} is not an array");
  EXPECT_EQ(error(R"({"operationSampling":{"defaultSamplingProbability":0.1,
      "defaultLowerBoundTracesPerSecond":1,"perOperationStrategies":[
        {"operation":"a","probabilisticSampling":{"samplingRate":0.1}},
        {"operation":7,"probabilisticSampling":{"samplingRate":0.1}}]}})"),
            "operationSampling.perOperationStrategies[1].operation: 7 is not a string");
  EXPECT_EQ(error(R"({"operationSampling":{"defaultSamplingProbability":0.1,
      "defaultLowerBoundTracesPerSecond":1,"defaultUpperBoundTracesPerSecond":"many",
      "perOperationStrategies":[]}})"),
            "operationSampling.defaultUpperBoundTracesPerSecond: \"many\" is not a number");
  // Nested arrays and objects are summarized (tests/fuzz has the deeply nested answers).
  EXPECT_EQ(error(R"({"strategyType":[[1],{"a":{"b":2}},3]})"),
            "strategyType: [[...],{...},3] is not PROBABILISTIC (0) or RATE_LIMITING (1)");
  EXPECT_EQ(error(R"({"probabilisticSampling":{"samplingRate":{"a":[1],"b":"c"}}})"),
            "probabilisticSampling.samplingRate: {\"a\":[...],\"b\":\"c\"} is not a number");
  // A long value is cut short in the message.
  const std::string longName(500, 'x');
  const std::string message =
      error(R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":")" +
            longName + R"("}})");
  EXPECT_LT(message.size(), 150u);
}

TEST(SamplingStrategyTest, EqualityAndDescriptions) {
  EXPECT_EQ(SamplingStrategy::probabilistic(0.5), SamplingStrategy::probabilistic(0.5));
  EXPECT_NE(SamplingStrategy::probabilistic(0.5), SamplingStrategy::probabilistic(0.25));
  EXPECT_EQ(SamplingStrategy::probabilistic(0.5).describe(), "probabilistic 0.5");
  EXPECT_EQ(
      parsed(R"({"strategyType":1,"rateLimitingSampling":{"maxTracesPerSecond":5}})").describe(),
      "ratelimiting 5 traces/s");
  const SamplingStrategy perOperation = parsed(R"({"operationSampling":{
      "defaultSamplingProbability":0.1,"defaultLowerBoundTracesPerSecond":0.001,
      "perOperationStrategies":[{"operation":"op","probabilisticSampling":{"samplingRate":1}}]}})");
  EXPECT_EQ(perOperation.describe(),
            "per-operation (1 operations, default probability 0.1, lower bound 0.001 traces/s)");
  SamplingStrategy changed = perOperation;
  changed.perOperation.operations[0].samplingRate = 0.5;
  EXPECT_NE(perOperation, changed);
}

TEST(SamplingStrategyTest, TracesPerSecondBeyondTheRateLimiterAreClampedAndNoted) {
  const SamplingStrategy tiny = parsed(
      R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":1e-12}})");
  EXPECT_EQ(tiny.type, Type::kRateLimiting);
  EXPECT_EQ(tiny.maxTracesPerSecond, 1e-9);
  EXPECT_EQ(tiny.clamped, "rateLimitingSampling.maxTracesPerSecond: 1e-12 clamped to 1e-09");

  const SamplingStrategy huge = parsed(
      R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":1e300}})");
  EXPECT_EQ(huge.maxTracesPerSecond, 1e9);
  EXPECT_EQ(huge.clamped, "rateLimitingSampling.maxTracesPerSecond: 1e+300 clamped to 1e+09");

  const SamplingStrategy lowerBound = parsed(R"({"operationSampling":{
      "defaultSamplingProbability":0.1,"defaultLowerBoundTracesPerSecond":1e-30,
      "perOperationStrategies":[]}})");
  EXPECT_EQ(lowerBound.perOperation.defaultLowerBoundTracesPerSecond, 1e-9);
  EXPECT_EQ(lowerBound.clamped,
            "operationSampling.defaultLowerBoundTracesPerSecond: 1e-30 clamped to 1e-09");

  const SamplingStrategy negative = parsed(
      R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":-1}})");
  EXPECT_EQ(negative.maxTracesPerSecond, 0);
  EXPECT_EQ(negative.clamped, "rateLimitingSampling.maxTracesPerSecond: -1 clamped to 0");

  const SamplingStrategy negativeBound = parsed(R"({"operationSampling":{
      "defaultSamplingProbability":0.1,"defaultLowerBoundTracesPerSecond":-1,
      "perOperationStrategies":[]}})");
  EXPECT_EQ(negativeBound.perOperation.defaultLowerBoundTracesPerSecond, 0);
  EXPECT_EQ(negativeBound.clamped,
            "operationSampling.defaultLowerBoundTracesPerSecond: -1 clamped to 0");

  // In range, 0 included: as written, nothing noted.
  for (const char* rate : {"0", "1e-9", "0.001", "1000000", "1e9"}) {
    const SamplingStrategy kept =
        parsed(std::string(R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{)") +
               R"("maxTracesPerSecond":)" + rate + "}}");
    EXPECT_EQ(kept.maxTracesPerSecond, std::stod(rate)) << rate;
    EXPECT_EQ(kept.clamped, "") << rate;
  }
}

TEST(SamplingStrategyTest, ProbabilitiesOutsideZeroToOneAreClampedAndNoted) {
  const SamplingStrategy above =
      parsed(R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":1.5}})");
  EXPECT_EQ(above.type, Type::kProbabilistic);
  EXPECT_EQ(above.samplingRate, 1);
  EXPECT_EQ(above.clamped, "probabilisticSampling.samplingRate: 1.5 clamped to 1");

  const SamplingStrategy below =
      parsed(R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":-0.1}})");
  EXPECT_EQ(below.samplingRate, 0);
  EXPECT_EQ(below.clamped, "probabilisticSampling.samplingRate: -0.1 clamped to 0");

  const SamplingStrategy operations = parsed(R"({"operationSampling":{
      "defaultSamplingProbability":7,"defaultLowerBoundTracesPerSecond":1,
      "perOperationStrategies":[
        {"operation":"a","probabilisticSampling":{"samplingRate":2}},
        {"operation":"b","probabilisticSampling":{"samplingRate":0.25}}]}})");
  EXPECT_EQ(operations.perOperation.defaultSamplingProbability, 1);
  ASSERT_EQ(operations.perOperation.operations.size(), 2u);
  EXPECT_EQ(operations.perOperation.operations[0].samplingRate, 1);
  // What was valid is kept as it was.
  EXPECT_EQ(operations.perOperation.operations[1].samplingRate, 0.25);
  EXPECT_EQ(operations.clamped,
            "operationSampling.defaultSamplingProbability: 7 clamped to 1; "
            "operationSampling.perOperationStrategies[0].probabilisticSampling.samplingRate: 2 "
            "clamped to 1");
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
