#include "soak/ProcessMemory.h"

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

uint64_t residentKiB() { return statusKiB("VmRSS"); }

uint64_t peakResidentKiB() { return statusKiB("VmHWM"); }

}  // namespace testing
}  // namespace jaegertracing
