// What the three tutorial programs share to start tracing: the optional --config YAML file
// (jaeger-client-cpp's schema), the JAEGER_* environment over it, and the global tracer.
#ifndef JAEGERTRACING_EXAMPLES_HELLO_TRACERSETUP_H
#define JAEGERTRACING_EXAMPLES_HELLO_TRACERSETUP_H

#include <opentracing/tracer.h>

#include <memory>
#include <string>

namespace hello {

// Exit status of a program whose configuration or command line is bad.
constexpr int kExitBadConfiguration = 2;

// Reads configFile (empty: the tutorial's configuration, every trace sampled and each span
// logged), applies config.fromEnv(), makes the tracer with the console logger and installs it
// as opentracing::Tracer::Global(). On a bad configuration, prints the message (which names the
// key and the value) to stderr and returns nullptr.
std::shared_ptr<opentracing::Tracer> setUpTracer(const std::string& serviceName,
                                                 const std::string& configFile);

// Returns the value after argv[i] and advances i, or prints "<program>: <option> needs a value"
// and returns nullptr.
const char* optionValue(int argc, char** argv, int& i);

// A TCP port 0..65535, else -1.
int parsePort(const std::string& text);

}  // namespace hello

#endif  // JAEGERTRACING_EXAMPLES_HELLO_TRACERSETUP_H
