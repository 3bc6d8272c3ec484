// What formatter and publisher share: a traced request handler's server span, and serving on
// 127.0.0.1 until SIGINT or SIGTERM, after which the tracer is closed so its spans are sent.
#ifndef JAEGERTRACING_EXAMPLES_HELLO_HTTPSERVER_H
#define JAEGERTRACING_EXAMPLES_HELLO_HTTPSERVER_H

#include <httplib.h>
#include <opentracing/span.h>
#include <opentracing/tracer.h>
#include <signal.h>

#include <memory>
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

// Binds 127.0.0.1:port (0: the OS picks), prints "listening on 127.0.0.1:<port>" as the first
// line of stdout, serves until one of `signals` arrives, then closes the global tracer.
// Returns the program's exit status.
int serve(httplib::Server& server, const std::string& program, int port, const sigset_t& signals);

}  // namespace hello

#endif  // JAEGERTRACING_EXAMPLES_HELLO_HTTPSERVER_H
