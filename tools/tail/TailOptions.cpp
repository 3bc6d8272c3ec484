#include "TailOptions.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <iterator>

namespace jaegertracing {
namespace tail {
namespace {

std::optional<unsigned long> parseCount(const std::string& text, unsigned long max) {
  if (text.empty() || text[0] == '-' || text[0] == '+') {
    return std::nullopt;
  }
  try {
    size_t used = 0;
    const unsigned long value = std::stoul(text, &used);
    if (used == text.size() && value <= max) {
      return value;
    }
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::optional<double> parseSeconds(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(value) || value < 0 || value > 1e6) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

void printUsage(std::ostream& out) {
  out << "usage: jaeger-tail [options]\n"
         "A local Jaeger agent and collector that prints each trace as it completes.\n"
         "\n"
         "  --host ADDRESS            address to listen on (default 127.0.0.1)\n"
         "  --agent-port N            UDP, compact Thrift emitBatch (default 6831; 0: the OS "
         "picks)\n"
         "  --agent-binary-port N     UDP, binary Thrift emitBatch (default 6832)\n"
         "  --collector-port N        HTTP, POST /api/traces (default 14268)\n"
         "  --otlp-port N             OTLP/HTTP, POST /v1/traces: protobuf or JSON, gzip\n"
         "                            (default 4318)\n"
         "  --quiet-ms N              a trace is complete when none of its spans arrived for "
         "this\n"
         "                            long (default 2000)\n"
         "  --html FILE               write a waterfall page of every trace (self-contained)\n"
         "  --json FILE               write every span as JSON, one a line\n"
         "  --spans N                 exit once N spans arrived\n"
         "  --timeout SECONDS         exit after this long (status 1 if --spans were not all "
         "in)\n"
         "  --no-color                plain text even on a terminal (so does NO_COLOR=1)\n"
         "  --version                 print the version and exit\n"
         "  --help                    print this and exit\n"
         "\n"
         "Stops on SIGINT or SIGTERM: prints the traces not shown yet, what was received and\n"
         "rejected, and writes the files.\n";
}

std::optional<TailOptions> parseTailOptions(int argc, const char* const* argv,
                                            std::ostream& errors) {
  TailOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "-h" || argument == "--help") {
      options.help = true;
      continue;
    }
    if (argument == "--version") {
      options.version = true;
      continue;
    }
    if (argument == "--no-color") {
      options.noColor = true;
      continue;
    }
    static const char* const kValueOptions[] = {
        "--host",           "--agent-port", "--agent-binary-port",
        "--collector-port", "--otlp-port",  "--quiet-ms",
        "--html",           "--json",       "--spans",
        "--timeout"};
    if (std::find(std::begin(kValueOptions), std::end(kValueOptions), argument) ==
        std::end(kValueOptions)) {
      errors << "jaeger-tail: unknown option " << argument << " (see --help)\n";
      return std::nullopt;
    }
    if (i + 1 >= argc) {
      errors << "jaeger-tail: " << argument << " needs a value\n";
      return std::nullopt;
    }
    const std::string value = argv[++i];
    const auto bad = [&](const char* what) {
      errors << "jaeger-tail: " << argument << ": \"" << value << "\" is not " << what << "\n";
      return std::nullopt;
    };
    if (argument == "--host") {
      if (value.empty()) {
        return bad("an address");
      }
      options.host = value;
    } else if (argument == "--agent-port" || argument == "--agent-binary-port" ||
               argument == "--collector-port" || argument == "--otlp-port") {
      const auto port = parseCount(value, 65535);
      if (!port) {
        return bad("a port number");
      }
      (argument == "--agent-port"          ? options.agentPort
       : argument == "--agent-binary-port" ? options.agentBinaryPort
       : argument == "--otlp-port"         ? options.otlpPort
                                           : options.collectorPort) = static_cast<uint16_t>(*port);
    } else if (argument == "--quiet-ms") {
      const auto quiet = parseCount(value, 3600000);
      if (!quiet) {
        return bad("a number of milliseconds up to an hour");
      }
      options.quietPeriod = std::chrono::milliseconds(*quiet);
    } else if (argument == "--html" || argument == "--json") {
      if (value.empty()) {
        return bad("a file name");
      }
      (argument == "--html" ? options.htmlFile : options.jsonFile) = value;
    } else if (argument == "--spans") {
      const auto spans = parseCount(value, 1000000000);
      if (!spans) {
        return bad("a count");
      }
      options.spans = *spans;
    } else {  // --timeout
      const auto seconds = parseSeconds(value);
      if (!seconds) {
        return bad("a number of seconds");
      }
      options.timeoutSeconds = *seconds;
    }
  }
  return options;
}

}  // namespace tail
}  // namespace jaegertracing
