// Inputs for parseSamplingStrategy found with fuzz/SamplingStrategyFuzzer's target run on one
// large input (the fuzzer's 4 KiB inputs nest too little to show it). The agent's answer comes
// from the network and may be up to 8 MiB (RemoteSampler's kMaxAnswerBytes): it must give an
// error, never crash the process.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "samplers/SamplingStrategy.h"

namespace jaegertracing {
namespace detail {
namespace {

// Deep enough to overflow an 8 MiB stack in a plain -O2 build (it does from about 85,000
// levels) and in a sanitizer build; 600 KB, far below the 8 MiB the sampler accepts.
constexpr std::size_t kDepth = 300000;

std::string nestedArrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

// In a child process: a stack overflow would otherwise end the whole test binary.
void expectErrorWithoutCrash(const std::string& answer) {
  EXPECT_EXIT(
      {
        // Nothing left on the heap at exit, for LeakSanitizer in the ASan build.
        const bool parsed = parseSamplingStrategy(answer).has_value();
        std::exit(parsed ? 1 : 0);
      },
      ::testing::ExitedWithCode(0), "");
}

// Found in parseDocument's requireObject (src/samplers/SamplingStrategy.cpp): the value it
// refused was quoted with nlohmann::json::dump, which recurses once per level of nesting
// (nlohmann/detail/output/serializer.hpp:239), so a deeply nested answer overflowed the stack on
// the sampler's thread: SIGSEGV from about 85,000 levels (170 KB) in a plain -O2 build, ASan
// "stack-overflow ... serializer.hpp:112 in serializer::dump" from 100,000. Parsing and
// destroying the document are not recursive in nlohmann 3.11; only the quoting was.
TEST(SamplingStrategyRegressionTest, DeeplyNestedAnswerIsAnErrorNotAStackOverflow) {
  ::testing::FLAGS_gtest_death_test_style = "threadsafe";
  expectErrorWithoutCrash(nestedArrays(kDepth));
}

// The same through every other member that is quoted when it has the wrong type.
TEST(SamplingStrategyRegressionTest, DeeplyNestedMemberIsAnErrorNotAStackOverflow) {
  ::testing::FLAGS_gtest_death_test_style = "threadsafe";
  expectErrorWithoutCrash("{\"strategyType\":" + nestedArrays(kDepth) + "}");
  expectErrorWithoutCrash("{\"probabilisticSampling\":{\"samplingRate\":" + nestedArrays(kDepth) +
                          "}}");
  expectErrorWithoutCrash(
      "{\"operationSampling\":{\"defaultSamplingProbability\":0,"
      "\"defaultLowerBoundTracesPerSecond\":0,\"perOperationStrategies\":[{\"operation\":" +
      nestedArrays(kDepth) + "}]}}");
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
