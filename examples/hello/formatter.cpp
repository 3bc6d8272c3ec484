// formatter: GET /format?helloTo=X answers "Hello, X!", in a server span "format" that continues
// the caller's trace.
//
//   formatter [--config FILE] [--port N]      (default port 8081; 0: the OS picks)
#include <httplib.h>
#include <opentracing/ext/tags.h>

#include <iostream>
#include <string>

#include "HttpServer.h"
#include "TracerSetup.h"

int main(int argc, char** argv) {
  const sigset_t signals = hello::blockTerminationSignals();

  std::string configFile;
  int port = 8081;
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
        std::cerr << "formatter: --port: \"" << value << "\" is not a port number" << std::endl;
        return hello::kExitBadConfiguration;
      }
    } else {
      std::cerr << "usage: formatter [--config FILE] [--port N]" << std::endl;
      return hello::kExitBadConfiguration;
    }
  }

  const auto tracer = hello::setUpTracer("formatter", configFile);
  if (!tracer) {
    return hello::kExitBadConfiguration;
  }

  httplib::Server server;
  server.Get("/format", [&tracer](const httplib::Request& request, httplib::Response& response) {
    const auto span = hello::startServerSpan(*tracer, request, "format");
    if (!request.has_param("helloTo")) {
      span->SetTag(opentracing::ext::error, true);
      span->Log({{"event", "error"}, {"message", "missing query parameter helloTo"}});
      response.status = 400;
      response.set_content("missing query parameter helloTo\n", "text/plain");
      return;
    }
    const std::string helloStr = "Hello, " + request.get_param_value("helloTo") + "!";
    span->Log({{"event", "string-format"}, {"value", helloStr}});
    response.set_content(helloStr, "text/plain");
  });
  return hello::serve(server, "formatter", port, signals);
}
