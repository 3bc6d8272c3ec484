#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "samplers/GuaranteedThroughputSampler.h"

namespace jaegertracing {
namespace detail {
namespace {

// Under any rate above 0 and over any rate below 1 (the low 63 bits decide).
const TraceID kLowId(0, 1);
const TraceID kHighId(0, 0x7fffffffffffffffULL);

std::string samplerType(const SamplingDecision& decision) {
  for (const auto& tag : *decision.tags) {
    if (tag.key == kSamplerTypeTagKey) return std::get<std::string>(tag.value);
  }
  throw std::out_of_range(kSamplerTypeTagKey);
}

double samplerParam(const SamplingDecision& decision) {
  for (const auto& tag : *decision.tags) {
    if (tag.key == kSamplerParamTagKey) return std::get<double>(tag.value);
  }
  throw std::out_of_range(kSamplerParamTagKey);
}

TEST(GuaranteedThroughputSamplerTest, LowerBoundTakesWhatTheProbabilisticPartRefuses) {
  // One trace in 1000 s: the burst of one credit, then nothing for the rest of the test.
  GuaranteedThroughputSampler sampler(0.5, 0.001);
  const SamplingDecision first = sampler.isSampled(kHighId, "op");
  EXPECT_TRUE(first.sampled);
  EXPECT_EQ(samplerType(first), "lowerbound");
  EXPECT_DOUBLE_EQ(samplerParam(first), 0.001);

  const SamplingDecision second = sampler.isSampled(kHighId, "op");
  EXPECT_FALSE(second.sampled);

  // The probabilistic part still takes what it would take alone, with its own tags.
  const SamplingDecision probabilistic = sampler.isSampled(kLowId, "op");
  EXPECT_TRUE(probabilistic.sampled);
  EXPECT_EQ(samplerType(probabilistic), "probabilistic");
  EXPECT_DOUBLE_EQ(samplerParam(probabilistic), 0.5);
}

TEST(GuaranteedThroughputSamplerTest, ProbabilisticTracesSpendTheLowerBoundsCredits) {
  // As in Jaeger's Go and Java clients: the lower bound guarantees a rate of traces, not extra
  // traces on top of what the probabilistic part samples.
  GuaranteedThroughputSampler sampler(0.5, 0.001);
  EXPECT_TRUE(sampler.isSampled(kLowId, "op").sampled);
  EXPECT_FALSE(sampler.isSampled(kHighId, "op").sampled);
}

TEST(GuaranteedThroughputSamplerTest, ZeroLowerBoundIsPurelyProbabilistic) {
  GuaranteedThroughputSampler sampler(0.0, 0.0);
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(sampler.isSampled(kLowId, "op").sampled);
  GuaranteedThroughputSampler always(1.0, 0.0);
  const SamplingDecision decision = always.isSampled(kHighId, "op");
  EXPECT_TRUE(decision.sampled);
  EXPECT_EQ(samplerType(decision), "probabilistic");
  EXPECT_DOUBLE_EQ(samplerParam(decision), 1.0);
}

TEST(GuaranteedThroughputSamplerTest, ASharedLimiterKeepsItsSpentCredits) {
  auto limiter = std::make_shared<RateLimitingSampler>(0.001);
  GuaranteedThroughputSampler before(0.0, limiter);
  EXPECT_TRUE(before.isSampled(kHighId, "op").sampled);
  // The replacement, with a new rate and the same limiter, has no fresh credit to give.
  GuaranteedThroughputSampler after(0.1, limiter);
  EXPECT_DOUBLE_EQ(after.lowerBound(), 0.001);
  EXPECT_DOUBLE_EQ(after.samplingRate(), 0.1);
  EXPECT_FALSE(after.isSampled(kHighId, "op").sampled);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
