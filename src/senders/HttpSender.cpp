#include "senders/HttpSender.h"

#include <curl/curl.h>
#include <jaegertracing/ConfigError.h>

#include <algorithm>

#include "platform/CurlEasy.h"
#include "platform/CurlMultiTransfer.h"
#include "platform/CurlSockets.h"
#include "senders/CollectorUrl.h"
#include "senders/ThriftSpanWriter.h"
#include "text/Base64.h"

namespace jaegertracing {
namespace detail {
namespace {

using apache::thrift::protocol::TType;

// Enough of an error page to say what went wrong.
constexpr size_t kBodyExcerptBytes = 200;

}  // namespace

HttpSender::HttpSender(HttpSenderOptions options, const std::string& serviceName,
                       const std::vector<SpanTag>& processTags, Counters& counters,
                       logging::Logger& logger)
    : options_(std::move(options)),
      requestUrl_(collectorRequestUrl(options_.endpoint)),
      loggedUrl_(urlWithoutUserInfo(requestUrl_)),
      // Grows to the largest batch once; a large maxBatchBytes costs nothing until used.
      buffer_(std::make_shared<EncodeBuffer>(
          static_cast<uint32_t>(std::min<size_t>(options_.maxBatchBytes, 64 * 1024)))),
      protocol_(buffer_),
      counters_(counters),
      logger_(logger) {
  // The Batch up to its spans, encoded once: the Process, then the spans' list header, whose
  // count each batch patches in place.
  protocol_.writeFieldBegin("process", TType::T_STRUCT, 1);
  writeProcess(protocol_, serviceName, processTags);
  protocol_.writeFieldEnd();
  protocol_.writeFieldBegin("spans", TType::T_LIST, 2);
  protocol_.writeListBegin(TType::T_STRUCT, 0);
  batchPrefix_.assign(reinterpret_cast<const char*>(buffer_->data()), buffer_->size());
  buffer_->clear();
  writeTrailer();
  trailerBytes_ = buffer_->size();
  buffer_->clear();

  // What a server might echo in an error page: the secrets and the basic-auth header value.
  std::vector<std::string> secrets;
  const UrlUserInfo urlCredentials = urlUserInfo(options_.endpoint);
  for (const auto& [user, password] :
       {std::make_pair(options_.user, options_.password),
        std::make_pair(urlCredentials.user, urlCredentials.password)}) {
    if (!password.empty()) secrets.push_back(password);
    if (!user.empty() || !password.empty()) {
      secrets.push_back(text::base64Encode(user + ":" + password));
    }
  }
  if (!options_.authToken.empty()) secrets.push_back(options_.authToken);
  redactor_ = SecretRedactor(std::move(secrets));

  if (!options_.authToken.empty() && !options_.user.empty()) {
    logger_.info("reporter.authToken and reporter.user are both set: the collector at " +
                 loggedUrl_ + " gets the token");
  }
  if (overheadBytes() >= options_.maxBatchBytes) {
    // At start-up, from Tracer::make, rather than every span dropped later.
    throw ConfigError("reporter.maxBatchBytes", std::to_string(options_.maxBatchBytes),
                      "leaves no room for spans beside the Process (" +
                          std::to_string(overheadBytes()) + " bytes with this service's tags)");
  }
  // Now, on the thread of Tracer::make, rather than on the reporter's thread later. The multi
  // handle too: Close() may wake it from another thread before the first request.
  if (initializeLibcurl() == CURLE_OK) multi_ = curl_multi_init();
}

HttpSender::~HttpSender() {
  // The connection's easy handle leaves the multi handle (after each request) before either
  // is cleaned up.
  connection_.reset();
  if (multi_ != nullptr) curl_multi_cleanup(multi_);
}

void HttpSender::interrupt() noexcept {
  if (multi_ != nullptr) curl_multi_wakeup(multi_);
}

void HttpSender::send(const std::vector<std::unique_ptr<SpanRecord>>& spans) {
  // An exception out of a previous call (out of memory) may have left a batch half built.
  pendingSpans_ = 0;
  buffer_->clear();
  for (const auto& span : spans) {
    if (pendingSpans_ == options_.maxBatchSpans) emitBatch();
    if (buffer_->size() == 0) startBatch();
    const uint32_t mark = buffer_->size();
    writeSpan(protocol_, *span);
    const size_t spanBytes = buffer_->size() - mark;
    if (batchPrefix_.size() + spanBytes + trailerBytes_ > options_.maxBatchBytes) {
      buffer_->truncate(mark);
      Counters::add(counters_.droppedTooLarge);
      continue;
    }
    if (buffer_->size() + trailerBytes_ > options_.maxBatchBytes) {
      // This span starts the next batch: set its bytes aside, send the others.
      carry_.assign(reinterpret_cast<const char*>(buffer_->data()) + mark, spanBytes);
      buffer_->truncate(mark);
      emitBatch();
      startBatch();
      buffer_->write(reinterpret_cast<const uint8_t*>(carry_.data()),
                     static_cast<uint32_t>(carry_.size()));
    }
    ++pendingSpans_;
  }
  if (pendingSpans_ > 0) emitBatch();
  buffer_->clear();
}

void HttpSender::startBatch() {
  buffer_->write(reinterpret_cast<const uint8_t*>(batchPrefix_.data()),
                 static_cast<uint32_t>(batchPrefix_.size()));
}

void HttpSender::emitBatch() {
  // The list's count: the binary protocol's big-endian i32 that ends the prefix.
  uint8_t* body = nullptr;
  uint32_t bodySize = 0;
  buffer_->getBuffer(&body, &bodySize);
  uint8_t* count = body + batchPrefix_.size() - 4;
  for (int i = 0; i < 4; ++i) {
    count[i] = static_cast<uint8_t>(pendingSpans_ >> (24 - 8 * i));
  }

  ++seqNo_;
  writeTrailer();

  std::string failure;
  if (post(failure)) {
    Counters::add(counters_.spansReported, pendingSpans_);
    Counters::add(counters_.batchesSent);
    Counters::add(counters_.bytesSent, buffer_->size());
    if (failing_) {
      logger_.info("spans reach the collector at " + loggedUrl_ + " again");
      failing_ = false;
    }
  } else {
    Counters::add(counters_.droppedSendFailed, pendingSpans_);
    Counters::add(counters_.batchesFailed);
    if (!failing_) {
      // Once per outage, not per batch: the counters carry the rest.
      logger_.error("cannot send spans to the collector at " + loggedUrl_ + ": " +
                    redactor_.redact(failure));
      failing_ = true;
    }
  }
  pendingSpans_ = 0;
  buffer_->clear();
}

void HttpSender::writeTrailer() {
  protocol_.writeFieldBegin("seqNo", TType::T_I64, 3);
  protocol_.writeI64(seqNo_);
  protocol_.writeFieldEnd();
  protocol_.writeFieldBegin("stats", TType::T_STRUCT, 4);
  writeClientStats(protocol_, ClientStatsValues{Counters::read(counters_.droppedQueueFull),
                                                Counters::read(counters_.droppedTooLarge),
                                                Counters::read(counters_.droppedSendFailed)});
  protocol_.writeFieldEnd();
  protocol_.writeFieldStop();
  protocol_.writeStructEnd();
}

bool HttpSender::post(std::string& failure) {
  if (pastDeadline()) {
    failure = "Close()'s time ran out before this batch could be sent";
    return false;
  }
  if (!connection_ && !connect(failure)) return false;
  CurlEasy& connection = *connection_;
  connection.clearAnswer();
  CURL* curl = connection.handle();
  // libcurl reads the body from our buffer during perform, without copying it.
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(buffer_->size()));
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, buffer_->data());
  // In the multi handle rather than curl_easy_perform, so that a deadline set by Close() from
  // another thread ends a request the collector never answers (interrupt() wakes the wait).
  const CurlMultiOutcome outcome = performInMulti(multi_, curl, [this] { return deadline(); });
  if (outcome.gaveUp) {
    // Its connection is in an unknown state: the next request opens a new one.
    connection_.reset();
    failure = "no answer before Close()'s time ran out; the request was abandoned";
    return false;
  }
  if (outcome.multiCode != CURLM_OK || !outcome.done) {
    failure = std::string("libcurl: ") + curl_multi_strerror(outcome.multiCode);
    return false;
  }
  const CURLcode code = outcome.code;
  if (code != CURLE_OK) {
    failure = printable(connection.errorText(code));
    return false;
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) return true;
  failure = "HTTP " + std::to_string(status);
  if (!connection.body().empty()) {
    failure += ": " + printable(connection.body());
    if (connection.bodyBytes() > connection.body().size()) failure += "...";
  }
  return false;
}

