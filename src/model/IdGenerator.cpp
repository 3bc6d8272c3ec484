#include "model/IdGenerator.h"

#include <pthread.h>

#include <atomic>
#include <random>

namespace jaegertracing {
namespace detail {
namespace {

// Bumped in a forked child; each thread compares it with the epoch it was seeded in.
std::atomic<uint64_t> forkEpoch{1};

void onFork() { forkEpoch.fetch_add(1, std::memory_order_relaxed); }

struct ForkHandlerInstaller {
  ForkHandlerInstaller() { pthread_atfork(nullptr, nullptr, &onFork); }
};
const ForkHandlerInstaller forkHandlerInstaller;

// xoshiro256** (Blackman and Vigna): fast, 256 bits of state, passes BigCrush.
struct Xoshiro256 {
  uint64_t s[4] = {0, 0, 0, 0};
  uint64_t seededEpoch = 0;

  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  void seed() {
    std::random_device device;
    for (auto& word : s) {
      word = (static_cast<uint64_t>(device()) << 32) ^ device();
    }
    if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 0x9e3779b97f4a7c15ULL;
    seededEpoch = forkEpoch.load(std::memory_order_relaxed);
  }

  uint64_t next() {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
};

thread_local Xoshiro256 generator;

}  // namespace

uint64_t randomId() noexcept {
  if (generator.seededEpoch != forkEpoch.load(std::memory_order_relaxed)) {
    try {
      generator.seed();
    } catch (...) {
      // No entropy source: fall back to the address of this thread's state and the epoch.
      generator.s[0] = reinterpret_cast<uintptr_t>(&generator) ^ 0x9e3779b97f4a7c15ULL;
      generator.s[1] = forkEpoch.load(std::memory_order_relaxed) * 0xbf58476d1ce4e5b9ULL;
      generator.seededEpoch = forkEpoch.load(std::memory_order_relaxed);
    }
  }
  uint64_t id;
  do {
    id = generator.next();
  } while (id == 0);
  return id;
}

}  // namespace detail
}  // namespace jaegertracing
