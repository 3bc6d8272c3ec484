// Where spans go over OTLP/HTTP instead of Jaeger's protocols: the `reporter.otlp:` section.
#ifndef JAEGERTRACING_REPORTERS_OTLPCONFIG_H
#define JAEGERTRACING_REPORTERS_OTLPCONFIG_H

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace reporters {

/// The `reporter.otlp:` section, and the `OTEL_EXPORTER_OTLP_*` variables: spans are posted
/// as OTLP/HTTP ExportTraceServiceRequests to Jaeger v2, Tempo or any OpenTelemetry Collector
/// when endpoint is set. Tracer::make checks the values as Config::parse does.
struct OtlpConfig {
  /// `http/protobuf`, the default.
  static constexpr const char* kProtobuf = "http/protobuf";
  /// `http/json`.
  static constexpr const char* kJson = "http/json";
  /// `timeout`: 10 s for one export, retries included.
  static std::chrono::steady_clock::duration defaultTimeout() { return std::chrono::seconds(10); }

  /// `endpoint`: the full URL requests go to, e.g. http://collector:4318/v1/traces; empty:
  /// spans do not go over OTLP. It excludes `reporter.endpoint` (Jaeger's collector).
  std::string endpoint;
  /// `protocol`: `http/protobuf` or `http/json` (`grpc` is refused: use http/protobuf).
  std::string protocol = kProtobuf;
  /// `headers`: sent with every request, e.g. an API key; never logged.
  std::vector<std::pair<std::string, std::string>> headers;
  /// `compression`: `none` or `gzip`.
  std::string compression = "none";
  /// `timeout`: the most one export may take, retries and their waits included.
  std::chrono::steady_clock::duration timeout = defaultTimeout();
  /// `caFile`: PEM CA certificates https verifies the endpoint against (empty: the system's).
  std::string caFile;
  /// `clientCertificate`: a PEM certificate this client presents, for mutual TLS.
  std::string clientCertificate;
  /// `clientKey`: the PEM private key of clientCertificate.
  std::string clientKey;
};

}  // namespace reporters
}  // namespace jaegertracing

#endif  // JAEGERTRACING_REPORTERS_OTLPCONFIG_H
