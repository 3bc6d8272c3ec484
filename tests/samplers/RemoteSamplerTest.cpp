// The remote sampler against a real HTTP sampling endpoint on 127.0.0.1 (support/
// SamplingServer). Tests wait for the server's count of polls: the sampler polls one request
// at a time, so once poll n+1 has arrived, the answer to poll n is in force.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "model/IdGenerator.h"
#include "platform/LogSafeText.h"
#include "samplers/RemoteSampler.h"
#include "samplers/SamplerFactory.h"
#include "samplers/SamplingRequestUrl.h"
#include "support/SamplingServer.h"
#include "support/TestTracer.h"

namespace jaegertracing {
namespace detail {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::SamplingServer;

constexpr auto kDeadline = 10s;
#if defined(__SANITIZE_THREAD__)
constexpr bool kThreadSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
constexpr bool kThreadSanitizer = true;
#else
constexpr bool kThreadSanitizer = false;
#endif
#else
constexpr bool kThreadSanitizer = false;
#endif
const TraceID kLowId(0, 1);
const TraceID kHighId(0, 0x7fffffffffffffffULL);

const char* const kAlways =
    R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":1.0}})";
const char* const kNever =
    R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":0.0}})";

class CapturingLogger final : public logging::Logger {
 public:
  void error(const std::string& message) override { add(errors_, message); }
  void info(const std::string& message) override { add(infos_, message); }

  std::vector<std::string> errors() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return errors_;
  }
  std::vector<std::string> infos() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return infos_;
  }
  bool waitForErrors(size_t n) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, kDeadline, [&] { return errors_.size() >= n; });
  }

 private:
  void add(std::vector<std::string>& lines, const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    lines.push_back(message);
    changed_.notify_all();
  }

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<std::string> errors_;
  std::vector<std::string> infos_;
};

samplers::Config remoteConfig(const std::string& url, double param = 0.001,
                              int maxOperations = 2000, Clock::duration refreshInterval = 50ms) {
  return samplers::Config(kSamplerTypeRemote, param, url, maxOperations, refreshInterval);
}

// Serves the answer from now on and returns once the sampler has applied it.
void serve(SamplingServer& server, int status, const std::string& body) {
  const size_t answered = server.respond(status, body);
  ASSERT_TRUE(server.waitForPolls(answered + 2, kDeadline))
      << "the sampler stopped polling after " << server.polls() << " polls";
}
void serve(SamplingServer& server, const std::string& body) { serve(server, 200, body); }

struct Decision {
  bool sampled = false;
  std::string type;
  double param = -1;
};

Decision decide(Sampler& sampler, const TraceID& id, std::string_view operation = "op") {
  const SamplingDecision decision = sampler.isSampled(id, operation);
  Decision result;
  result.sampled = decision.sampled;
  for (const auto& tag : *decision.tags) {
    if (tag.key == kSamplerTypeTagKey) result.type = std::get<std::string>(tag.value);
    if (tag.key == kSamplerParamTagKey) result.param = std::get<double>(tag.value);
  }
  return result;
}

int sampledOf(Sampler& sampler, int traces, std::string_view operation = "op") {
  int sampled = 0;
  for (int i = 0; i < traces; ++i) {
    sampled += sampler.isSampled(TraceID(0, randomId()), operation).sampled ? 1 : 0;
  }
  return sampled;
}

TEST(RemoteSamplerTest, SamplesWithTheConfiguredProbabilityUntilTheFirstAnswer) {
  SamplingServer server;
  server.respond(kNever);
  server.hold();
  CapturingLogger logger;
  RemoteSampler sampler(remoteConfig(server.url(), 1.0), "service", logger);
  // The first poll, at start, is waiting for its answer.
  ASSERT_TRUE(server.waitForPolls(1, kDeadline));
  EXPECT_EQ(sampler.strategy(), SamplingStrategy::probabilistic(1.0));
  EXPECT_EQ(sampledOf(sampler, 1000), 1000);
  const Decision decision = decide(sampler, kHighId);
  EXPECT_EQ(decision.type, "probabilistic");
  EXPECT_DOUBLE_EQ(decision.param, 1.0);

  RemoteSampler never(remoteConfig(server.url(), 0.0), "service", logger);
  EXPECT_EQ(sampledOf(never, 1000), 0);

  server.release();
  serve(server, kNever);
  EXPECT_EQ(sampledOf(sampler, 1000), 0);
  EXPECT_TRUE(logger.errors().empty());
}

