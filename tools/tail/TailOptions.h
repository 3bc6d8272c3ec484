// jaeger-tail's command line. Every option has a default that makes `jaeger-tail` alone act like
// a local Jaeger agent and collector and an OTLP/HTTP receiver on their usual ports, on
// 127.0.0.1 only.
#ifndef JAEGERTRACING_TOOLS_TAIL_TAILOPTIONS_H
#define JAEGERTRACING_TOOLS_TAIL_TAILOPTIONS_H

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace jaegertracing {
namespace tail {

struct TailOptions {
  std::string host = "127.0.0.1";
  uint16_t agentPort = 6831;        // compact Thrift over UDP; 0: the OS picks
  uint16_t agentBinaryPort = 6832;  // binary Thrift over UDP
  uint16_t collectorPort = 14268;   // HTTP
  uint16_t otlpPort = 4318;         // OTLP/HTTP
  std::chrono::milliseconds quietPeriod{2000};
  std::string htmlFile;
  std::string jsonFile;
  size_t spans = 0;           // 0: no target
  double timeoutSeconds = 0;  // 0: none
  bool noColor = false;
  bool help = false;
  bool version = false;
};

void printUsage(std::ostream& out);

// On a bad command line writes why to `errors` and returns nothing.
std::optional<TailOptions> parseTailOptions(int argc, const char* const* argv,
                                            std::ostream& errors);

}  // namespace tail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_TAIL_TAILOPTIONS_H
