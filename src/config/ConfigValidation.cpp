#include "config/ConfigValidation.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "config/OtlpSettings.h"
#include "config/ScalarParsing.h"

namespace jaegertracing {
namespace detail {
namespace config {
namespace {

bool isAlphaNumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string formatSeconds(const Duration& duration) {
  return formatNumber(std::chrono::duration<double>(duration).count());
}

Checked<std::string> checkSamplerType(const std::string& key, const std::string& text) {
  const auto type = toLower(trim(text));
  for (const char* known : {kSamplerTypeConst, kSamplerTypeProbabilistic, kSamplerTypeRateLimiting,
                            kSamplerTypeRemote}) {
    if (type == known) {
      return type;
    }
  }
  return fail(key, text, "is not a sampler type (const, probabilistic, ratelimiting or remote)");
}

Checked<void> checkSamplerParam(const std::string& key, const std::string& type, double param,
                                const std::string& text) {
  if (type == kSamplerTypeConst) {
    if (param != 0 && param != 1) {
      return fail(key, text, "is not 0 or 1 (the const sampler samples nothing or everything)");
    }
  } else if (type == kSamplerTypeRateLimiting) {
    // RateLimitingSampler's range: one trace in 31.7 years to one a nanosecond; beyond it the
    // interval between traces does not fit its clock.
    constexpr double kMinTracesPerSecond = 1e-9;
    constexpr double kMaxTracesPerSecond = 1e9;
    if (param != 0 && !(param >= kMinTracesPerSecond && param <= kMaxTracesPerSecond)) {
      return fail(key, text, "is not 0 or a number of traces per second in [1e-9, 1e9]");
    }
  } else if (!(param >= 0 && param <= 1)) {
    // probabilistic, and remote, whose param is the probability used until the first poll.
    return fail(key, text, "is not in [0, 1]");
  }
  return {};
}

Checked<void> checkPositive(const std::string& key, int64_t value, const std::string& text) {
  if (value <= 0) {
    return fail(key, text, "is not a positive integer");
  }
  return {};
}

Checked<void> checkMaxPacketSize(const std::string& key, int64_t value, const std::string& text) {
  if (value < 512 || value > 65000) {
    return fail(key, text, "is not in [512, 65000] (bytes in a UDP datagram to the agent)");
  }
  return {};
}

Checked<void> checkMaxBatchBytes(const std::string& key, int64_t value, const std::string& text) {
  if (value < 1024) {
    return fail(key, text, "is not an integer >= 1024 (bytes in one request to the collector)");
  }
  return {};
}

Checked<void> checkPositive(const std::string& key, const Duration& value,
                            const std::string& text) {
  if (value <= Duration::zero()) {
    return fail(key, text, "is not a positive duration");
  }
  return {};
}

Checked<void> checkNonNegative(const std::string& key, const Duration& value,
                               const std::string& text) {
  if (value < Duration::zero()) {
    return fail(key, text, "is a negative duration");
  }
  return {};
}

Checked<void> checkUrl(const std::string& key, const std::string& text) {
  const auto lower = toLower(text);
  for (const std::string scheme : {"http://", "https://"}) {
    if (lower.size() > scheme.size() && lower.compare(0, scheme.size(), scheme) == 0 &&
        std::none_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; })) {
      return {};
    }
  }
  return fail(key, text, "is not an http:// or https:// URL");
}

Checked<void> checkHeaderName(const std::string& key, const std::string& text) {
  static const std::string kTokenPunctuation = "!#$%&'*+-.^_`|~";
  const bool token = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return isAlphaNumeric(c) || kTokenPunctuation.find(c) != std::string::npos;
  });
  if (!token) {
    return fail(key, text, "is not an HTTP header name");
  }
  return {};
}

Checked<void> checkHeaderNamesApart(const propagation::HeadersConfig& headers) {
  const std::string& prefix = headers.traceBaggageHeaderPrefix();
  const std::pair<const char*, const std::string&> names[] = {
      {"headers.jaegerDebugHeader", headers.jaegerDebugHeader()},
      {"headers.jaegerBaggageHeader", headers.jaegerBaggageHeader()},
      {"headers.TraceContextHeaderName", headers.traceContextHeaderName()}};
  for (const auto& [key, name] : names) {
    const bool underPrefix =
        name.size() >= prefix.size() &&
        std::equal(prefix.begin(), prefix.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        });
    if (underPrefix) {
      return fail(key, name,
                  "starts with the baggage prefix \"" + prefix +
                      "\" (headers.traceBaggageHeaderPrefix): it would be read as baggage");
    }
  }
  return {};
}

}  // namespace config

