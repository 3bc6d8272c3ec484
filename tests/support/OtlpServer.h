// An OTLP/HTTP receiver for tests: POST /v1/traces with an ExportTraceServiceRequest in
// protobuf or JSON, gzip or not. It binds 127.0.0.1 on a port the OS picks, serves from its
// own threads, and decodes every body with the types protoc generated from idl/otlp
// (tail/OtlpDecoding); a protobuf body must also be exactly the size the reference would write.
// A request it cannot decode is answered 400 and its problem recorded. Answers can be
// scripted, one per request, to test the sender's delivery rules.
//
// Only a URL ties a test to it: the same tests can point at any OTLP receiver.
#ifndef JAEGERTRACING_TESTS_SUPPORT_OTLPSERVER_H
#define JAEGERTRACING_TESTS_SUPPORT_OTLPSERVER_H

#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "support/HttpTestServer.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace jaegertracing {
namespace testing {

namespace otlp_proto = opentelemetry::proto;
using OtlpRequestMessage = otlp_proto::collector::trace::v1::ExportTraceServiceRequest;

// Decodes a request body as the receiver does, strictly; the error says why it cannot.
bool decodeOtlpRequest(const std::string& body, const std::string& contentType,
                       const std::string& contentEncoding, OtlpRequestMessage& request,
                       std::string& error);

class OtlpServer {
 public:
  struct Answer {
    int status = 200;
    std::string body;  // as is; empty: an empty ExportTraceServiceResponse
    std::string retryAfter;
  };
  struct Request {
    std::string contentType;
    std::string contentEncoding;
    std::multimap<std::string, std::string> headers;
    size_t bodyBytes = 0;
    int status = 0;
    std::chrono::steady_clock::time_point arrival;
  };

  OtlpServer();

  uint16_t port() const { return server_.port(); }
  // http://127.0.0.1:<port>/v1/traces, and the same without /v1/traces.
  std::string endpoint() const;
  std::string baseUrl() const;

  // The answers to the next requests, in order; then `answer` for the rest.
  void script(std::vector<Answer> answers);
  void answer(Answer answer);

  std::vector<OtlpRequestMessage> decoded() const;  // of the requests answered 2xx
  std::vector<Request> requests() const;
  std::vector<std::string> errors() const;
  size_t spanCount() const;

  bool waitForSpans(size_t n, std::chrono::milliseconds timeout) const;
  bool waitForRequests(size_t n, std::chrono::milliseconds timeout) const;

 private:
  void handle(const httplib::Request& http, httplib::Response& response);

  // Under server_.lock().
  std::deque<Answer> script_;
  Answer answer_;
  std::vector<OtlpRequestMessage> decoded_;
  size_t spanCount_ = 0;
  std::vector<Request> requests_;
  std::vector<std::string> errors_;

  HttpTestServer server_;  // last: see HttpTestServer.h
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_OTLPSERVER_H
