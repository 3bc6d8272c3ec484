// When a Tracer is destroyed: once no handle on it is left and no span of it is alive, on
// whichever thread lets go of the last of them.
//
// The application's handles are shared_ptrs whose deleter does not delete the tracer but calls
// lastHandleDropped. With no span alive the tracer is closed and deleted there. Otherwise it
// sends what is queued (so a program that exits next loses nothing) and lives on as a
// "retired" tracer: its spans keep a valid tracer(), Inject, and a reporter for a span a
// sampling.priority tag samples late. The span that ends last closes and deletes it.
//
// Spans count themselves in LiveSpans without a locked instruction. A span ending checks the
// tracer's handlesGone flag first: while it is false the span only counts its end; once true,
// ends go through the registry's mutex, under which a retired tracer is found dead and taken
// out. A span that read false just before the flag was set may end unseen; its tracer is then
// found dead by the next sweep (every retirement and every Tracer::make), never too early:
// LiveSpans answers "none" only once every end is visible.
#include "tracer/TracerLifetime.h"

#include <jaegertracing/Tracer.h>
#include <pthread.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include "tracer/TracerCore.h"

namespace jaegertracing {
namespace detail {
namespace {

struct Retired {
  std::mutex mutex;
  std::vector<Tracer*> tracers;
};

void lockRetired();
void unlockRetired();

// Never destroyed: spans may end while static destructors run at exit. The registry's lock is
// taken around fork(), so that a child never inherits it held by a thread it does not have.
Retired& retired() {
  static Retired* instance = [] {
    auto* registry = new Retired();
    pthread_atfork(&lockRetired, &unlockRetired, &unlockRetired);
    return registry;
  }();
  return *instance;
}

void lockRetired() { retired().mutex.lock(); }
void unlockRetired() { retired().mutex.unlock(); }

void destroy(Tracer* tracer) noexcept {
  // ~Tracer closes it within its bound.
  delete tracer;
}

// The retired tracers whose spans have all ended, taken out of the registry.
std::vector<Tracer*> takeDead(Retired& registry) noexcept {
  std::vector<Tracer*> dead;
  std::lock_guard<std::mutex> lock(registry.mutex);
  auto& tracers = registry.tracers;
  for (auto it = tracers.begin(); it != tracers.end();) {
    if (TracerLifetime::core(**it).liveSpans().none()) {
      try {
        dead.push_back(*it);
      } catch (...) {
        ++it;  // out of memory: found again by a later sweep
        continue;
      }
      it = tracers.erase(it);
    } else {
      ++it;
    }
  }
  return dead;
}

}  // namespace

void TracerLifetime::sweepRetired() noexcept {
  for (Tracer* tracer : takeDead(retired())) destroy(tracer);
}

std::shared_ptr<Tracer> TracerLifetime::make(std::unique_ptr<TracerCore> core) {
  sweepRetired();
  // Should the control block's allocation throw, the deleter runs on the new tracer.
  return std::shared_ptr<Tracer>(new Tracer(std::move(core)), &TracerLifetime::lastHandleDropped);
}

void TracerLifetime::lastHandleDropped(Tracer* tracer) noexcept {
  TracerCore& core = *tracer->core_;
  // No handle and no span: nothing can reach the tracer any more.
  if (core.liveSpans().none()) {
    destroy(tracer);
    sweepRetired();
    return;
  }
  // Spans live on, and may be reported later: send what is queued now, for a program that
  // exits next.
  tracer->Flush(Tracer::kDefaultCloseTimeout);
  Retired& registry = retired();
  bool deadNow = false;
  {
    std::lock_guard<std::mutex> lock(registry.mutex);
    core.handlesGone().store(true, std::memory_order_seq_cst);
    if (core.liveSpans().none()) {
      deadNow = true;
    } else {
      try {
        registry.tracers.push_back(tracer);
      } catch (...) {
        // Out of memory: the tracer is kept, open, for the rest of the process.
      }
    }
  }
  if (deadNow) destroy(tracer);
  sweepRetired();
}

void TracerLifetime::spanEnded(const Tracer& tracer) noexcept {
  TracerCore& core = *tracer.core_;
  if (!core.handlesGone().load(std::memory_order_acquire)) {
    // The common case, and the span's last touch of the tracer.
    core.liveSpans().ended();
    return;
  }
  Retired& registry = retired();
  Tracer* dead = nullptr;
  {
    std::lock_guard<std::mutex> lock(registry.mutex);
    core.liveSpans().ended();
    auto& tracers = registry.tracers;
    const auto it = std::find(tracers.begin(), tracers.end(), &tracer);
    if (it != tracers.end() && core.liveSpans().none()) {
      dead = *it;
      tracers.erase(it);
    }
  }
  if (dead != nullptr) destroy(dead);
}

TracerCore& TracerLifetime::core(const Tracer& tracer) { return *tracer.core_; }

}  // namespace detail
}  // namespace jaegertracing