TEST(RemoteSamplerTest, SwitchesToTheAgentsProbabilisticStrategies) {
  SamplingServer server;
  CapturingLogger logger;
  server.respond(kAlways);  // the first poll, at start, gets it
  RemoteSampler sampler(remoteConfig(server.url(), 0.0), "service", logger);
  ASSERT_TRUE(server.waitForPolls(2, kDeadline));
  EXPECT_EQ(sampler.strategy(), SamplingStrategy::probabilistic(1.0));
  EXPECT_EQ(sampledOf(sampler, 1000), 1000);
  Decision decision = decide(sampler, kHighId);
  EXPECT_EQ(decision.type, "probabilistic");
  EXPECT_DOUBLE_EQ(decision.param, 1.0);

  serve(server, kNever);
  EXPECT_EQ(sampledOf(sampler, 1000), 0);

  serve(server, R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":0.5}})");
  decision = decide(sampler, kLowId);
  EXPECT_TRUE(decision.sampled);
  EXPECT_DOUBLE_EQ(decision.param, 0.5);
  EXPECT_FALSE(decide(sampler, kHighId).sampled);
  EXPECT_TRUE(logger.errors().empty());
}

TEST(RemoteSamplerTest, SwitchesToRateLimiting) {
  SamplingServer server;
  CapturingLogger logger;
  RemoteSampler sampler(remoteConfig(server.url(), 1.0), "service", logger);
  serve(server,
        R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":2}})");
  const auto start = Clock::now();
  const int sampled = sampledOf(sampler, 10000);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  // The burst of 2, and 2 a second after it.
  EXPECT_GE(sampled, 1);
  EXPECT_LE(sampled, 2 + static_cast<int>(2 * seconds) + 1);
  // The old agents' number for RATE_LIMITING; a new rate.
  serve(server, R"({"strategyType":1,"rateLimitingSampling":{"maxTracesPerSecond":1000000}})");
  const Decision decision = decide(sampler, kHighId);
  EXPECT_TRUE(decision.sampled);
  EXPECT_EQ(decision.type, "ratelimiting");
  EXPECT_DOUBLE_EQ(decision.param, 1000000);
}

TEST(RemoteSamplerTest, PerOperationStrategiesWithALowerBound) {
  SamplingServer server;
  CapturingLogger logger;
  const std::string perOperation = R"({"strategyType":"PROBABILISTIC",
      "probabilisticSampling":{"samplingRate":1},
      "operationSampling":{"defaultSamplingProbability":0.0,"defaultLowerBoundTracesPerSecond":0.001,
        "perOperationStrategies":[
          {"operation":"checkout","probabilisticSampling":{"samplingRate":1.0}},
          {"operation":"health","probabilisticSampling":{"samplingRate":0.0}}]}})";
  // The first poll, at start, gets it: before the answer is set, it would be a 404, logged.
  server.respond(perOperation);
  RemoteSampler sampler(remoteConfig(server.url(), 1.0), "service", logger);
  serve(server, perOperation);
  EXPECT_EQ(sampler.strategy().type, SamplingStrategy::Type::kPerOperation);

  Decision decision = decide(sampler, kHighId, "checkout");
  EXPECT_TRUE(decision.sampled);
  EXPECT_EQ(decision.type, "probabilistic");
  EXPECT_DOUBLE_EQ(decision.param, 1.0);

  // Rate 0: the probabilistic part says no, the lower bound yes, once.
  decision = decide(sampler, kLowId, "health");
  EXPECT_TRUE(decision.sampled);
  EXPECT_EQ(decision.type, "lowerbound");
  EXPECT_DOUBLE_EQ(decision.param, 0.001);
  EXPECT_EQ(sampledOf(sampler, 100, "health"), 0);

  // Unlisted: the default probability 0, with the lower bound.
  decision = decide(sampler, kLowId, "unlisted");
  EXPECT_TRUE(decision.sampled);
  EXPECT_EQ(decision.type, "lowerbound");
  EXPECT_EQ(sampledOf(sampler, 100, "unlisted"), 0);

  // The same answer again changes nothing: the lower bounds keep their spent credits.
  serve(server, perOperation);
  EXPECT_FALSE(decide(sampler, kLowId, "health").sampled);
  EXPECT_FALSE(decide(sampler, kLowId, "unlisted").sampled);
  EXPECT_TRUE(logger.errors().empty()) << ::testing::PrintToString(logger.errors());
}

