#include "support/LoopbackSocket.h"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

namespace jaegertracing {
namespace testing {

sockaddr_in loopbackAddress(uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  return address;
}

int bindLoopback(int type, uint16_t& port) {
  const int socket = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
  if (socket < 0) return -1;
  sockaddr_in address = loopbackAddress(0);
  socklen_t length = sizeof(address);
  if (::bind(socket, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(socket);
    return -1;
  }
  port = ntohs(address.sin_port);
  return socket;
}

uint16_t closedLoopbackPort(int type) {
  uint16_t port = 0;
  const int socket = bindLoopback(type, port);
  if (socket < 0) return 0;
  ::close(socket);
  return port;
}

}  // namespace testing
}  // namespace jaegertracing
