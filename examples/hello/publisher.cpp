// publisher: GET /publish?helloStr=S prints S on stdout and answers "published", in a server
// span "publish" that continues the caller's trace.
//
//   publisher [--config FILE] [--port N]      (default port 8082; 0: the OS picks)
#include <httplib.h>
#include <opentracing/ext/tags.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "HttpServer.h"
#include "TracerSetup.h"

int main(int argc, char** argv) {
  const sigset_t signals = hello::blockTerminationSignals();

  std::string configFile;
  int port = 8082;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const char* value = nullptr;
    if ((argument == "--config" || argument == "--port") &&
        (value = hello::optionValue(argc, argv, i)) == nullptr) {
      return hello::kExitBadConfiguration;
    }
    if (argument == "--config") {
      configFile = value;
    } else if (argument == "--port") {
      port = hello::parsePort(value);
      if (port < 0) {
        std::cerr << "publisher: --port: \"" << value << "\" is not a port number" << std::endl;
        return hello::kExitBadConfiguration;
      }
    } else {
      std::cerr << "usage: publisher [--config FILE] [--port N]" << std::endl;
      return hello::kExitBadConfiguration;
    }
  }

  const auto tracer = hello::setUpTracer("publisher", configFile);
  if (!tracer) {
    return hello::kExitBadConfiguration;
  }

  httplib::Server server;
  server.Get("/publish", [&tracer](const httplib::Request& request, httplib::Response& response) {
    const auto span = hello::startServerSpan(*tracer, request, "publish");
    if (!request.has_param("helloStr")) {
      span->SetTag(opentracing::ext::error, true);
      span->Log({{"event", "error"}, {"message", "missing query parameter helloStr"}});
      response.status = 400;
      response.set_content("missing query parameter helloStr\n", "text/plain");
      return;
    }
    // One write per line, flushed: handlers run on several threads, and readers wait for it.
    const std::string line = request.get_param_value("helloStr") + "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
    response.set_content("published", "text/plain");
  });
  return hello::serve(server, "publisher", port, signals);
}