TEST(RemoteSamplerTest, MaxOperationsBoundsTheOperationsWithState) {
  SamplingServer server;
  CapturingLogger logger;
  RemoteSampler sampler(remoteConfig(server.url(), 1.0, 2), "service", logger);
  serve(server, R"({"operationSampling":{"defaultSamplingProbability":0.0,
      "defaultLowerBoundTracesPerSecond":0.001,"perOperationStrategies":[
        {"operation":"listed","probabilisticSampling":{"samplingRate":0.0}}]}})");
  // The listed operation and one more have a lower bound ...
  EXPECT_EQ(decide(sampler, kHighId, "listed").type, "lowerbound");
  EXPECT_EQ(decide(sampler, kHighId, "second").type, "lowerbound");
  // ... a third one does not: the default probability 0 decides alone.
  for (int i = 0; i < 10; ++i) {
    const Decision decision = decide(sampler, kLowId, "third");
    EXPECT_FALSE(decision.sampled);
  }
}

TEST(RemoteSamplerTest, BadAnswersKeepTheLastGoodStrategyAndAreLoggedOncePerStreak) {
  SamplingServer server;
  CapturingLogger logger;
  // The poll at start gets a good answer, not the server's default 404: that would be one more
  // logged failure, there or not depending on how fast the sampler's thread is.
  server.respond(kAlways);
  RemoteSampler sampler(remoteConfig(server.url(), 0.0), "service", logger);
  serve(server, kAlways);

  const std::vector<std::pair<int, std::string>> badAnswers = {
      {200, "this is not JSON"},
      {200, R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":"1"}})"},
      {200, R"({"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":[7]}})"},
      {200,
       R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":"2"}})"},
      {200, R"({"strategyType":"SOMETIMES"})"},
      {200, R"([])"},
      {500, "internal error"},
      {404, ""},
  };
  for (const auto& [status, body] : badAnswers) {
    serve(server, status, body);
    EXPECT_EQ(sampler.strategy(), SamplingStrategy::probabilistic(1.0)) << body;
    EXPECT_EQ(sampledOf(sampler, 100), 100) << body;
  }
  // One streak of failures, one line: the first reason, the URL, the strategy kept.
  std::vector<std::string> errors = logger.errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("the answer is not JSON: \"this is not JSON\""), std::string::npos)
      << errors[0];
  EXPECT_NE(errors[0].find(server.url() + "?service=service"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("probabilistic 1"), std::string::npos) << errors[0];

  // A good answer ends the streak (said once), the next failure starts another.
  serve(server, kNever);
  EXPECT_EQ(sampledOf(sampler, 100), 0);
  ASSERT_EQ(logger.infos().size(), 1u);
  EXPECT_NE(logger.infos()[0].find("answers again"), std::string::npos);
  serve(server, 503, "unavailable");
  errors = logger.errors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[1].find("HTTP 503: unavailable"), std::string::npos) << errors[1];
  EXPECT_EQ(sampledOf(sampler, 100), 0);
}

