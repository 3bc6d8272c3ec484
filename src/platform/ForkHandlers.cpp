#include "platform/ForkHandlers.h"

#include <pthread.h>

#include <algorithm>
#include <mutex>
#include <vector>

namespace jaegertracing {
namespace detail {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<ForkAware*> objects;
};

// Never destroyed: a fork may happen during static destruction.
Registry& registry() {
  static Registry* instance = new Registry;
  return *instance;
}

void prepare() {
  Registry& r = registry();
  r.mutex.lock();
  for (ForkAware* object : r.objects) object->prepareFork();
}

void parent() {
  Registry& r = registry();
  for (ForkAware* object : r.objects) object->parentAfterFork();
  r.mutex.unlock();
}

void child() {
  Registry& r = registry();
  for (ForkAware* object : r.objects) object->childAfterFork();
  r.mutex.unlock();
}

void installHandlersOnce() {
  static std::once_flag installed;
  std::call_once(installed, [] { pthread_atfork(&prepare, &parent, &child); });
}

}  // namespace

void registerForkAware(ForkAware* object) {
  installHandlersOnce();
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.objects.push_back(object);
}

void unregisterForkAware(ForkAware* object) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.objects.erase(std::remove(r.objects.begin(), r.objects.end(), object), r.objects.end());
}

}  // namespace detail
}  // namespace jaegertracing
