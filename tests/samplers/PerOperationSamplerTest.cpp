#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "model/IdGenerator.h"
#include "samplers/PerOperationSampler.h"

namespace jaegertracing {
namespace detail {
namespace {

const TraceID kLowId(0, 1);
const TraceID kHighId(0, 0x7fffffffffffffffULL);

struct Decision {
  bool sampled;
  std::string type;
  double param;
};

Decision decide(Sampler& sampler, const TraceID& id, std::string_view operation) {
  const SamplingDecision decision = sampler.isSampled(id, operation);
  Decision result{decision.sampled, "", -1};
  for (const auto& tag : *decision.tags) {
    if (tag.key == kSamplerTypeTagKey) result.type = std::get<std::string>(tag.value);
    if (tag.key == kSamplerParamTagKey) result.param = std::get<double>(tag.value);
  }
  return result;
}

PerOperationSamplingStrategy strategy(double defaultProbability, double lowerBound,
                                      std::vector<OperationSamplingStrategy> operations) {
  PerOperationSamplingStrategy result;
  result.defaultSamplingProbability = defaultProbability;
  result.defaultLowerBoundTracesPerSecond = lowerBound;
  result.operations = std::move(operations);
  return result;
}

TEST(PerOperationSamplerTest, ListedOperationsUseTheirRateAndAllHaveTheLowerBound) {
  std::mutex mutex;
  PerOperationSampler sampler(strategy(0.0, 0.001, {{"always", 1.0}, {"never", 0.0}}), 100, mutex);
  EXPECT_EQ(sampler.operationCount(), 2u);

  const Decision always = decide(sampler, kHighId, "always");
  EXPECT_TRUE(always.sampled);
  EXPECT_EQ(always.type, "probabilistic");
  EXPECT_DOUBLE_EQ(always.param, 1.0);

  // Rate 0: the lower bound's one credit, then nothing.
  const Decision lowerBound = decide(sampler, kLowId, "never");
  EXPECT_TRUE(lowerBound.sampled);
  EXPECT_EQ(lowerBound.type, "lowerbound");
  EXPECT_DOUBLE_EQ(lowerBound.param, 0.001);
  EXPECT_FALSE(decide(sampler, kLowId, "never").sampled);

  // An unlisted operation gets the default probability, with a lower bound of its own.
  EXPECT_EQ(decide(sampler, kLowId, "new").type, "lowerbound");
  EXPECT_FALSE(decide(sampler, kLowId, "new").sampled);
  EXPECT_EQ(sampler.operationCount(), 3u);
}

TEST(PerOperationSamplerTest, UnlistedOperationsUseTheDefaultProbability) {
  std::mutex mutex;
  PerOperationSampler sampler(strategy(0.5, 0.0, {}), 100, mutex);
  const Decision low = decide(sampler, kLowId, "a");
  EXPECT_TRUE(low.sampled);
  EXPECT_EQ(low.type, "probabilistic");
  EXPECT_DOUBLE_EQ(low.param, 0.5);
  EXPECT_FALSE(decide(sampler, kHighId, "a").sampled);
}

TEST(PerOperationSamplerTest, BeyondMaxOperationsTheDefaultSamplerDecidesWithoutState) {
  std::mutex mutex;
  // Listed operations count, as in Jaeger's Go client.
  PerOperationSampler sampler(strategy(0.0, 0.001, {{"listed", 0.0}}), 3, mutex);
  for (const char* name : {"second", "third"}) {
    EXPECT_EQ(decide(sampler, kHighId, name).type, "lowerbound") << name;
  }
  EXPECT_EQ(sampler.operationCount(), 3u);
  // A fourth name has no lower bound: the default probability 0 refuses it every time.
  for (int i = 0; i < 10; ++i) {
    const Decision decision = decide(sampler, kHighId, "fourth");
    EXPECT_FALSE(decision.sampled);
    EXPECT_EQ(decision.type, "probabilistic");
  }
  EXPECT_EQ(sampler.operationCount(), 3u);
  // Those that have state keep it.
  EXPECT_FALSE(decide(sampler, kHighId, "second").sampled);
}

TEST(PerOperationSamplerTest, ManyOperationsGrowTheTable) {
  std::mutex mutex;
  std::vector<OperationSamplingStrategy> listed;
  for (int i = 0; i < 100; ++i) listed.push_back({"listed-" + std::to_string(i), 1.0});
  PerOperationSampler sampler(strategy(0.0, 0.0, listed), 1000, mutex);
  for (int i = 0; i < 900; ++i) {
    EXPECT_FALSE(decide(sampler, kLowId, "new-" + std::to_string(i)).sampled);
  }
  EXPECT_EQ(sampler.operationCount(), 1000u);
  for (int i = 0; i < 100; ++i) {
    EXPECT_TRUE(decide(sampler, kHighId, "listed-" + std::to_string(i)).sampled) << i;
  }
  decide(sampler, kLowId, "one-too-many");
  EXPECT_EQ(sampler.operationCount(), 1000u);
}

TEST(PerOperationSamplerTest, AReplacementKeepsTheLowerBoundsSpentCredits) {
  std::mutex mutex;
  PerOperationSampler before(strategy(0.0, 0.001, {{"kept", 0.0}, {"dropped", 0.0}}), 10, mutex);
  EXPECT_TRUE(decide(before, kHighId, "kept").sampled);
  EXPECT_TRUE(decide(before, kHighId, "unlisted").sampled);

  // New rates, same lower bound: "kept" continues with the credit it spent.
  PerOperationSampler after(strategy(0.0, 0.001, {{"kept", 0.1}}), 10, mutex, &before);
  EXPECT_FALSE(decide(after, kHighId, "kept").sampled);
  // Operations that were not listed start afresh, as in Jaeger's Go client.
  EXPECT_TRUE(decide(after, kHighId, "unlisted").sampled);

  // A different lower bound is a new limiter.
  PerOperationSampler changed(strategy(0.0, 0.002, {{"kept", 0.1}}), 10, mutex, &after);
  const Decision decision = decide(changed, kHighId, "kept");
  EXPECT_TRUE(decision.sampled);
  EXPECT_DOUBLE_EQ(decision.param, 0.002);
}

TEST(PerOperationSamplerTest, ThreadsAddingTheSameNamesAgreeOnOneSamplerEach) {
  std::mutex mutex;
  PerOperationSampler sampler(strategy(0.0, 0.001, {}), 200, mutex);
  constexpr int kThreads = 4;
  constexpr int kNames = 300;
  std::atomic<int> lowerBoundTraces{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kNames; ++i) {
        if (sampler.isSampled(kHighId, "op-" + std::to_string(i)).sampled) ++lowerBoundTraces;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  // Each of the first 200 names got one sampler, whose one credit went to one thread.
  EXPECT_EQ(sampler.operationCount(), 200u);
  EXPECT_EQ(lowerBoundTraces.load(), 200);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