TEST(RemoteSamplerTest, RatesBeyondTheLimiterAreClampedAndLoggedOnce) {
  SamplingServer server;
  CapturingLogger logger;
  const std::string tiny =
      R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":1e-12}})";
  server.respond(tiny);
  RemoteSampler sampler(remoteConfig(server.url(), 0.0), "service", logger);
  // Several polls of the same answer: one line.
  serve(server, tiny);
  serve(server, tiny);
  Decision decision = decide(sampler, kHighId);
  EXPECT_TRUE(decision.sampled);
  EXPECT_EQ(decision.type, "ratelimiting");
  EXPECT_DOUBLE_EQ(decision.param, 1e-9);
  EXPECT_EQ(sampledOf(sampler, 100), 0);
  std::vector<std::string> errors = logger.errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("rateLimitingSampling.maxTracesPerSecond: 1e-12 clamped to 1e-09"),
            std::string::npos)
      << errors[0];

  // Another clamping is another line; an answer in range, then the first one again, too.
  const std::string huge = R"({"operationSampling":{"defaultSamplingProbability":0.0,
      "defaultLowerBoundTracesPerSecond":1e300,"perOperationStrategies":[]}})";
  serve(server, huge);
  serve(server, huge);
  decision = decide(sampler, kHighId, "op");
  EXPECT_TRUE(decision.sampled);
  EXPECT_EQ(decision.type, "lowerbound");
  EXPECT_DOUBLE_EQ(decision.param, 1e9);
  serve(server, kAlways);
  serve(server, tiny);
  errors = logger.errors();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[1].find("defaultLowerBoundTracesPerSecond: 1e+300 clamped to 1e+09"),
            std::string::npos)
      << errors[1];
  EXPECT_NE(errors[2].find("1e-12 clamped"), std::string::npos) << errors[2];
}

TEST(RemoteSamplerTest, AnAgentThatGoesAwayLeavesTheStrategyInForce) {
  auto server = std::make_unique<SamplingServer>();
  CapturingLogger logger;
  server->respond(kAlways);  // not the default 404 at start: one failure only, the agent gone
  RemoteSampler sampler(remoteConfig(server->url(), 0.0), "service", logger);
  serve(*server, kAlways);
  server.reset();
  ASSERT_TRUE(logger.waitForErrors(1));
  EXPECT_EQ(sampler.strategy(), SamplingStrategy::probabilistic(1.0));
  EXPECT_EQ(sampledOf(sampler, 100), 100);
  EXPECT_EQ(logger.errors().size(), 1u);
}

TEST(RemoteSamplerTest, AnAgentThatComesUpLaterIsPickedUp) {
  // A port that was free a moment ago: nobody listens there until the server below binds it.
  uint16_t port = 0;
  { port = SamplingServer().port(); }
  CapturingLogger logger;
  RemoteSampler sampler(remoteConfig("http://127.0.0.1:" + std::to_string(port) + "/sampling", 0.0),
                        "service", logger);
  ASSERT_TRUE(logger.waitForErrors(1));
  EXPECT_NE(logger.errors()[0].find("cannot get the sampling strategy"), std::string::npos);
  EXPECT_EQ(sampledOf(sampler, 100), 0);

  SamplingServer server(port);
  serve(server, kAlways);
  EXPECT_EQ(sampler.strategy(), SamplingStrategy::probabilistic(1.0));
  EXPECT_EQ(sampledOf(sampler, 100), 100);
  EXPECT_EQ(logger.errors().size(), 1u);
}

TEST(RemoteSamplerTest, TheRequestNamesTheServiceAndKeepsTheUsersQuery) {
  SamplingServer server;
  CapturingLogger logger;
  const std::string service = "my service/ü&x=1";
  RemoteSampler sampler(remoteConfig(server.url() + "?tenant=a%20b"), service, logger);
  ASSERT_TRUE(server.waitForPolls(2, kDeadline));
  const auto requests = server.requests();
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].path, "/sampling");
  EXPECT_EQ(requests[0].target, "/sampling?tenant=a%20b&service=my%20service%2F%C3%BC%26x%3D1");
  EXPECT_EQ(requests[0].params.at("service"), service);
  EXPECT_EQ(requests[0].params.at("tenant"), "a b");
  EXPECT_EQ(sampler.requestUrl(),
            server.url() + "?tenant=a%20b&service=my%20service%2F%C3%BC%26x%3D1");
}

