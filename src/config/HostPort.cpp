#include "config/HostPort.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

namespace jaegertracing {
namespace detail {
namespace config {
namespace {

// Names and IPv4 addresses; whatever else ends up here ("http://host", "host name") is a typo
// that would only show up later as a failed DNS lookup on the reporter's thread.
bool isHostName(const std::string& host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_';
  });
}

bool isIPv6(const std::string& address) {
  // A zone ("fe80::1%eth0") is legal in a socket address but unknown to inet_pton.
  const auto zone = address.find('%');
  const auto bare = address.substr(0, zone);
  if (zone != std::string::npos) {
    // The zone is an interface name or index: nothing that could close a bracket or a port.
    const auto name = address.substr(zone + 1);
    const bool interfaceName = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
    if (!interfaceName) return false;
  }
  in6_addr parsed;
  return inet_pton(AF_INET6, bare.c_str(), &parsed) == 1;
}

constexpr const char* kNotHostPort = "is not host:port (e.g. 127.0.0.1:6831 or [::1]:6831)";

}  // namespace

Checked<uint16_t> checkPort(const std::string& key, const std::string& text) {
  const bool digits =
      !text.empty() && text.size() <= 5 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto port = digits ? std::stoi(text) : 0;
  if (port < 1 || port > 65535) {
    return fail(key, text, "is not a port (1 to 65535)");
  }
  return static_cast<uint16_t>(port);
}

Checked<std::string> checkHost(const std::string& key, const std::string& text) {
  if (text.size() > 2 && text.front() == '[' && text.back() == ']' &&
      isIPv6(text.substr(1, text.size() - 2))) {
    return text;
  }
  if (text.find(':') != std::string::npos && isIPv6(text)) {
    return "[" + text + "]";
  }
  if (!isHostName(text)) {
    return fail(key, text, "is not a host name or IP address");
  }
  return text;
}

Checked<HostPort> checkHostPort(const std::string& key, const std::string& text) {
  std::string host;
  std::string port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return fail(key, text, kNotHostPort);
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
    if (!isIPv6(host)) {
      return fail(key, text, "is not host:port: the host in brackets is not an IPv6 address");
    }
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
      return fail(key, text, kNotHostPort);
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string::npos) {
      return fail(key, text, "is not host:port: write an IPv6 host in brackets, e.g. [::1]:6831");
    }
    if (!isHostName(host)) {
      return fail(key, text, kNotHostPort);
    }
  }
  const auto checkedPort = checkPort(key, port);
  if (!checkedPort) {
    return fail(key, text, "is not host:port with a port in 1..65535");
  }
  return HostPort{host, *checkedPort};
}

}  // namespace config

HostPort parseHostPort(const std::string& key, const std::string& text) {
  return config::orThrow(config::checkHostPort(key, text));
}

}  // namespace detail
}  // namespace jaegertracing
