// formatter: GET /format?helloTo=X answers "Hello, X!", in a server span "format" that continues
// the caller's trace.
//
//   formatter [--config FILE] [--port N] [--host ADDRESS]
//             (default port 8081, 0: the OS picks; default address 127.0.0.1)
#include <httplib.h>
#include <opentracing/ext/tags.h>

#include <iostream>
#include <string>

#include "HttpServer.h"
#include "TracerSetup.h"

int main(int argc, char** argv) {
  const sigset_t signals = hello::blockTerminationSignals();

  const auto options = hello::parseServerOptions(argc, argv, "formatter", 8081);
  if (!options) {
    return hello::kExitBadConfiguration;
  }
  const auto tracer = hello::setUpTracer("formatter", options->configFile);
  if (!tracer) {
    return hello::kExitBadConfiguration;
  }

  httplib::Server server;
  server.Get("/format", [&tracer](const httplib::Request& request, httplib::Response& response) {
    const auto span = hello::startServerSpan(*tracer, request, "format");
    const auto helloTo = hello::requireParam(*span, request, response, "helloTo");
    if (!helloTo) {
      return;
    }
    const std::string helloStr = "Hello, " + *helloTo + "!";
    span->Log({{"event", "string-format"}, {"value", helloStr}});
    response.set_content(helloStr, "text/plain");
  });
  return hello::serve(server, "formatter", options->host, options->port, signals);
}
