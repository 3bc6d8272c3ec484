// Written the way jaeger-client-cpp's own example is: parse YAML, Tracer::make with a console
// logger, InitGlobal, spans through the global tracer, Close. It also listens as the agent
// and exits non-zero unless a datagram arrives, so the installed library is shown to report.
#include <arpa/inet.h>
#include <jaegertracing/Tracer.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <iostream>
#include <string>

namespace {

void setUpTracer(const std::string& yaml) {
  auto configYAML = YAML::Load(yaml);
  auto config = jaegertracing::Config::parse(configYAML);
  auto tracer = jaegertracing::Tracer::make("example-service", config,
                                            jaegertracing::logging::consoleLogger());
  opentracing::Tracer::InitGlobal(std::static_pointer_cast<opentracing::Tracer>(tracer));
}

void tracedSubroutine(const std::unique_ptr<opentracing::Span>& parentSpan) {
  auto span = opentracing::Tracer::Global()->StartSpan(
      "tracedSubroutine", {opentracing::ChildOf(&parentSpan->context())});
}

void tracedFunction() {
  auto span = opentracing::Tracer::Global()->StartSpan("tracedFunction");
  tracedSubroutine(span);
}

}  // namespace

int main() {
  const int agent = socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (agent < 0 || bind(agent, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(agent, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    std::cerr << "consumer: cannot open the test agent socket\n";
    return 1;
  }
  const std::string port = std::to_string(ntohs(address.sin_port));

  setUpTracer(
      "disabled: false\n"
      "reporter:\n"
      "  logSpans: true\n"
      "  localAgentHostPort: 127.0.0.1:" +
      port +
      "\n"
      "sampler:\n"
      "  type: const\n"
      "  param: 1\n");
  tracedFunction();
  opentracing::Tracer::Global()->Close();

  timeval timeout{5, 0};
  setsockopt(agent, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  char datagram[65536];
  const ssize_t received = recv(agent, datagram, sizeof datagram, 0);
  close(agent);
  if (received <= 0) {
    std::cerr << "consumer: no datagram reached the agent\n";
    return 1;
  }
  std::cout << "consumer: the installed library reported " << received << " bytes\n";
  return 0;
}
