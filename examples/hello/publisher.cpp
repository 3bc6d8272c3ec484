// publisher: GET /publish?helloStr=S prints S on stdout and answers "published", in a server
// span "publish" that continues the caller's trace.
//
//   publisher [--config FILE] [--port N] [--host ADDRESS]
//             (default port 8082, 0: the OS picks; default address 127.0.0.1)
#include <httplib.h>
#include <opentracing/ext/tags.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "HttpServer.h"
#include "TracerSetup.h"

int main(int argc, char** argv) {
  const sigset_t signals = hello::blockTerminationSignals();

  const auto options = hello::parseServerOptions(argc, argv, "publisher", 8082);
  if (!options) {
    return hello::kExitBadConfiguration;
  }
  const auto tracer = hello::setUpTracer("publisher", options->configFile);
  if (!tracer) {
    return hello::kExitBadConfiguration;
  }

  httplib::Server server;
  server.Get("/publish", [&tracer](const httplib::Request& request, httplib::Response& response) {
    const auto span = hello::startServerSpan(*tracer, request, "publish");
    const auto helloStr = hello::requireParam(*span, request, response, "helloStr");
    if (!helloStr) {
      return;
    }
    // One write per line, flushed: handlers run on several threads, and readers wait for it.
    const std::string line = *helloStr + "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
    response.set_content("published", "text/plain");
  });
  return hello::serve(server, "publisher", options->host, options->port, signals);
}
