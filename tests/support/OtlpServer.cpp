#include "support/OtlpServer.h"

#include <google/protobuf/util/json_util.h>
#include <httplib.h>
#include <zlib.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace jaegertracing {
namespace testing {
namespace {

bool gunzip(const std::string& compressed, std::string& out) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return false;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  char chunk[16384];
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
    if (result == Z_BUF_ERROR && stream.avail_in == 0) break;
  }
  inflateEnd(&stream);
  return result == Z_STREAM_END;
}

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t group = static_cast<uint8_t>(bytes[i]) << 16 |
                           static_cast<uint8_t>(bytes[i + 1]) << 8 |
                           static_cast<uint8_t>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(group >> shift) & 63];
  }
  if (i < bytes.size()) {
    const bool two = i + 1 < bytes.size();
    const uint32_t group = static_cast<uint8_t>(bytes[i]) << 16 |
                           (two ? static_cast<uint8_t>(bytes[i + 1]) << 8 : 0);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += two ? kAlphabet[(group >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// OTLP/JSON writes ids as hex, where protobuf's JSON mapping has base64: convert them.
bool hexIdsToBase64(nlohmann::json& node, std::string& error) {
  if (node.is_array()) {
    for (auto& item : node) {
      if (!hexIdsToBase64(item, error)) return false;
    }
  } else if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      if ((key == "traceId" || key == "spanId" || key == "parentSpanId") && value.is_string()) {
        const std::string hex = value.get<std::string>();
        if (hex.size() % 2 != 0 || hex.find_first_not_of("0123456789abcdef") != std::string::npos) {
          error = key + " is not lower-case hex: " + hex;
          return false;
        }
        std::string bytes;
        for (size_t i = 0; i < hex.size(); i += 2) {
          bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
        }
        value = base64(bytes);
      } else if (!hexIdsToBase64(value, error)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

bool decodeOtlpRequest(const std::string& body, const std::string& contentType,
                       const std::string& contentEncoding, OtlpRequestMessage& request,
                       std::string& error) {
  std::string plain;
  // cpp-httplib, built with zlib, inflates a gzip request itself (or answers 400): a body
  // that is no longer gzip was.
  const bool inflated = body.size() < 2 || body[0] != '\x1f' || body[1] != '\x8b';
  if (contentEncoding == "gzip" && !inflated) {
    if (!gunzip(body, plain)) {
      error = "not gzip";
      return false;
    }
  } else if (!contentEncoding.empty() && contentEncoding != "gzip") {
    error = "content encoding " + contentEncoding;
    return false;
  } else {
    plain = body;
  }
  if (contentType == "application/x-protobuf") {
    if (!request.ParseFromString(plain)) {
      error = "undecodable protobuf";
      return false;
    }
    // The encoder's bytes must be exactly what the reference would write, field for field.
    if (request.ByteSizeLong() != plain.size()) {
      error = "protobuf of " + std::to_string(plain.size()) + " bytes decodes to " +
              std::to_string(request.ByteSizeLong());
      return false;
    }
    return true;
  }
  if (contentType == "application/json") {
    auto document = nlohmann::json::parse(plain, nullptr, false);
    if (document.is_discarded()) {
      error = "undecodable JSON";
      return false;
    }
    if (!hexIdsToBase64(document, error)) return false;
    const auto status = google::protobuf::util::JsonStringToMessage(document.dump(), &request);
    if (!status.ok()) {
      error = "JSON is no ExportTraceServiceRequest: " + status.ToString();
      return false;
    }
    return true;
  }
  error = "content type " + contentType;
  return false;
}

OtlpServer::OtlpServer() : server_(std::make_unique<httplib::Server>()) {
  server_->set_keep_alive_timeout(1);
  server_->Post("/v1/traces", [this](const httplib::Request& http, httplib::Response& response) {
    Request request;
    request.contentType = http.get_header_value("Content-Type");
    request.contentEncoding = http.get_header_value("Content-Encoding");
    for (const auto& [name, value] : http.headers) request.headers.emplace(name, value);
    // What came over the wire, before cpp-httplib inflated a gzip body.
    request.bodyBytes = http.has_header("Content-Length")
                            ? std::stoul(http.get_header_value("Content-Length"))
                            : http.body.size();
    request.arrival = std::chrono::steady_clock::now();
    OtlpRequestMessage decoded;
    std::string error;
    const bool ok = decodeOtlpRequest(http.body, request.contentType, request.contentEncoding,
                                      decoded, error);

    std::lock_guard<std::mutex> lock(mutex_);
    Answer answer{400, error, ""};
    if (ok) {
      if (!script_.empty()) {
        answer = script_.front();
        script_.pop_front();
      } else {
        answer = answer_;
      }
    } else {
      errors_.push_back(error);
    }
    if (ok && answer.status >= 200 && answer.status < 300) {
      for (const auto& resourceSpans : decoded.resource_spans()) {
        for (const auto& scopeSpans : resourceSpans.scope_spans()) {
          spanCount_ += static_cast<size_t>(scopeSpans.spans_size());
        }
      }
      decoded_.push_back(std::move(decoded));
    }
    request.status = answer.status;
    const std::string contentType = ok ? request.contentType : "text/plain";
    requests_.push_back(std::move(request));
    changed_.notify_all();

    response.status = answer.status;
    if (!answer.retryAfter.empty()) response.set_header("Retry-After", answer.retryAfter);
    response.set_content(answer.body, contentType.c_str());
  });
  const int bound = server_->bind_to_any_port("127.0.0.1");
  if (bound <= 0) throw std::runtime_error("cannot bind the test OTLP receiver");
  port_ = static_cast<uint16_t>(bound);
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    std::lock_guard<std::mutex> lock(mutex_);
    listenReturned_ = true;
    changed_.notify_all();
  });
}

OtlpServer::~OtlpServer() {
  std::unique_lock<std::mutex> lock(mutex_);
  // A stop() before the server runs would be lost; it runs as soon as its thread starts.
  while (!server_->is_running() && !listenReturned_) {
    lock.unlock();
    std::this_thread::yield();
    lock.lock();
  }
  lock.unlock();
  server_->stop();
  thread_.join();
}

std::string OtlpServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }
std::string OtlpServer::endpoint() const { return baseUrl() + "/v1/traces"; }

void OtlpServer::script(std::vector<Answer> answers) {
  std::lock_guard<std::mutex> lock(mutex_);
  script_.assign(answers.begin(), answers.end());
}

void OtlpServer::answer(Answer answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  answer_ = std::move(answer);
}

std::vector<OtlpRequestMessage> OtlpServer::decoded() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return decoded_;
}

std::vector<OtlpServer::Request> OtlpServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::vector<std::string> OtlpServer::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

size_t OtlpServer::spanCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spanCount_;
}

bool OtlpServer::waitForSpans(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return spanCount_ >= n; });
}

bool OtlpServer::waitForRequests(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
}

}  // namespace testing
}  // namespace jaegertracing
