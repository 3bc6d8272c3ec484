// The Jaeger tracer behind the OpenTracing API. Make one with Tracer::make from a Config, as
// with jaeger-client-cpp, and install it with opentracing::Tracer::InitGlobal. Spans are
// sampled when they start, and sampled spans are handed to a reporter thread when they finish;
// the calling thread never waits for the network.
#ifndef JAEGERTRACING_TRACER_H
#define JAEGERTRACING_TRACER_H

#include <jaegertracing/Config.h>
#include <jaegertracing/Export.h>
#include <jaegertracing/Logging.h>
#include <jaegertracing/SpanContext.h>
#include <jaegertracing/Tag.h>
#include <jaegertracing/TracerStats.h>
#include <opentracing/noop.h>
#include <opentracing/tracer.h>

#include <chrono>
#include <memory>
#include <string>

namespace jaegertracing {
namespace detail {
class TracerCore;
struct TracerLifetime;
}  // namespace detail

/// The Jaeger tracer behind the OpenTracing API. Make one with make() and install it with
/// `opentracing::Tracer::InitGlobal`, as with jaeger-client-cpp. Root spans are sampled when
/// they start; sampled spans are handed to the reporter's thread when they finish, and the
/// calling thread never waits for the network.
///
/// make() returns an `opentracing::Tracer`; `std::dynamic_pointer_cast<jaegertracing::Tracer>`
/// of it gives Flush(), close(), stats() (null when the configuration was disabled: make()
/// then returns OpenTracing's no-op tracer).
///
/// Lifetimes: handles, spans and span contexts may be destroyed in any order, on any thread.
/// The tracer lives until no handle on it and no span of it is left; a span keeps a valid
/// tracer() after the application's last handle is gone. Whichever thread lets go last closes
/// it, waiting at most kDefaultCloseTimeout.
class JAEGERTRACING_API Tracer : public opentracing::Tracer,
                                 public std::enable_shared_from_this<Tracer> {
 public:
  /// How long Close() and the destructor wait for the queued spans to be sent: 5 s.
  static constexpr std::chrono::milliseconds kDefaultCloseTimeout{5000};

  /// Makes a tracer for the service config.serviceName(), with no logger. A disabled config
  /// gives OpenTracing's no-op tracer.
  /// @throws ConfigError (a std::invalid_argument) when the configuration is invalid or the
  ///         service name is empty
  static std::shared_ptr<opentracing::Tracer> make(const Config& config);
  /// As make(const Config&), for the service `serviceName` (config.serviceName() is not used).
  static std::shared_ptr<opentracing::Tracer> make(const std::string& serviceName,
                                                   const Config& config);
  /// As make(const std::string&, const Config&), writing start-up problems, send failures and
  /// (with `reporter.logSpans`) the reported spans to `logger`, e.g.
  /// logging::consoleLogger().
  static std::shared_ptr<opentracing::Tracer> make(const std::string& serviceName,
                                                   const Config& config,
                                                   const std::shared_ptr<logging::Logger>& logger);

  /// Closes the tracer as close(kDefaultCloseTimeout) does. Runs once no handle and no span
  /// of the tracer is left, on the thread that let go of the last.
  ~Tracer() override;

  /// Starts a span: in the trace of the first `ChildOf` reference (else of the first
  /// `FollowsFrom`), or a new trace sampled by the configured sampler. Never throws; an
  /// unsampled span records no tags or logs.
  std::unique_ptr<opentracing::Span> StartSpanWithOptions(
      opentracing::string_view operationName,
      const opentracing::StartSpanOptions& options) const noexcept override;

  /// Writes the context in jaeger-client-cpp's binary format (big-endian ids, flags, baggage).
  /// @return `opentracing::invalid_span_context_error` for a context of another tracer
  opentracing::expected<void> Inject(const opentracing::SpanContext& context,
                                     std::ostream& writer) const override;
  /// Writes the context in every configured propagation format (`uberctx-*` baggage values
  /// as they are).
  /// @return `opentracing::invalid_span_context_error` for a context of another tracer
  opentracing::expected<void> Inject(const opentracing::SpanContext& context,
                                     const opentracing::TextMapWriter& writer) const override;
  /// Writes the context as HTTP headers in every configured propagation format
  /// (`uberctx-*` baggage values URL-encoded).
  /// @return `opentracing::invalid_span_context_error` for a context of another tracer
  opentracing::expected<void> Inject(const opentracing::SpanContext& context,
                                     const opentracing::HTTPHeadersWriter& writer) const override;

  /// Reads a context written by Inject(const opentracing::SpanContext&, std::ostream&). A
  /// missing or malformed context extracts as a null pointer (malformed ones are counted in
  /// stats().headerDecodingErrors); Extract never throws.
  opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Extract(
      std::istream& reader) const override;
  /// Reads the first configured propagation format whose keys are present and valid; a null
  /// pointer when there is none. Header names match in any case. Never throws.
  opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Extract(
      const opentracing::TextMapReader& reader) const override;
  /// As the TextMap Extract, URL-decoding `uberctx-*` baggage values. Never throws.
  opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Extract(
      const opentracing::HTTPHeadersReader& reader) const override;

  /// Sends everything queued and stops the reporter's thread, waiting at most
  /// kDefaultCloseTimeout: a request the collector has not answered by then is abandoned, and
  /// what is still queued is dropped and counted. Spans finished afterwards are dropped and
  /// counted. Any number of threads may call it at once.
  void Close() noexcept override;
  /// As Close(), waiting at most `timeout` (and 0.1 s more at most, to count what is left);
  /// `close()` as jaeger-client-cpp's code calls it.
  /// @return false when the timeout was hit before everything queued was sent
  bool close(std::chrono::milliseconds timeout = kDefaultCloseTimeout) noexcept;
  /// Hands every span finished before the call to the sender; the tracer keeps working.
  /// @return false when the timeout was hit first
  bool Flush(std::chrono::milliseconds timeout = kDefaultCloseTimeout) noexcept;
  /// Flush() under jaeger-client-cpp's name, so that its callers compile unchanged.
  bool flush(std::chrono::milliseconds timeout = kDefaultCloseTimeout) noexcept {
    return Flush(timeout);
  }

  /// A snapshot of the counters: spans started, sampled, finished, reported and dropped (and
  /// why), batches, bytes, the queue's length and malformed headers.
  TracerStats stats() const noexcept;
  /// The service name spans are reported under.
  const std::string& serviceName() const noexcept;

 private:
  friend struct detail::TracerLifetime;
  explicit Tracer(std::unique_ptr<detail::TracerCore> core);

  std::unique_ptr<detail::TracerCore> core_;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_TRACER_H