TEST(RemoteSamplerTest, RequestUrls) {
  EXPECT_EQ(samplingRequestUrl("http://agent:5778/sampling", "svc"),
            "http://agent:5778/sampling?service=svc");
  EXPECT_EQ(samplingRequestUrl("http://agent:5778/sampling?", "svc"),
            "http://agent:5778/sampling?service=svc");
  EXPECT_EQ(samplingRequestUrl("http://agent:5778/sampling?a=1&", "svc"),
            "http://agent:5778/sampling?a=1&service=svc");
  EXPECT_EQ(samplingRequestUrl("http://agent:5778/sampling?a=1#top", "a b"),
            "http://agent:5778/sampling?a=1&service=a%20b");
  EXPECT_EQ(urlWithoutUserInfo("http://user:secret@agent:5778/sampling?service=x@y"),
            "http://agent:5778/sampling?service=x@y");
  EXPECT_EQ(urlWithoutUserInfo("http://agent:5778/sampling?service=x@y"),
            "http://agent:5778/sampling?service=x@y");
  EXPECT_EQ(urlWithoutUserInfo("https://user@agent"), "https://agent");
}

TEST(RemoteSamplerTest, LogsShowNoCredentials) {
  uint16_t port = 0;
  { port = SamplingServer().port(); }
  CapturingLogger logger;
  RemoteSampler sampler(
      remoteConfig("http://user:s3cret@127.0.0.1:" + std::to_string(port) + "/sampling"), "service",
      logger);
  ASSERT_TRUE(logger.waitForErrors(1));
  EXPECT_EQ(logger.errors()[0].find("s3cret"), std::string::npos) << logger.errors()[0];
  EXPECT_NE(logger.errors()[0].find("http://127.0.0.1:"), std::string::npos) << logger.errors()[0];
}

TEST(RemoteSamplerTest, CloseReturnsPromptly) {
  SamplingServer server;
  // A good answer for the first sampler's poll: otherwise (the server's default is 404) the
  // error it logs races with the close below, and the test would depend on who wins.
  server.respond(kNever);
  CapturingLogger logger;
  // Between polls, with an hour to wait.
  RemoteSampler idle(remoteConfig(server.url(), 0.001, 2000, std::chrono::hours(1)), "service",
                     logger);
  ASSERT_TRUE(server.waitForPolls(1, kDeadline));
  // Not a timing claim: what tells an interrupted wait from a finished one is the hour between
  // polls and the request's 5 s timeout, so the bound is well under those and well over a
  // loaded machine's scheduling delays.
  auto start = Clock::now();
  idle.close();
  EXPECT_LT(Clock::now() - start, 4s);
  idle.close();  // again: nothing left to do

  // In the middle of a request the agent does not answer (the request timeout is 5 s).
  server.hold();
  RemoteSampler waiting(remoteConfig(server.url(), 0.001, 2000, std::chrono::hours(1)), "service",
                        logger);
  ASSERT_TRUE(server.waitForPolls(2, kDeadline));
  start = Clock::now();
  waiting.close();
  EXPECT_LT(Clock::now() - start, 4s);
  // Still deciding, with the strategy in force; a cut-short request is no failure to log.
  EXPECT_EQ(sampledOf(waiting, 10), 0);
  EXPECT_TRUE(logger.errors().empty());
  server.release();
}

