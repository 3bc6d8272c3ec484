// A process that forks keeps tracing in both halves: the child gets a reporter of its own,
// the parent is unaffected, and no span is sent twice.
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>

#include "agent/AgentReceiver.h"
#include "support/LoopbackSocket.h"

namespace jaegertracing {
namespace {

using namespace std::chrono_literals;

// Forks only once the reporter thread has started and gone back to sleep. A thread caught inside
// pthread_create or malloc by fork() can leave a lock held in the child (the sanitizers' thread
// registry and allocators of this toolchain do not guard against it as glibc's malloc does), and
// the child's own reporter thread then never starts. A Flush() with nothing queued returns at
// once, before the thread may have finished starting: so a span is sent first, and the flush
// returns only after the thread has run and sent it; all it does next is go back to its wait.
void quiesceReporter(Tracer& tracer) {
  tracer.StartSpan("warm-up")->Finish();
  ASSERT_TRUE(tracer.Flush(5s));
}

TEST(ForkTest, ChildReportsItsOwnSpansAndNothingIsSentTwice) {
  testing::AgentReceiver agent;
  auto tracer = std::static_pointer_cast<Tracer>(Tracer::make(
      "forking", Config(false, false, samplers::Config("const", 1),
                        reporters::Config(100, std::chrono::hours(1), false, agent.hostPort()))));
  ASSERT_NO_FATAL_FAILURE(quiesceReporter(*tracer));
  // The agent's thread, too, is back waiting for datagrams.
  ASSERT_TRUE(agent.waitForSpans(1, 5s));
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

  ASSERT_TRUE(agent.waitForSpans(4, 5s));
  std::map<std::string, int> seen;
  for (const auto& span : agent.spans()) ++seen[span.operationName];
  EXPECT_EQ(seen["warm-up"], 1);
  EXPECT_EQ(seen["before-fork"], 1);
  EXPECT_EQ(seen["in-child"], 1);
  EXPECT_EQ(seen["in-parent"], 1);
  EXPECT_EQ(agent.spans().size(), 4u);
  EXPECT_EQ(tracer->stats().spansReported, 3u);
}

TEST(ForkTest, ChildAndParentDrawDifferentIds) {
  // Spans go to a port nobody listens on: no receiving thread is busy at the fork.
  const uint16_t nowhere = testing::closedLoopbackPort(SOCK_DGRAM);
  ASSERT_NE(nowhere, 0);
  auto tracer = std::static_pointer_cast<Tracer>(
      Tracer::make("forking", Config(false, false, samplers::Config("const", 1),
                                     reporters::Config(100, std::chrono::hours(1), false,
                                                       "127.0.0.1:" + std::to_string(nowhere)))));
  // Also seeds this thread's id generator before the fork.
  ASSERT_NO_FATAL_FAILURE(quiesceReporter(*tracer));
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
