// The Jaeger tracer behind the OpenTracing API. Make one with Tracer::make from a Config, as
// with jaeger-client-cpp, and install it with opentracing::Tracer::InitGlobal. Spans are
// sampled when they start, and sampled spans are handed to a reporter thread when they finish;
// the calling thread never waits for the network.
#ifndef JAEGERTRACING_TRACER_H
#define JAEGERTRACING_TRACER_H

#include <jaegertracing/Config.h>
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
struct TracerAccess;
}  // namespace detail

class Tracer : public opentracing::Tracer, public std::enable_shared_from_this<Tracer> {
 public:
  static constexpr std::chrono::milliseconds kDefaultCloseTimeout{5000};

  // The service name is config.serviceName(). A disabled config gives OpenTracing's no-op
  // tracer. Throws ConfigError (a std::invalid_argument) when the configuration is invalid.
  static std::shared_ptr<opentracing::Tracer> make(const Config& config);
  static std::shared_ptr<opentracing::Tracer> make(const std::string& serviceName,
                                                   const Config& config);
  static std::shared_ptr<opentracing::Tracer> make(const std::string& serviceName,
                                                   const Config& config,
                                                   const std::shared_ptr<logging::Logger>& logger);

  ~Tracer() override;

  std::unique_ptr<opentracing::Span> StartSpanWithOptions(
      opentracing::string_view operationName,
      const opentracing::StartSpanOptions& options) const noexcept override;

  opentracing::expected<void> Inject(const opentracing::SpanContext& context,
                                     std::ostream& writer) const override;
  opentracing::expected<void> Inject(const opentracing::SpanContext& context,
                                     const opentracing::TextMapWriter& writer) const override;
  opentracing::expected<void> Inject(const opentracing::SpanContext& context,
                                     const opentracing::HTTPHeadersWriter& writer) const override;

  // A missing or malformed context extracts as a null pointer (malformed ones are counted in
  // stats().headerDecodingErrors); Extract never throws.
  opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Extract(
      std::istream& reader) const override;
  opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Extract(
      const opentracing::TextMapReader& reader) const override;
  opentracing::expected<std::unique_ptr<opentracing::SpanContext>> Extract(
      const opentracing::HTTPHeadersReader& reader) const override;

  // Sends everything queued and stops the reporter's thread, waiting at most
  // kDefaultCloseTimeout. Spans finished afterwards are dropped and counted.
  void Close() noexcept override;
  // As Close(); false when the timeout was hit before everything queued was sent.
  bool close(std::chrono::milliseconds timeout) noexcept;
  // Sends everything queued before the call; false when the timeout was hit first.
  bool Flush(std::chrono::milliseconds timeout = kDefaultCloseTimeout) noexcept;

  TracerStats stats() const noexcept;
  const std::string& serviceName() const noexcept;

 private:
  friend struct detail::TracerAccess;
  explicit Tracer(std::unique_ptr<detail::TracerCore> core);

  std::unique_ptr<detail::TracerCore> core_;
};

}  // namespace jaegertracing

#endif  // JAEGERTRACING_TRACER_H
