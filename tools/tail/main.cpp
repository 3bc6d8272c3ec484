// jaeger-tail: a local Jaeger agent (UDP, compact and binary Thrift) and collector (HTTP POST
// /api/traces) that prints each trace as an indented tree once it is complete, i.e. once none
// of its spans arrived for --quiet-ms, and on request writes every trace as a waterfall page
// (--html) and its spans as JSON lines (--json). See TailOptions.cpp for the options.
//
// stdout: one "listening on HOST:PORT (...)" line per endpoint first (scripts read the ports from
// them), then the traces, then "received N spans in M traces: ..." and "rejected ..." when it
// stops.
// Why inputs were rejected goes to stderr.
//
// Exit status: 0 when it stopped (a signal, --timeout or --spans) with every --spans span in,
// 1 when fewer arrived, 2 on a bad command line, a port that cannot be bound or a file that
// cannot be written.
#include <jaegertracing/Version.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "CollectorRoute.h"
#include "HtmlWaterfall.h"
#include "HttpEndpoint.h"
#include "OtlpRoute.h"
#include "TailOptions.h"
#include "TraceAssembler.h"
#include "TraceFiles.h"
#include "agent/AgentReceiver.h"
#include "agent/TraceTree.h"

namespace {

using jaegertracing::tail::HttpEndpoint;
using jaegertracing::tail::TailOptions;
using jaegertracing::tail::Trace;
using jaegertracing::tail::TraceAssembler;
using jaegertracing::testing::AgentReceiver;
using jaegertracing::testing::ThriftProtocol;
using jaegertracing::testing::TreeColors;

constexpr const char* kProgram = "jaeger-tail";
constexpr size_t kShownErrorsPerEndpoint = 10;

std::string generator() { return std::string(kProgram) + " " + JAEGERTRACING_VERSION; }

// Colour for a person at a terminal, never in a pipe or a file (https://no-color.org).
TreeColors treeColors(const TailOptions& options) {
  const char* noColor = std::getenv("NO_COLOR");
  const bool wanted = !options.noColor && (noColor == nullptr || noColor[0] == '\0');
  return wanted && ::isatty(STDOUT_FILENO) ? TreeColors::kAnsi : TreeColors::kNone;
}

std::string plural(size_t count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

void printTraces(const std::vector<Trace>& traces, TreeColors colors) {
  for (const auto& trace : traces) {
    if (trace.shownSpanCount > 0) {
      std::cout << plural(trace.spanCount - trace.shownSpanCount, "more span")
                << " arrived after the trace was shown; all of it again:\n";
    }
    std::cout << jaegertracing::testing::renderTraceTree(trace.batches, colors) << '\n';
  }
  std::cout.flush();
}

// The endpoints, bound before anything is printed so that a taken port fails at once.
struct Endpoints {
  std::optional<AgentReceiver> compact;
  std::optional<AgentReceiver> binary;
  std::optional<HttpEndpoint> collector;
  std::optional<HttpEndpoint> otlp;
};

class Files {
 public:
  explicit Files(const TailOptions& options) : html_(options.htmlFile), json_(options.jsonFile) {}

  // Returns false (and says why) when a file could not be written.
  bool write(const std::vector<Trace>& traces) const {
    bool written = true;
    if (!html_.empty()) {
      written &=
          report(html_, jaegertracing::tail::replaceFile(
                            html_, jaegertracing::tail::renderHtmlWaterfall(traces, generator())));
    }
    if (!json_.empty()) {
      written &= report(
          json_, jaegertracing::tail::replaceFile(json_, jaegertracing::tail::jsonLines(traces)));
    }
    return written;
  }

  void announce() const {
    if (!html_.empty()) {
      std::cout << "wrote " << html_ << " (waterfall page)\n";
    }
    if (!json_.empty()) {
      std::cout << "wrote " << json_ << " (spans as JSON lines)\n";
    }
  }

 private:
  static bool report(const std::string& path, const std::string& error) {
    if (!error.empty()) {
      std::cerr << kProgram << ": " << path << ": " << error << "\n";
    }
    return error.empty();
  }

  std::string html_;
  std::string json_;
};

void printRejections(const std::string& what, const std::vector<std::string>& errors,
                     size_t count) {
  for (size_t i = 0; i < std::min(errors.size(), kShownErrorsPerEndpoint); ++i) {
    std::cerr << kProgram << ": rejected " << what << ": " << errors[i] << "\n";
  }
  if (count > kShownErrorsPerEndpoint) {
    std::cerr << kProgram << ": ... and " << count - kShownErrorsPerEndpoint << " more " << what
              << "s\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = jaegertracing::tail::parseTailOptions(argc, argv, std::cerr);
  if (!options) {
    return 2;
  }
  if (options->help) {
    jaegertracing::tail::printUsage(std::cout);
    return 0;
  }
  if (options->version) {
    std::cout << generator() << "\n";
    return 0;
  }

  // Block the signals before any thread starts, so that only sigwait() below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  TraceAssembler assembler(options->quietPeriod);
  const auto collect = [&assembler](jaegertracing::thrift::Batch&& batch) {
    assembler.add(std::move(batch));
  };
  Endpoints endpoints;
  try {
    endpoints.compact.emplace(
        AgentReceiver::Endpoint{options->host, options->agentPort, ThriftProtocol::kCompact},
        collect);
    endpoints.binary.emplace(
        AgentReceiver::Endpoint{options->host, options->agentBinaryPort, ThriftProtocol::kBinary},
        collect);
    endpoints.collector.emplace(options->host, options->collectorPort,
                                jaegertracing::tail::collectorRoute(), collect);
    endpoints.otlp.emplace(options->host, options->otlpPort, jaegertracing::tail::otlpRoute(),
                           collect);
  } catch (const std::exception& error) {
    std::cerr << kProgram << ": " << error.what() << "\n";
    return 2;
  }

  // An empty page and file at once: a path that cannot be written fails now, not at the end.
  const Files files(*options);
  if (!files.write({})) {
    return 2;
  }

  std::cout << "listening on " << endpoints.compact->hostPort() << " (agent, UDP, Thrift compact)\n"
            << "listening on " << endpoints.binary->hostPort() << " (agent, UDP, Thrift binary)\n"
            << "listening on " << endpoints.collector->hostPort()
            << " (collector, HTTP, POST /api/traces)\n"
            << "listening on " << endpoints.otlp->hostPort() << " (OTLP/HTTP, POST /v1/traces)"
            << std::endl;

  std::thread signalWaiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    assembler.stop();
  });

  const TreeColors colors = treeColors(*options);
  const size_t target = options->spans == 0 ? SIZE_MAX : options->spans;
  const auto deadline = options->timeoutSeconds > 0
                            ? TraceAssembler::Clock::now() +
                                  std::chrono::duration_cast<TraceAssembler::Clock::duration>(
                                      std::chrono::duration<double>(options->timeoutSeconds))
                            : TraceAssembler::Clock::time_point::max();
  bool filesWritten = true;
  for (;;) {
    const uint64_t seen = assembler.generation();
    const auto now = TraceAssembler::Clock::now();
    const auto completed = assembler.takeCompleted(now);
    if (!completed.empty()) {
      printTraces(completed, colors);
      filesWritten &= files.write(assembler.all());
    }
    if (assembler.stopped() || assembler.spanCount() >= target || now >= deadline) {
      break;
    }
    assembler.waitForActivity(seen,
                              std::min(deadline, assembler.nextCompletion().value_or(deadline)));
  }

  // Nothing arrives after this, so the traces, files and counts below agree.
  endpoints.collector->stop();
  endpoints.otlp->stop();
  endpoints.compact->stop();
  endpoints.binary->stop();
  pthread_kill(signalWaiter.native_handle(), SIGTERM);
  signalWaiter.join();

  printTraces(assembler.takeUnfinished(), colors);
  const size_t spans = assembler.spanCount();
  const size_t compactRejected = endpoints.compact->malformedDatagrams();
  const size_t binaryRejected = endpoints.binary->malformedDatagrams();
  const size_t httpRejected = endpoints.collector->rejectedRequests();
  const size_t otlpRejected = endpoints.otlp->rejectedRequests();
  std::cout << "received " << plural(spans, "span") << " in "
            << plural(assembler.traceCount(), "trace") << ": " << endpoints.compact->receivedSpans()
            << " by UDP compact, " << endpoints.binary->receivedSpans() << " by UDP binary, "
            << endpoints.collector->receivedSpans() << " by HTTP, "
            << endpoints.otlp->receivedSpans() << " by OTLP\n"
            << "rejected " << plural(compactRejected, "compact datagram") << ", "
            << plural(binaryRejected, "binary datagram") << ", "
            << plural(httpRejected, "HTTP request") << ", " << plural(otlpRejected, "OTLP request")
            << std::endl;
  printRejections("compact datagram", endpoints.compact->errors(), compactRejected);
  printRejections("binary datagram", endpoints.binary->errors(), binaryRejected);
  printRejections("HTTP request", endpoints.collector->errors(), httpRejected);
  printRejections("OTLP request", endpoints.otlp->errors(), otlpRejected);

  filesWritten &= files.write(assembler.all());
  files.announce();
  std::cout.flush();
  if (!filesWritten) {
    return 2;
  }
  if (spans < options->spans) {
    std::cerr << kProgram << ": " << spans << " of " << options->spans << " spans arrived\n";
    return 1;
  }
  return 0;
}