bool HttpSender::connect(std::string& failure) {
  auto connection = CurlEasy::make(requestUrl_, CurlEasy::Sockets::kTrackedForFork,
                                   {kBodyExcerptBytes, /*failBeyond=*/false}, failure);
  if (!connection) return false;
  if (multi_ == nullptr) {
    failure = "cannot create a libcurl multi handle";
    return false;
  }
  std::vector<std::string> headers;
  if (!options_.authToken.empty()) headers.push_back("Authorization: Bearer " + options_.authToken);
  connection->setUpPost("application/x-thrift", headers, options_.caFile);
  connection->set(CURLOPT_CONNECTTIMEOUT_MS,
                  static_cast<long>(std::max<int64_t>(options_.connectTimeout.count(), 1)));
  connection->set(CURLOPT_TIMEOUT_MS,
                  static_cast<long>(std::max<int64_t>(options_.requestTimeout.count(), 1)));
  // The bearer token, in the headers above, wins: libcurl adds no basic auth beside an
  // Authorization header of ours, not even from the URL's user:password@.
  if (options_.authToken.empty() && !options_.user.empty()) {
    connection->set(CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    connection->set(CURLOPT_USERNAME, options_.user.c_str());
    connection->set(CURLOPT_PASSWORD, options_.password.c_str());
  }
  if (!connection->finishSetup(failure)) return false;
  connection_ = std::move(connection);
  return true;
}

}  // namespace detail
}  // namespace jaegertracing
