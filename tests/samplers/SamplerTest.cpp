#include <gtest/gtest.h>
#include <jaegertracing/ConfigError.h>

#include <limits>
#include <set>
#include <stdexcept>

#include "model/IdGenerator.h"
#include "samplers/ConstSampler.h"
#include "samplers/ProbabilisticSampler.h"
#include "samplers/RateLimitingSampler.h"
#include "samplers/SamplerFactory.h"

namespace jaegertracing {
namespace detail {
namespace {

const TagValue& tag(const SamplingDecision& decision, const std::string& key) {
  for (const auto& tag : *decision.tags) {
    if (tag.key == key) return tag.value;
  }
  throw std::out_of_range(key);
}

TEST(SamplerTest, ConstDecidesAlwaysTheSame) {
  ConstSampler yes(true);
  ConstSampler no(false);
  for (int i = 0; i < 100; ++i) {
    const TraceID id(0, randomId());
    EXPECT_TRUE(yes.isSampled(id, "op").sampled);
    EXPECT_FALSE(no.isSampled(id, "op").sampled);
  }
  const auto decision = yes.isSampled(TraceID(0, 1), "op");
  EXPECT_EQ(std::get<std::string>(tag(decision, "sampler.type")), "const");
  EXPECT_EQ(std::get<bool>(tag(decision, "sampler.param")), true);
}

TEST(SamplerTest, ProbabilisticUsesTheTraceIdBoundary) {
  ProbabilisticSampler half(0.5);
  // Jaeger's rule: sampled when the low 63 bits are below rate * 2^63.
  EXPECT_TRUE(half.isSampled(TraceID(0, 0x3fffffffffffffffULL), "op").sampled);
  EXPECT_FALSE(half.isSampled(TraceID(0, 0x4000000000000001ULL), "op").sampled);
  // The top bit is ignored, as in the other clients.
  EXPECT_TRUE(half.isSampled(TraceID(0, 0x8000000000000001ULL), "op").sampled);

  ProbabilisticSampler never(0.0);
  ProbabilisticSampler always(1.0);
  int sampled = 0;
  for (int i = 0; i < 10000; ++i) {
    const TraceID id(0, randomId());
    EXPECT_FALSE(never.isSampled(id, "op").sampled);
    EXPECT_TRUE(always.isSampled(id, "op").sampled);
    sampled += half.isSampled(id, "op").sampled ? 1 : 0;
  }
  // 10000 fair draws: 5000 +- 5 standard deviations (50 each).
  EXPECT_NEAR(sampled, 5000, 250);
  const auto decision = half.isSampled(TraceID(0, 1), "op");
  EXPECT_EQ(std::get<std::string>(tag(decision, "sampler.type")), "probabilistic");
  EXPECT_DOUBLE_EQ(std::get<double>(tag(decision, "sampler.param")), 0.5);
}

TEST(SamplerTest, RateLimitingAllowsTheBurstThenTheRate) {
  RateLimitingSampler sampler(2.0);
  const int64_t second = 1000000000;
  int64_t now = 1000 * second;
  // A new sampler has its burst of max(rate, 1) = 2 credits.
  EXPECT_TRUE(sampler.takeCredit(now));
  EXPECT_TRUE(sampler.takeCredit(now));
  EXPECT_FALSE(sampler.takeCredit(now));
  // Half a second buys one more credit at 2 per second.
  now += second / 2;
  EXPECT_TRUE(sampler.takeCredit(now));
  EXPECT_FALSE(sampler.takeCredit(now));
  // A long pause refills only up to the burst.
  now += 60 * second;
  EXPECT_TRUE(sampler.takeCredit(now));
  EXPECT_TRUE(sampler.takeCredit(now));
  EXPECT_FALSE(sampler.takeCredit(now));

  RateLimitingSampler none(0.0);
  EXPECT_FALSE(none.takeCredit(now));
  const auto decision = sampler.isSampled(TraceID(0, 1), "op");
  EXPECT_EQ(std::get<std::string>(tag(decision, "sampler.type")), "ratelimiting");
  EXPECT_DOUBLE_EQ(std::get<double>(tag(decision, "sampler.param")), 2.0);
}

TEST(SamplerTest, FractionalRateKeepsABurstOfOne) {
  RateLimitingSampler sampler(0.5);
  const int64_t second = 1000000000;
  int64_t now = 1000 * second;
  EXPECT_TRUE(sampler.takeCredit(now));
  EXPECT_FALSE(sampler.takeCredit(now + second));
  EXPECT_TRUE(sampler.takeCredit(now + 2 * second));
}

// The rate goes into 1e9 / rate and a cast to int64_t: every double must stay defined there
// (UBSan aborts on a cast out of range) and mean something.
TEST(SamplerTest, RateLimitingIsDefinedForEveryRate) {
  const int64_t second = 1000000000;
  const int64_t now = 1000 * second;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double infinity = std::numeric_limits<double>::infinity();

  // Nothing to sample at: never.
  for (const double rate : {0.0, -0.0, -1.0, -infinity, nan, -nan}) {
    RateLimitingSampler sampler(rate);
    EXPECT_EQ(sampler.maxTracesPerSecond(), 0) << rate;
    EXPECT_FALSE(sampler.takeCredit(now)) << rate;
    EXPECT_FALSE(sampler.takeCredit(now + 1000000 * second)) << rate;
  }

  // Below one trace in 31.7 years: capped at that, one trace then none for 1e18 ns.
  for (const double rate : {1e-10, 1e-12, 1e-300, std::numeric_limits<double>::denorm_min()}) {
    RateLimitingSampler sampler(rate);
    EXPECT_EQ(sampler.maxTracesPerSecond(), RateLimitingSampler::kMinTracesPerSecond) << rate;
    EXPECT_TRUE(sampler.takeCredit(now)) << rate;
    EXPECT_FALSE(sampler.takeCredit(now + 100000000 * second)) << rate;
    EXPECT_TRUE(sampler.takeCredit(now + 1000000000 * second)) << rate;
  }

  // Above one trace a nanosecond: one a nanosecond, after a burst of a second's worth.
  for (const double rate : {1e9, 1e10, 1e300, std::numeric_limits<double>::max(), infinity}) {
    RateLimitingSampler sampler(rate);
    EXPECT_EQ(sampler.maxTracesPerSecond(), RateLimitingSampler::kMaxTracesPerSecond) << rate;
    EXPECT_TRUE(sampler.takeCredit(now)) << rate;
    EXPECT_TRUE(sampler.takeCredit(now)) << rate;
    const auto decision = sampler.isSampled(TraceID(0, 1), "op");
    EXPECT_DOUBLE_EQ(std::get<double>(tag(decision, "sampler.param")), 1e9) << rate;
  }

  // The bounds themselves are applied as they are: Config accepts exactly these.
  EXPECT_EQ(RateLimitingSampler::effectiveRate(1e-9), 1e-9);
  EXPECT_EQ(RateLimitingSampler::effectiveRate(1e9), 1e9);
}

TEST(SamplerTest, FactoryBuildsEachTypeAndRejectsUnknownOnes) {
  auto logger = logging::nullLogger();
  EXPECT_TRUE(makeSampler(samplers::Config("const", 1), "test-service", *logger)
                  ->isSampled(TraceID(0, 1), "op")
                  .sampled);
  EXPECT_FALSE(makeSampler(samplers::Config("probabilistic", 0), "test-service", *logger)
                   ->isSampled(TraceID(0, 1), "op")
                   .sampled);
  EXPECT_TRUE(makeSampler(samplers::Config("ratelimiting", 10), "test-service", *logger)
                  ->isSampled(TraceID(0, 1), "op")
                  .sampled);
  EXPECT_THROW(makeSampler(samplers::Config("sometimes", 1), "test-service", *logger), ConfigError);
}

TEST(SamplerTest, IdsAreNonZeroAndDistinct) {
  std::set<uint64_t> ids;
  for (int i = 0; i < 10000; ++i) {
    const uint64_t id = randomId();
    EXPECT_NE(id, 0u);
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 10000u);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
