// starter: the client of the tutorial. In one trace "say-hello", asks the formatter for the
// greeting (span "formatString") and has the publisher print it (span "printHello"), passing
// the span context in each request's headers.
//
//   starter [--config FILE] [--formatter URL] [--publisher URL] NAME
//
// Exit status: 0 on success, 1 when a call failed (its span is tagged error=true), 2 on a bad
// configuration or command line.
#include <httplib.h>
#include <opentracing/ext/tags.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "HttpCarriers.h"
#include "TracerSetup.h"

namespace {

// Percent-encodes everything but RFC 3986's unreserved characters.
std::string encodeQueryValue(const std::string& value) {
  std::string encoded;
  for (const unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      char escape[4];
      std::snprintf(escape, sizeof(escape), "%%%02X", c);
      encoded += escape;
    }
  }
  return encoded;
}

// A service's base URL split for httplib: "http://host:port" and a path prefix ("" or "/x").
struct BaseUrl {
  std::string schemeHostPort;
  std::string pathPrefix;
};

BaseUrl splitBaseUrl(std::string url) {
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  const auto schemeEnd = url.find("://");
  const auto pathStart = url.find('/', schemeEnd == std::string::npos ? 0 : schemeEnd + 3);
  if (pathStart == std::string::npos) {
    return {url, ""};
  }
  return {url.substr(0, pathStart), url.substr(pathStart)};
}

std::string describeError(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection:
      return "cannot connect";
    case httplib::Error::ConnectionTimeout:
      return "connecting timed out";
    case httplib::Error::Read:
      return "cannot read the answer";
    case httplib::Error::Write:
      return "cannot send the request";
    default:
      return "failed (httplib: " + httplib::to_string(error) + ")";
  }
}

// GET baseUrl + path in a client span ChildOf parent. Returns the body of a 200 answer; on any
// other outcome the span is tagged error=true with a log of why, and the result is empty.
std::optional<std::string> tracedGet(const opentracing::Tracer& tracer,
                                     const opentracing::Span& parent,
                                     const std::string& operationName, const std::string& baseUrl,
                                     const std::string& path) {
  const BaseUrl base = splitBaseUrl(baseUrl);
  const std::string url = base.schemeHostPort + base.pathPrefix + path;
  const auto span = tracer.StartSpan(
      operationName,
      {opentracing::ChildOf(&parent.context()),
       opentracing::SetTag(opentracing::ext::span_kind, opentracing::ext::span_kind_rpc_client),
       opentracing::SetTag(opentracing::ext::http_url, url),
       opentracing::SetTag(opentracing::ext::http_method, "GET")});

  httplib::Headers headers;
  const auto injected = tracer.Inject(span->context(), hello::HttpHeadersWriter(headers));
  if (!injected) {
    std::cerr << "starter: cannot inject the span context: " << injected.error().message()
              << std::endl;
  }

  httplib::Client client(base.schemeHostPort);
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(10));
  const httplib::Result result = client.Get(base.pathPrefix + path, headers);

  std::string error;
  if (!result) {
    error = "GET " + url + ": " + describeError(result.error());
  } else {
    span->SetTag(opentracing::ext::http_status_code, result->status);
    if (result->status != 200) {
      error = "GET " + url + ": HTTP " + std::to_string(result->status) + ": " + result->body;
    }
  }
  if (!error.empty()) {
    span->SetTag(opentracing::ext::error, true);
    span->Log({{"event", "error"}, {"message", error}});
    std::cerr << "starter: " << error << std::endl;
    return std::nullopt;
  }
  return result->body;
}

}  // namespace

int main(int argc, char** argv) {
  std::string configFile;
  std::string formatterUrl = "http://127.0.0.1:8081";
  std::string publisherUrl = "http://127.0.0.1:8082";
  std::string helloTo;
  bool haveName = false;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--config" || argument == "--formatter" || argument == "--publisher") {
      const char* value = hello::optionValue(argc, argv, i);
      if (value == nullptr) {
        return hello::kExitBadConfiguration;
      }
      (argument == "--config"      ? configFile
       : argument == "--formatter" ? formatterUrl
                                   : publisherUrl) = value;
    } else if (!haveName && (argument.empty() || argument[0] != '-')) {
      helloTo = argument;
      haveName = true;
    } else {
      haveName = false;
      break;
    }
  }
  if (!haveName) {
    std::cerr << "usage: starter [--config FILE] [--formatter URL] [--publisher URL] NAME"
              << std::endl;
    return hello::kExitBadConfiguration;
  }

  const auto tracer = hello::setUpTracer("starter", configFile);
  if (!tracer) {
    return hello::kExitBadConfiguration;
  }

  bool succeeded = false;
  {
    const auto span = tracer->StartSpan("say-hello", {opentracing::SetTag("hello-to", helloTo)});
    const auto helloStr = tracedGet(*tracer, *span, "formatString", formatterUrl,
                                    "/format?helloTo=" + encodeQueryValue(helloTo));
    // Without a greeting there is nothing to publish.
    if (helloStr && tracedGet(*tracer, *span, "printHello", publisherUrl,
                              "/publish?helloStr=" + encodeQueryValue(*helloStr))) {
      succeeded = true;
    } else {
      span->SetTag(opentracing::ext::error, true);
    }
  }
  // Sends every span before the process ends.
  opentracing::Tracer::Global()->Close();
  return succeeded ? 0 : 1;
}
