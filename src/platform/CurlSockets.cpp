#include "platform/CurlSockets.h"

#include <pthread.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>

#include "platform/CurlGlobal.h"

namespace jaegertracing {
namespace detail {
namespace {

// ---------------------------------------------------------------------------------------------
// fork()
//
// A forked child inherits the parent's keep-alive connection: the same TCP (and TLS) session
// on a descriptor of its own. The child must not touch it through libcurl: curl_easy_cleanup
// would end the TLS session with a close_notify written to the parent's connection, anything
// that reads would steal the parent's response bytes, and the handle may have been copied in
// the middle of a transfer, with libcurl's or OpenSSL's locks held by a thread the child does
// not have. So the reporter abandons the inherited sender (never destroyed, never used) and
// makes a new one, and the fork handler below only close()s the child's copies of libcurl's
// sockets: that drops a reference in the kernel, sends nothing, and leaves the connection to
// the parent alone (without it the child would hold the socket open, CLOSE_WAIT, after the
// parent or the collector closed it). The handle's other allocations are leaked, once per fork.

// The sockets libcurl opened for the process's HTTP senders. A slot packs the socket's inode
// (high 32 bits; sockfs numbers are 32-bit) and fd + 1 (low 32 bits): 0 is empty, so the
// zero-initialized table starts empty. Lock-free, as the child may find any lock held.
constexpr size_t kSocketSlots = 16;
std::atomic<uint64_t> socketSlots[kSocketSlots];

uint64_t socketSlotValue(int fd) {
  struct stat status;
  if (fd < 0 || ::fstat(fd, &status) != 0 || !S_ISSOCK(status.st_mode)) return 0;
  return (static_cast<uint64_t>(static_cast<uint32_t>(status.st_ino)) << 32) |
         static_cast<uint32_t>(fd + 1);
}

void trackSocket(int fd) {
  const uint64_t value = socketSlotValue(fd);
  if (value == 0) return;
  for (auto& slot : socketSlots) {
    uint64_t empty = 0;
    if (slot.compare_exchange_strong(empty, value)) return;
  }
  // All slots taken: this socket would stay open in a forked child, which is harmless.
}

void untrackSocket(int fd) {
  const uint64_t value = socketSlotValue(fd);
  if (value == 0) return;
  for (auto& slot : socketSlots) {
    uint64_t expected = value;
    if (slot.compare_exchange_strong(expected, 0)) return;
  }
}

// pthread_atfork's child handler: only fstat and close, both async-signal-safe.
void closeInheritedSockets() {
  for (auto& slot : socketSlots) {
    const uint64_t value = slot.exchange(0);
    if (value == 0) continue;
    const int fd = static_cast<int>(value & 0xffffffffu) - 1;
    // Only while the number still names that same socket: a slot caught by the fork between
    // libcurl's socket() and its record, or its close() and its release, must never make the
    // child close a descriptor the number now stands for.
    if (socketSlotValue(fd) == value) ::close(fd);
  }
}

}  // namespace

curl_socket_t openCloseOnExecSocket(void*, curlsocktype, curl_sockaddr* address) {
  // A program the application exec()s has no use for the collector's or the agent's connection.
  const int fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  return fd < 0 ? CURL_SOCKET_BAD : fd;
}

curl_socket_t openTrackedSocket(void* context, curlsocktype purpose, curl_sockaddr* address) {
  const curl_socket_t fd = openCloseOnExecSocket(context, purpose, address);
  if (fd != CURL_SOCKET_BAD) trackSocket(fd);
  return fd;
}

int closeTrackedSocket(void*, curl_socket_t fd) {
  untrackSocket(fd);
  return ::close(fd);
}

// libcurl's process-wide initialization (shared with the rest of the library), and the fork
// handler, once.
CURLcode initializeLibcurl() {
  static std::once_flag once;
  std::call_once(once, [] { pthread_atfork(nullptr, nullptr, &closeInheritedSockets); });
  return initializeCurlGlobal();
}

}  // namespace detail
}  // namespace jaegertracing
