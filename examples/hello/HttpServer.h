// What formatter and publisher share: a traced request handler's server span, and serving on
// 127.0.0.1 (or --host) until SIGINT or SIGTERM, after which the tracer is closed so its spans
// are sent.
#ifndef JAEGERTRACING_EXAMPLES_HELLO_HTTPSERVER_H
#define JAEGERTRACING_EXAMPLES_HELLO_HTTPSERVER_H

#include <httplib.h>
#include <opentracing/span.h>
#include <opentracing/tracer.h>
#include <signal.h>

#include <memory>
#include <optional>
#include <string>

namespace hello {

// Blocks SIGINT and SIGTERM in the calling thread and so in every thread started after it (the
// tracer's, the server's): only serve()'s sigwait then receives them, never a thread that the
// default action would kill the process in. Call it first thing in main.
sigset_t blockTerminationSignals();

// A span named operationName for the request, with span.kind=server, ChildOf the caller's
// context from the request headers; a root span when there is none (or it is malformed).
std::unique_ptr<opentracing::Span> startServerSpan(const opentracing::Tracer& tracer,
                                                   const httplib::Request& request,
                                                   const std::string& operationName);

struct ServerOptions {
  std::string configFile;
  int port;
  // The address to listen on: 127.0.0.1 by default, 0.0.0.0 in a container.
  std::string host;
};

// Reads "[--config FILE] [--port N] [--host ADDRESS]"; on a bad command line prints why (naming
// `program`) and returns nothing, and the program exits with kExitBadConfiguration.
std::optional<ServerOptions> parseServerOptions(int argc, char** argv, const std::string& program,
                                                int defaultPort);

// The value of the query parameter `name`; when it is missing, answers 400 and marks the span
// as failed, and returns nothing.
std::optional<std::string> requireParam(opentracing::Span& span, const httplib::Request& request,
                                        httplib::Response& response, const std::string& name);

// Binds host:port (0: the OS picks), prints "listening on <host>:<port>" as the first line of
// stdout, serves until one of `signals` arrives, then closes the global tracer.
// Returns the program's exit status.
int serve(httplib::Server& server, const std::string& program, const std::string& host, int port,
          const sigset_t& signals);

}  // namespace hello

#endif  // JAEGERTRACING_EXAMPLES_HELLO_HTTPSERVER_H
