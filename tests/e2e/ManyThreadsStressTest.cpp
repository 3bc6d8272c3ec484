// Where every thread meets at once, for ThreadSanitizer (scripts/test runs it there): threads
// tag, log and finish the same span while others flush, close and replace the global tracer,
// and the counters of every tracer still add up once it is quiet.
#include <gtest/gtest.h>
#include <jaegertracing/Tracer.h>
#include <opentracing/ext/tags.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "support/CollectorServer.h"

namespace jaegertracing {
namespace {

using namespace std::chrono_literals;

struct TextMap : opentracing::TextMapWriter, opentracing::TextMapReader {
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    headers[key] = value;
    return {};
  }
  opentracing::expected<void> ForeachKey(
      std::function<opentracing::expected<void>(opentracing::string_view, opentracing::string_view)>
          f) const override {
    for (const auto& [key, value] : headers) {
      if (auto result = f(key, value); !result) return result;
    }
    return {};
  }
  mutable std::unordered_map<std::string, std::string> headers;
};

TEST(ManyThreadsStressTest, OneSpanSharedWhileOthersFlushCloseAndSwapTheGlobalTracer) {
  testing::CollectorServer collector;
  std::mutex madeMutex;
  std::vector<std::shared_ptr<Tracer>> made;  // kept to read their counters at the end
  const auto makeTracer = [&] {
    reporters::Config reporter(1000, 5ms, false, "", collector.endpoint());
    auto tracer = std::dynamic_pointer_cast<Tracer>(Tracer::make(
        "stress", Config(false, false, samplers::Config("probabilistic", 0.5), reporter)));
    std::lock_guard<std::mutex> lock(madeMutex);
    made.push_back(tracer);
    return tracer;
  };
  opentracing::Tracer::InitGlobal(makeTracer());

  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&, t] {
      int round = 0;
      while (!stop) {
        auto shared =
            std::shared_ptr<opentracing::Span>(opentracing::Tracer::Global()->StartSpan("shared"));
        std::vector<std::thread> users;
        for (int u = 0; u < 3; ++u) {
          users.emplace_back([shared, u, round] {
            for (int i = 0; i < 20; ++i) {
              shared->SetTag("user", u);
              shared->Log({{"event", "step"}, {"i", i}});
              if (i == 10 && (round + u) % 5 == 0) {
                shared->SetTag(opentracing::ext::sampling_priority, 1);
              }
              TextMap carrier;
              shared->tracer().Inject(shared->context(), carrier);
              auto extracted = shared->tracer().Extract(carrier);
              if (extracted && *extracted) {
                shared->tracer().StartSpan("child", {opentracing::ChildOf(extracted->get())});
              }
            }
            shared->Finish();
          });
        }
        for (auto& user : users) user.join();
        ++round;
        if (t == 0 && round % 4 == 0) {
          std::dynamic_pointer_cast<Tracer>(opentracing::Tracer::Global())->Flush(1s);
        }
      }
    });
  }
  threads.emplace_back([&] {
    while (!stop) {
      std::this_thread::sleep_for(20ms);
      opentracing::Tracer::InitGlobal(makeTracer());
    }
  });
  threads.emplace_back([&] {
    while (!stop) {
      std::this_thread::sleep_for(35ms);
      std::shared_ptr<Tracer> victim;
      {
        std::lock_guard<std::mutex> lock(madeMutex);
        victim = made[made.size() / 2];
      }
      victim->Close();
    }
  });
  std::this_thread::sleep_for(1500ms);
  stop = true;
  for (auto& thread : threads) thread.join();
  opentracing::Tracer::InitGlobal(opentracing::MakeNoopTracer());

  for (const auto& tracer : made) {
    tracer->close(5s);
    const TracerStats stats = tracer->stats();
    EXPECT_EQ(stats.spansFinished, stats.spansReported + stats.droppedQueueFull +
                                       stats.droppedTooLarge + stats.droppedSendFailed +
                                       stats.droppedAfterClose + stats.droppedRejected);
  }
  EXPECT_GT(made.size(), 10u);
}

}  // namespace
}  // namespace jaegertracing
