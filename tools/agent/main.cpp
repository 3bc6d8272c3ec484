// jaeger-test-agent: a stand-in for the Jaeger agent's compact UDP endpoint, for the demo and for
// trying the library by hand. Prints "listening on 127.0.0.1:<port>" first (scripts read the port
// from it), waits for --spans spans, a --timeout or SIGINT/SIGTERM, then prints what it received
// as trace trees.
//
//   jaeger-test-agent [--port N] [--spans N] [--timeout SECONDS] [--json FILE]
//
// Exit status: 0 when --spans spans arrived (or none were asked for), 1 when fewer arrived
// before the timeout or a signal, 2 on bad arguments or when the port cannot be bound.
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include "AgentReceiver.h"
#include "SpanJson.h"
#include "TraceTree.h"

namespace {

using jaegertracing::testing::AgentReceiver;

struct Options {
  uint16_t port = 6831;
  size_t spans = 0;    // 0: no target, run until the timeout or a signal
  double timeout = 0;  // seconds; 0: none
  std::string jsonFile;
};

void usage() {
  std::cerr << "usage: jaeger-test-agent [--port N] [--spans N] [--timeout SECONDS] [--json FILE]\n"
               "  --port N           UDP port on 127.0.0.1 (default 6831; 0: the OS picks)\n"
               "  --spans N          exit once N spans arrived\n"
               "  --timeout SECONDS  give up after this long (exit 1 if --spans were not all in)\n"
               "  --json FILE        also write one JSON object per span, one a line\n";
}

std::optional<unsigned long> parseNumber(const std::string& text, unsigned long max) {
  try {
    size_t used = 0;
    const unsigned long value = std::stoul(text, &used);
    if (used == text.size() && text[0] != '-' && value <= max) {
      return value;
    }
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::optional<Options> parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "-h" || argument == "--help") {
      usage();
      std::exit(0);
    }
    if (i + 1 >= argc) {
      std::cerr << "jaeger-test-agent: " << argument << " needs a value\n";
      return std::nullopt;
    }
    const std::string value = argv[++i];
    if (argument == "--port") {
      const auto port = parseNumber(value, 65535);
      if (!port) {
        std::cerr << "jaeger-test-agent: --port: \"" << value << "\" is not a port number\n";
        return std::nullopt;
      }
      options.port = static_cast<uint16_t>(*port);
    } else if (argument == "--spans") {
      const auto spans = parseNumber(value, 1000000000);
      if (!spans) {
        std::cerr << "jaeger-test-agent: --spans: \"" << value << "\" is not a count\n";
        return std::nullopt;
      }
      options.spans = *spans;
    } else if (argument == "--timeout") {
      char* end = nullptr;
      options.timeout = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || !(options.timeout >= 0) || options.timeout > 1e6) {
        std::cerr << "jaeger-test-agent: --timeout: \"" << value << "\" is not a duration\n";
        return std::nullopt;
      }
    } else if (argument == "--json") {
      options.jsonFile = value;
    } else {
      std::cerr << "jaeger-test-agent: unknown option " << argument << "\n";
      usage();
      return std::nullopt;
    }
  }
  return options;
}

bool writeJson(const std::string& path, const std::vector<jaegertracing::thrift::Batch>& batches) {
  std::ofstream out(path);
  for (const auto& batch : batches) {
    for (const auto& span : batch.spans) {
      out << jaegertracing::testing::spanJsonLine(span, batch.process.serviceName) << '\n';
    }
  }
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = parseOptions(argc, argv);
  if (!options) {
    return 2;
  }

  // Block the signals before any thread starts, so that only sigwait() below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::optional<AgentReceiver> receiver;
  try {
    receiver.emplace(options->port);
  } catch (const std::exception& e) {
    std::cerr << "jaeger-test-agent: " << e.what() << "\n";
    return 2;
  }
  std::cout << "listening on " << receiver->hostPort() << std::endl;

  // The signal thread ends the wait; main sends it SIGTERM itself when the wait ends otherwise.
  std::thread signalWaiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    receiver->cancelWaits();
  });

  const size_t target = options->spans == 0 ? SIZE_MAX : options->spans;
  const auto timeout = options->timeout > 0
                           ? std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::duration<double>(options->timeout))
                           : std::chrono::milliseconds(std::chrono::hours(24 * 365));
  const bool complete = receiver->waitForSpans(target, timeout) || options->spans == 0;
  pthread_kill(signalWaiter.native_handle(), SIGTERM);
  signalWaiter.join();

  const auto batches = receiver->batches();
  size_t spanCount = 0;
  for (const auto& batch : batches) {
    spanCount += batch.spans.size();
  }
  std::cout << jaegertracing::testing::renderTraceTree(batches);
  std::cout << spanCount << " spans in " << batches.size() << " batches, "
            << receiver->malformedDatagrams() << " malformed datagrams" << std::endl;
  for (const auto& error : receiver->errors()) {
    std::cerr << "jaeger-test-agent: malformed " << error << "\n";
  }
  if (!complete) {
    std::cerr << "jaeger-test-agent: " << spanCount << " of " << options->spans
              << " spans arrived\n";
  }

  if (!options->jsonFile.empty() && !writeJson(options->jsonFile, batches)) {
    std::cerr << "jaeger-test-agent: cannot write " << options->jsonFile << "\n";
    return 2;
  }
  return complete ? 0 : 1;
}
