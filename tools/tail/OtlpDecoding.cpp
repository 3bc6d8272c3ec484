#include "OtlpDecoding.h"

#include <google/protobuf/util/json_util.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include "MediaType.h"

namespace jaegertracing {
namespace tail {
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
    const uint32_t group =
        static_cast<uint8_t>(bytes[i]) << 16 | (two ? static_cast<uint8_t>(bytes[i + 1]) << 8 : 0);
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
                       const std::string& contentEncoding, OtlpExportRequest& request,
                       std::string& plain, std::string& error) {
  plain.clear();
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
  const std::string type = mediaType(contentType);
  if (type == "application/x-protobuf") {
    if (!request.ParseFromString(plain)) {
      error = "undecodable protobuf";
      return false;
    }
    return true;
  }
  if (type == "application/json") {
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
  error =
      "content type \"" + contentType + "\": expected application/x-protobuf or application/json";
  return false;
}

}  // namespace tail
}  // namespace jaegertracing
