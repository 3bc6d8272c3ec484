// Where the tracer writes what it has to say: start-up problems, send failures and, with
// reporter.logSpans, each reported span. Loggers are only called from the tracer's own
// threads or from Tracer::make/Close, never per span on the application's thread.
#ifndef JAEGERTRACING_LOGGING_H
#define JAEGERTRACING_LOGGING_H

#include <memory>
#include <string>

namespace jaegertracing {
namespace logging {

class Logger {
 public:
  virtual ~Logger() = default;
  virtual void error(const std::string& message) = 0;
  virtual void info(const std::string& message) = 0;
};

// Writes "ERROR: ..." and "INFO: ..." lines to standard error.
std::unique_ptr<Logger> consoleLogger();
// Discards everything.
std::unique_ptr<Logger> nullLogger();

}  // namespace logging
}  // namespace jaegertracing

#endif  // JAEGERTRACING_LOGGING_H
