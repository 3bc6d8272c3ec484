// A process that forks keeps tracing in both halves: the child gets a reporter of its own,
// the parent is unaffected, and no span is sent twice.
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>

#include "agent/AgentReceiver.h"

namespace jaegertracing {
namespace {

using namespace std::chrono_literals;

TEST(ForkTest, ChildReportsItsOwnSpansAndNothingIsSentTwice) {
  testing::AgentReceiver agent;
  auto tracer = std::static_pointer_cast<Tracer>(Tracer::make(
      "forking", Config(false, false, samplers::Config("const", 1),
                        reporters::Config(100, std::chrono::hours(1), false, agent.hostPort()))));
  // Let the reporter thread finish starting and go to sleep first. A thread caught inside
  // pthread_create or malloc by fork() can leave a lock held in the child: glibc's malloc
  // guards against that, but the sanitizers' allocators of this toolchain do not.
  ASSERT_TRUE(tracer->Flush(5s));
  // Queued, not yet sent, at the time of the fork: the parent sends it, the child must not.
  tracer->StartSpan("before-fork")->Finish();

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    tracer->StartSpan("in-child")->Finish();
    const bool flushed = tracer->Flush(5s);
    const TracerStats stats = tracer->stats();
    tracer->Close();
    // Only the child's own span is its to send.
    _exit(flushed && stats.spansReported == 1 ? 0 : 1);
  }
  tracer->StartSpan("in-parent")->Finish();
  tracer->Close();
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the child's reporter did not send its span";

  ASSERT_TRUE(agent.waitForSpans(3, 5s));
  std::map<std::string, int> seen;
  for (const auto& span : agent.spans()) ++seen[span.operationName];
  EXPECT_EQ(seen["before-fork"], 1);
  EXPECT_EQ(seen["in-child"], 1);
  EXPECT_EQ(seen["in-parent"], 1);
  EXPECT_EQ(agent.spans().size(), 3u);
  EXPECT_EQ(tracer->stats().spansReported, 2u);
}

TEST(ForkTest, ChildAndParentDrawDifferentIds) {
  auto tracer = Tracer::make("forking", Config(false, false, samplers::Config("const", 0)));
  tracer->StartSpan("warm-up")->Finish();  // seeds this thread's generator before the fork
  // The reporter thread asleep before the fork, as above.
  ASSERT_TRUE(std::static_pointer_cast<Tracer>(tracer)->Flush(5s));
  int pipeFds[2];
  ASSERT_EQ(pipe(pipeFds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string id = tracer->StartSpan("child")->context().ToTraceID();
    const ssize_t written = write(pipeFds[1], id.data(), id.size());
    _exit(written == static_cast<ssize_t>(id.size()) ? 0 : 1);
  }
  const std::string parentId = tracer->StartSpan("parent")->context().ToTraceID();
  char buffer[64] = {};
  const ssize_t got = read(pipeFds[0], buffer, sizeof buffer);
  close(pipeFds[0]);
  close(pipeFds[1]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_GT(got, 0);
  EXPECT_NE(std::string(buffer, static_cast<size_t>(got)), parentId);
}

}  // namespace
}  // namespace jaegertracing
