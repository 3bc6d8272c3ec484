#include "soak/ProcessMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <fstream>
#include <string>

namespace jaegertracing {
namespace testing {
namespace {

// The value of one "Name:   123 kB" line of /proc/self/status.
uint64_t statusKiB(const std::string& name) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = name + ":";
  while (std::getline(status, line)) {
    if (line.compare(0, prefix.size(), prefix) == 0) {
      return std::stoull(line.substr(prefix.size()));
    }
  }
  return 0;
}

}  // namespace

uint64_t residentKiB() {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  // Memory the program freed but glibc's arenas still hold (a thread's arena keeps its free
  // pages until something trims it) is not memory the tracer holds: hand it back first, so
  // that what is measured is what is in use, and growth means a leak, not fragmentation.
  malloc_trim(0);
#endif
  return statusKiB("VmRSS");
}

uint64_t peakResidentKiB() { return statusKiB("VmHWM"); }

}  // namespace testing
}  // namespace jaegertracing
