// Where the tracer writes what it has to say: start-up problems, send failures and, with
// reporter.logSpans, each reported span. Loggers are only called from the tracer's own
// threads or from Tracer::make/Close, never per span on the application's thread.
#ifndef JAEGERTRACING_LOGGING_H
#define JAEGERTRACING_LOGGING_H

#include <jaegertracing/Export.h>

#include <memory>
#include <string>

namespace jaegertracing {
/// Where the tracer writes its messages: Logger, consoleLogger() and nullLogger().
namespace logging {

/// Receives the tracer's messages: start-up problems, send failures and, with
/// `reporter.logSpans`, each reported span. Implement it to route them to your own log. Called
/// from the tracer's own threads and from Tracer::make and Close, never per span on the
/// application's thread; an implementation must be safe to call from any thread.
class JAEGERTRACING_API Logger {
 public:
  virtual ~Logger() = default;
  /// Something failed: a send, a sampling-strategy poll, a bad answer.
  virtual void error(const std::string& message) = 0;
  /// Everything else, such as `Reporting span ...` lines with `reporter.logSpans`.
  virtual void info(const std::string& message) = 0;
};

/// Writes `ERROR: ...` and `INFO: ...` lines to standard error.
JAEGERTRACING_API std::unique_ptr<Logger> consoleLogger();
/// Discards everything.
JAEGERTRACING_API std::unique_ptr<Logger> nullLogger();

}  // namespace logging
}  // namespace jaegertracing

#endif  // JAEGERTRACING_LOGGING_H