TEST(RemoteSamplerTest, ThreadsDecideWhileStrategiesChange) {
  SamplingServer server;
  CapturingLogger logger;
  server.respond(kNever);
  RemoteSampler sampler(remoteConfig(server.url(), 0.5, 50, 1ms), "service", logger);
  std::atomic<bool> done{false};
  std::atomic<long> decisions{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&, t] {
      long mine = 0;
      for (int i = 0; !done.load(std::memory_order_relaxed); ++i) {
        const SamplingDecision decision =
            sampler.isSampled(TraceID(0, randomId()), "op-" + std::to_string((i * 7 + t) % 100));
        // What the tracer does with the tags: copy them at once.
        std::vector<SpanTag> copied(decision.tags->begin(), decision.tags->end());
        if (decision.sampled && copied.size() != 2) ADD_FAILURE() << "tags lost";
        ++mine;
      }
      decisions += mine;
    });
  }
  const std::vector<std::string> answers = {
      kAlways,
      R"({"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":100}})",
      R"({"operationSampling":{"defaultSamplingProbability":0.5,"defaultLowerBoundTracesPerSecond":1,
          "perOperationStrategies":[{"operation":"op-1","probabilisticSampling":{"samplingRate":1}}]}})",
      R"({"operationSampling":{"defaultSamplingProbability":0.2,"defaultLowerBoundTracesPerSecond":2,
          "perOperationStrategies":[{"operation":"op-2","probabilisticSampling":{"samplingRate":1}}]}})",
      kNever,
  };
  for (int round = 0; round < 6; ++round) {
    for (const auto& answer : answers) serve(server, answer);
  }
  done = true;
  for (auto& thread : threads) thread.join();
  EXPECT_GT(decisions.load(), 0);
  EXPECT_TRUE(logger.errors().empty()) << logger.errors()[0];
}

TEST(RemoteSamplerTest, TheTracerTagsRootSpansWithTheSamplerThatDecided) {
  SamplingServer server;
  server.respond(R"({"operationSampling":{"defaultSamplingProbability":0,
      "defaultLowerBoundTracesPerSecond":0.001,"perOperationStrategies":[]}})");
  auto test = testing::TestTracer::make(Config(false, false, remoteConfig(server.url(), 0.0)),
                                        "tagged-service");
  ASSERT_TRUE(server.waitForPolls(2, kDeadline));
  EXPECT_EQ(server.requests()[0].params.at("service"), "tagged-service");
  test.tracer->StartSpan("first")->Finish();
  test.tracer->StartSpan("first")->Finish();  // no credit left: not sampled
  const auto spans = test.reporter->spans();
  ASSERT_EQ(spans.size(), 1u);
  std::optional<std::string> type;
  std::optional<double> param;
  for (const auto& tag : spans[0].tags) {
    if (tag.key == kSamplerTypeTagKey) type = std::get<std::string>(tag.value);
    if (tag.key == kSamplerParamTagKey) param = std::get<double>(tag.value);
  }
  EXPECT_EQ(type, "lowerbound");
  EXPECT_EQ(param, 0.001);
}

TEST(RemoteSamplerTest, TheFactoryMakesARemoteSamplerForTheService) {
  SamplingServer server;
  CapturingLogger logger;
  auto sampler = makeSampler(remoteConfig(server.url()), "factory-service", logger);
  ASSERT_NE(dynamic_cast<RemoteSampler*>(sampler.get()), nullptr);
  ASSERT_TRUE(server.waitForPolls(1, kDeadline));
  EXPECT_EQ(server.requests()[0].params.at("service"), "factory-service");
  sampler->close();
}

TEST(RemoteSamplerTest, AForkedChildPollsOnItsOwn) {
  if (kThreadSanitizer) {
    GTEST_SKIP() << "ThreadSanitizer cannot follow threads started in a forked child";
  }
  SamplingServer server;
  CapturingLogger logger;
  RemoteSampler sampler(remoteConfig(server.url(), 0.0), "forking", logger);
  serve(server, kNever);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The first decision restarts the polling; the parent serves kAlways meanwhile.
    sampler.isSampled(kLowId, "op");
    const auto deadline = Clock::now() + kDeadline;
    while (sampler.strategy() != SamplingStrategy::probabilistic(1.0) && Clock::now() < deadline) {
      std::this_thread::sleep_for(1ms);  // a condition the parent cannot signal across fork
    }
    const bool pickedUp = sampler.strategy() == SamplingStrategy::probabilistic(1.0);
    sampler.close();
    _exit(pickedUp ? 0 : 1);
  }
  serve(server, kAlways);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the child's sampler did not poll";
  // The parent polled on (the polls counted above may have been the child's).
  serve(server, kAlways);
  EXPECT_EQ(sampledOf(sampler, 100), 100);
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
