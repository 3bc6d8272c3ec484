#include "config/OtlpSettings.h"

#include <algorithm>

#include "config/Environment.h"
#include "config/ScalarParsing.h"
#include "text/UrlEncoding.h"

namespace jaegertracing {
namespace detail {
namespace config {
namespace {

// Each TRACES_ variable wins over the generic one.
constexpr const char* kEndpointEnv = "OTEL_EXPORTER_OTLP_ENDPOINT";
constexpr const char* kTracesEndpointEnv = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

struct EnvPair {
  const char* traces;
  const char* generic;
};
constexpr EnvPair kHeadersEnv{"OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS"};
constexpr EnvPair kTimeoutEnv{"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"};
constexpr EnvPair kCompressionEnv{"OTEL_EXPORTER_OTLP_TRACES_COMPRESSION",
                                  "OTEL_EXPORTER_OTLP_COMPRESSION"};
constexpr EnvPair kProtocolEnv{"OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"};
constexpr EnvPair kCertificateEnv{"OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE",
                                  "OTEL_EXPORTER_OTLP_CERTIFICATE"};
constexpr EnvPair kClientKeyEnv{"OTEL_EXPORTER_OTLP_TRACES_CLIENT_KEY",
                                "OTEL_EXPORTER_OTLP_CLIENT_KEY"};
constexpr EnvPair kClientCertificateEnv{"OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE",
                                        "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE"};

// The value of the TRACES_ variable, else of the generic one, and which was set.
std::optional<std::string> envEither(const EnvPair& pair, std::string& name) {
  if (auto value = envValue(pair.traces)) {
    name = pair.traces;
    return value;
  }
  if (auto value = envValue(pair.generic)) {
    name = pair.generic;
    return value;
  }
  return std::nullopt;
}

// A '+' stays a '+', so that a base64 value survives; a '%' without two hex digits is an error.
std::optional<std::string> percentDecode(std::string_view encoded) {
  return text::percentDecode(encoded, text::PlusSign::kLiteral, text::BadEscape::kFail);
}

// A header value: anything but line breaks and NUL, which would end or split the header.
bool isHeaderValue(const std::string& value) {
  return value.find_first_of(std::string("\r\n\0", 3)) == std::string::npos;
}

}  // namespace

Checked<std::vector<std::pair<std::string, std::string>>> parseKeyValueList(const std::string& name,
                                                                            const std::string& text,
                                                                            bool secretValues) {
  std::vector<std::pair<std::string, std::string>> items;
  size_t position = 0;
  for (const auto& item : splitList(text, ',')) {
    ++position;
    // Header values are credentials: an error quotes the item's key, or only its position.
    const std::string itemText =
        secretValues ? "item " + std::to_string(position) : "\"" + item + "\"";
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      return fail(name, secretValues ? "" : text, "has an item without '=': " + itemText);
    }
    auto key = trim(item.substr(0, equals));
    if (key.empty()) {
      return fail(name, secretValues ? "" : text, "has an item without a key: " + itemText);
    }
    const auto value = percentDecode(trim(item.substr(equals + 1)));
    if (!value) {
      return fail(name, secretValues ? key : text,
                  "has a '%' without two hex digits in the value of " + itemText);
    }
    items.emplace_back(std::move(key), *value);
  }
  return items;
}

reporters::OtlpConfig readOtlpSection(const YamlField& field) {
  orThrow(checkSection(field.path, field.node));
  reporters::OtlpConfig otlp;
  if (isAbsent(field.node)) return otlp;
  const auto readText = [&field](const char* name) {
    return orThrow(readString(YamlField(field.node, field.path, name)));
  };
  if (auto text = readText("endpoint")) otlp.endpoint = trim(*text);
  if (auto text = readText("protocol")) otlp.protocol = trim(*text);
  if (auto text = readText("compression")) otlp.compression = trim(*text);
  if (auto text = readText("caFile")) otlp.caFile = *text;
  if (auto text = readText("clientCertificate")) otlp.clientCertificate = *text;
  if (auto text = readText("clientKey")) otlp.clientKey = *text;
  const YamlField timeoutField(field.node, field.path, "timeout");
  if (const auto value = orThrow(readSeconds(timeoutField))) {
    orThrow(checkPositive(timeoutField.path, *value, nodeText(timeoutField.node)));
    otlp.timeout = *value;
  }
  const YamlField headersField(field.node, field.path, "headers");
  orThrow(checkSection(headersField.path, headersField.node));
  if (!isAbsent(headersField.node)) {
    for (const auto& entry : headersField.node) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      const auto value = orThrow(readString(YamlField(headersField.node, headersField.path, key)));
      otlp.headers.emplace_back(key, value.value_or(""));
    }
  }
  OtlpKeys keys;
  orThrow(checkOtlp(otlp, keys));
  return otlp;
}

Checked<reporters::OtlpConfig> otlpFromEnv(const reporters::OtlpConfig& current, OtlpKeys& keys) {
  reporters::OtlpConfig otlp = current;
  if (auto text = envValue(kTracesEndpointEnv)) {
    otlp.endpoint = *text;
    keys.endpoint = kTracesEndpointEnv;
  } else if (auto base = envValue(kEndpointEnv)) {
    // The generic variable names the receiver: the signal's path is added to it.
    otlp.endpoint = *base + (base->back() == '/' ? "v1/traces" : "/v1/traces");
    keys.endpoint = kEndpointEnv;
  }
  std::string name;
  if (auto text = envEither(kHeadersEnv, name)) {
    auto headers = parseKeyValueList(name, *text, /*secretValues=*/true);
    if (!headers) return opentracing::make_unexpected(headers.error());
    otlp.headers = std::move(*headers);
    keys.headers = name;
  }
  if (auto text = envEither(kTimeoutEnv, name)) {
    const auto milliseconds = parseInteger(*text);
    if (!milliseconds) return fail(name, *text, "is not an integer (milliseconds)");
    if (*milliseconds <= 0 || *milliseconds > int64_t{1000} * 1000 * 1000 * 1000) {
      return fail(name, *text, "is not a positive number of milliseconds");
    }
    otlp.timeout = std::chrono::milliseconds(*milliseconds);
    keys.timeout = name;
  }
  if (auto text = envEither(kCompressionEnv, name)) {
    otlp.compression = *text;
    keys.compression = name;
  }
  if (auto text = envEither(kProtocolEnv, name)) {
    otlp.protocol = *text;
    keys.protocol = name;
  }
  if (auto text = envEither(kCertificateEnv, name)) otlp.caFile = *text;
  if (auto text = envEither(kClientKeyEnv, name)) otlp.clientKey = *text;
  if (auto text = envEither(kClientCertificateEnv, name)) otlp.clientCertificate = *text;
  if (auto checked = checkOtlp(otlp, keys); !checked) {
    return opentracing::make_unexpected(checked.error());
  }
  return otlp;
}

Checked<void> checkOtlp(const reporters::OtlpConfig& otlp, const OtlpKeys& keys) {
  if (!otlp.endpoint.empty()) {
    if (auto checked = checkUrl(keys.endpoint, otlp.endpoint); !checked) return checked;
  }
  const std::string protocol = toLower(otlp.protocol);
  if (protocol == "grpc") {
    return fail(keys.protocol, otlp.protocol,
                "is OTLP/gRPC, which this library does not send: use http/protobuf (OTLP/HTTP, "
                "usually port 4318)");
  }
  if (protocol != reporters::OtlpConfig::kProtobuf && protocol != reporters::OtlpConfig::kJson) {
    return fail(keys.protocol, otlp.protocol, "is not http/protobuf or http/json");
  }
  const std::string compression = toLower(otlp.compression);
  if (compression != "none" && compression != "gzip" && !compression.empty()) {
    return fail(keys.compression, otlp.compression, "is not none or gzip");
  }
  if (auto checked = checkPositive(keys.timeout, otlp.timeout, formatSeconds(otlp.timeout));
      !checked) {
    return checked;
  }
  for (const auto& [name, value] : otlp.headers) {
    if (auto checked = checkHeaderName(keys.headers, name); !checked) return checked;
    if (!isHeaderValue(value)) {
      // The value may be a secret: the error names the header, not its value.
      return fail(keys.headers, name, "has a value with a line break or NUL");
    }
  }
  return {};
}

Checked<void> checkOneDestination(const std::string& otlpKey, const std::string& otlpEndpoint,
                                  const std::string& collectorKey,
                                  const std::string& collectorEndpoint) {
  if (otlpEndpoint.empty() || collectorEndpoint.empty()) return {};
  return fail(otlpKey, otlpEndpoint,
              "is set together with " + collectorKey + " \"" + collectorEndpoint +
                  "\": spans go to one destination, OTLP or Jaeger's collector; unset one of them");
}

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing
