#ifndef JAEGERTRACING_SRC_MODEL_IDGENERATOR_H
#define JAEGERTRACING_SRC_MODEL_IDGENERATOR_H

#include <cstdint>

namespace jaegertracing {
namespace detail {

// A non-zero random 64-bit id from a per-thread generator: no lock, no system call after the
// thread's first id. The generator is seeded from std::random_device once per thread and
// reseeded in a forked child, so parent and child never draw the same ids.
uint64_t randomId() noexcept;

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_MODEL_IDGENERATOR_H