namespace {

using config::Checked;
using config::fail;
using config::formatNumber;
using config::formatSeconds;

Checked<void> checkSampler(const samplers::Config& sampler) {
  const auto type = config::checkSamplerType("sampler.type", sampler.type());
  if (!type) {
    return opentracing::make_unexpected(type.error());
  }
  if (*type != sampler.type()) {
    // The tracer compares types as written; parse stores them in lower case.
    return fail("sampler.type", sampler.type(), "is not in lower case");
  }
  const auto param = sampler.param();
  if (auto checked = config::checkSamplerParam("sampler.param", *type, param, formatNumber(param));
      !checked) {
    return checked;
  }
  if (auto checked = config::checkUrl("sampler.samplingServerURL", sampler.samplingServerURL());
      !checked) {
    return checked;
  }
  if (auto checked = config::checkPositive("sampler.maxOperations", sampler.maxOperations(),
                                           std::to_string(sampler.maxOperations()));
      !checked) {
    return checked;
  }
  return config::checkPositive("sampler.samplingRefreshInterval", sampler.samplingRefreshInterval(),
                               formatSeconds(sampler.samplingRefreshInterval()));
}

Checked<void> checkReporter(const reporters::Config& reporter) {
  if (auto checked = config::checkPositive("reporter.queueSize", reporter.queueSize(),
                                           std::to_string(reporter.queueSize()));
      !checked) {
    return checked;
  }
  if (auto checked =
          config::checkPositive("reporter.bufferFlushInterval", reporter.bufferFlushInterval(),
                                formatSeconds(reporter.bufferFlushInterval()));
      !checked) {
    return checked;
  }
  if (auto checked =
          config::checkHostPort("reporter.localAgentHostPort", reporter.localAgentHostPort());
      !checked) {
    return opentracing::make_unexpected(checked.error());
  }
  if (!reporter.endpoint().empty()) {
    if (auto checked = config::checkUrl("reporter.endpoint", reporter.endpoint()); !checked) {
      return checked;
    }
  }
  if (auto checked = config::checkMaxPacketSize("reporter.maxPacketSize", reporter.maxPacketSize(),
                                                std::to_string(reporter.maxPacketSize()));
      !checked) {
    return checked;
  }
  if (auto checked = config::checkPositive("reporter.connectTimeout", reporter.connectTimeout(),
                                           formatSeconds(reporter.connectTimeout()));
      !checked) {
    return checked;
  }
  if (auto checked = config::checkPositive("reporter.requestTimeout", reporter.requestTimeout(),
                                           formatSeconds(reporter.requestTimeout()));
      !checked) {
    return checked;
  }
  if (auto checked = config::checkMaxBatchBytes("reporter.maxBatchBytes", reporter.maxBatchBytes(),
                                                std::to_string(reporter.maxBatchBytes()));
      !checked) {
    return checked;
  }
  if (auto checked = config::checkPositive("reporter.maxBatchSpans", reporter.maxBatchSpans(),
                                           std::to_string(reporter.maxBatchSpans()));
      !checked) {
    return checked;
  }
  if (auto checked = config::checkOtlp(reporter.otlp(), config::OtlpKeys()); !checked) {
    return checked;
  }
  return config::checkOneDestination("reporter.otlp.endpoint", reporter.otlp().endpoint,
                                     "reporter.endpoint", reporter.endpoint());
}

Checked<void> checkHeaders(const propagation::HeadersConfig& headers) {
  const std::pair<const char*, const std::string&> names[] = {
      {"headers.jaegerDebugHeader", headers.jaegerDebugHeader()},
      {"headers.jaegerBaggageHeader", headers.jaegerBaggageHeader()},
      {"headers.TraceContextHeaderName", headers.traceContextHeaderName()},
      {"headers.traceBaggageHeaderPrefix", headers.traceBaggageHeaderPrefix()}};
  for (const auto& [key, name] : names) {
    if (auto checked = config::checkHeaderName(key, name); !checked) {
      return checked;
    }
  }
  return config::checkHeaderNamesApart(headers);
}

Checked<void> checkBaggageRestrictions(const baggage::RestrictionsConfig& restrictions) {
  if (!restrictions.hostPort().empty()) {
    if (auto checked =
            config::checkHostPort("baggage_restrictions.hostPort", restrictions.hostPort());
        !checked) {
      return opentracing::make_unexpected(checked.error());
    }
  }
  return config::checkNonNegative("baggage_restrictions.refreshInterval",
                                  restrictions.refreshInterval(),
                                  formatSeconds(restrictions.refreshInterval()));
}

}  // namespace

void validate(const Config& config, const std::string& serviceName) {
  if (config::trim(serviceName).empty()) {
    throw ConfigError("service_name", serviceName, "is required");
  }
  if (config.propagationFormats().empty()) {
    throw ConfigError("propagation_format", "", "is empty");
  }
  for (const auto& tag : config.tags()) {
    if (tag.key().empty()) {
      throw ConfigError("tags", "", "has a tag with an empty key");
    }
  }
  config::orThrow(checkSampler(config.sampler()));
  config::orThrow(checkReporter(config.reporter()));
  config::orThrow(checkHeaders(config.headers()));
  config::orThrow(checkBaggageRestrictions(config.baggageRestrictions()));
}

}  // namespace detail
}  // namespace jaegertracing
