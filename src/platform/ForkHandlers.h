#ifndef JAEGERTRACING_SRC_PLATFORM_FORKHANDLERS_H
#define JAEGERTRACING_SRC_PLATFORM_FORKHANDLERS_H

namespace jaegertracing {
namespace detail {

// Something with a thread or locks that must be put in order around fork(). pthread_atfork
// handlers cannot be removed, so one set of handlers is installed for the process and calls
// whatever is registered at the time of the fork.
class ForkAware {
 public:
  virtual ~ForkAware() = default;
  // In the forking thread, before fork(): take the locks the child must find consistent.
  virtual void prepareFork() noexcept = 0;
  // In the parent, after fork(): release them.
  virtual void parentAfterFork() noexcept = 0;
  // In the child, in the thread that forked (the only one it has): rebuild what the other
  // threads owned.
  virtual void childAfterFork() noexcept = 0;
};

void registerForkAware(ForkAware* object);
void unregisterForkAware(ForkAware* object);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_PLATFORM_FORKHANDLERS_H
