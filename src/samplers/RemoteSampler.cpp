#include "samplers/RemoteSampler.h"

#include <curl/curl.h>
#include <jaegertracing/Version.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <new>
#include <stdexcept>
#include <vector>

#include "platform/CurlGlobal.h"
#include "platform/CurlMultiTransfer.h"
#include "samplers/PerOperationSampler.h"
#include "samplers/ProbabilisticSampler.h"
#include "samplers/RateLimitingSampler.h"
#include "text/UrlEncoding.h"

namespace jaegertracing {
namespace detail {
namespace {

constexpr const char* kUserAgent = "jaegertracing-cpp/" JAEGERTRACING_VERSION;
constexpr long kConnectTimeoutMillis = 1000;
constexpr long kRequestTimeoutMillis = 5000;
// A strategy for thousands of operations is a few hundred kilobytes.
constexpr size_t kMaxAnswerBytes = 8 * 1024 * 1024;
constexpr size_t kBodyExcerptChars = 200;

const std::vector<SpanTag> kNoTags;

// Strategies are numbered across the process: a number and a tags address name one content.
std::atomic<uint64_t> lastStrategyId{0};

// What a thread returned as tags lately. Copying the tags for every sampled root span would
// cost more than the decision (three short strings and a TLS lookup), and they rarely change:
// an entry is reused while the strategy and the sampler that decided are the same. Four
// entries, by address, so that a few operations of a per-operation strategy alternate without
// copying.
struct TagCopies {
  struct Entry {
    uint64_t strategyId = 0;
    const std::vector<SpanTag>* source = nullptr;
    std::vector<SpanTag> tags;
  };
  Entry entries[4];

  const std::vector<SpanTag>* copy(uint64_t strategyId, const std::vector<SpanTag>* source) {
    Entry& entry = entries[(reinterpret_cast<uintptr_t>(source) / 64) % 4];
    if (entry.strategyId != strategyId || entry.source != source) {
      entry.strategyId = 0;  // a copy cut short by an exception matches nothing
      entry.tags = *source;
      entry.strategyId = strategyId;
      entry.source = source;
    }
    return &entry.tags;
  }
};

// The fast path reads a plain pointer: a thread_local with a destructor is reached through a
// guard on every access. The owner frees the copies when the thread ends.
thread_local TagCopies* threadTagCopies = nullptr;
struct TagCopiesOwner {
  bool armed = false;
  ~TagCopiesOwner() {
    delete threadTagCopies;
    threadTagCopies = nullptr;
  }
};
thread_local TagCopiesOwner threadTagCopiesOwner;

TagCopies& tagCopies() {
  if (threadTagCopies == nullptr) {
    threadTagCopiesOwner.armed = true;  // constructed now, so destroyed when the thread ends
    threadTagCopies = new TagCopies();
  }
  return *threadTagCopies;
}

// One line for the log: no line breaks or control characters from the server.
std::string printable(std::string_view text, size_t limit) {
  std::string line(text.substr(0, limit));
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  if (text.size() > limit) line += "...";
  return line;
}

std::chrono::steady_clock::duration pollingInterval(std::chrono::steady_clock::duration interval) {
  // The configuration allows only positive intervals; a year keeps wait_for from overflowing.
  return std::clamp<std::chrono::steady_clock::duration>(interval, std::chrono::milliseconds(1),
                                                         std::chrono::hours(24 * 365));
}

curl_socket_t openSocket(void*, curlsocktype, curl_sockaddr* address) {
  // CLOEXEC: a program the application exec()s has no use for the agent's connection.
  const int fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  return fd < 0 ? CURL_SOCKET_BAD : fd;
}

}  // namespace

struct RemoteSampler::Strategy {
  const uint64_t id = lastStrategyId.fetch_add(1, std::memory_order_relaxed) + 1;
  SamplingStrategy description;
  std::unique_ptr<Sampler> sampler;
};

// One libcurl easy handle in a multi handle of its own: curl_multi_poll lets close() wake a
// request in progress (curl_multi_wakeup) instead of waiting for its timeout.
struct RemoteSampler::Transfer {
  CURL* easy = nullptr;
  CURLM* multi = nullptr;
  char errorText[CURL_ERROR_SIZE] = {};
  std::string body;
  bool tooLarge = false;

  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer() {
    if (multi != nullptr) curl_multi_cleanup(multi);
    if (easy != nullptr) curl_easy_cleanup(easy);
  }

  static size_t keepBody(char* data, size_t size, size_t count, void* context) {
    auto& transfer = *static_cast<Transfer*>(context);
    const size_t bytes = size * count;
    if (transfer.body.size() + bytes > kMaxAnswerBytes) {
      transfer.tooLarge = true;
      return 0;  // libcurl ends the transfer with CURLE_WRITE_ERROR
    }
    transfer.body.append(data, bytes);
    return bytes;
  }

  // Throws std::runtime_error saying what failed.
  static std::unique_ptr<Transfer> make(const std::string& url) {
    if (const CURLcode init = initializeCurlGlobal(); init != CURLE_OK) {
      throw std::runtime_error(std::string("cannot initialize libcurl: ") +
                               curl_easy_strerror(init));
    }
    auto transfer = std::make_unique<Transfer>();
    transfer->easy = curl_easy_init();
    transfer->multi = curl_multi_init();
    if (transfer->easy == nullptr || transfer->multi == nullptr) {
      throw std::runtime_error("cannot create libcurl handles");
    }
    CURL* curl = transfer->easy;
    CURLcode code = CURLE_OK;
    const auto set = [&](CURLoption option, auto value) {
      if (code == CURLE_OK) code = curl_easy_setopt(curl, option, value);
    };
    set(CURLOPT_URL, url.c_str());
#if LIBCURL_VERSION_NUM >= 0x075500
    set(CURLOPT_PROTOCOLS_STR, "http,https");
#else
    set(CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    set(CURLOPT_HTTPGET, 1L);
    set(CURLOPT_USERAGENT, kUserAgent);
    // Timeouts without SIGALRM, which would hit any thread of the application.
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMillis);
    set(CURLOPT_TIMEOUT_MS, kRequestTimeoutMillis);
    // One request a refresh interval gains nothing from a kept connection, and a forked child
    // then inherits none.
    set(CURLOPT_FORBID_REUSE, 1L);
    set(CURLOPT_OPENSOCKETFUNCTION, &openSocket);
    set(CURLOPT_ERRORBUFFER, transfer->errorText);
    set(CURLOPT_WRITEFUNCTION, &Transfer::keepBody);
    set(CURLOPT_WRITEDATA, static_cast<void*>(transfer.get()));
    if (code != CURLE_OK) {
      throw std::runtime_error(std::string("cannot set up libcurl: ") + curl_easy_strerror(code));
    }
    return transfer;
  }
};

RemoteSampler::RemoteSampler(const samplers::Config& config, const std::string& serviceName,
                             logging::Logger& logger)
    : requestUrl_(samplingRequestUrl(config.samplingServerURL(), serviceName)),
      loggedUrl_(urlWithoutUserInfo(requestUrl_)),
      refreshInterval_(pollingInterval(config.samplingRefreshInterval())),
      maxOperations_(static_cast<size_t>(std::max(config.maxOperations(), 0))),
      logger_(logger),
      current_(nullptr) {
  // Jaeger's initial strategy, until the agent answers.
  auto initial = std::make_unique<Strategy>();
  initial->description = SamplingStrategy::probabilistic(std::clamp(config.param(), 0.0, 1.0));
  initial->sampler = makeSampler(initial->description, nullptr);
  current_.store(initial.release(), std::memory_order_release);

  registerForkAware(this);
  std::lock_guard<std::mutex> lock(mutex_);
  startPolling();
}

RemoteSampler::~RemoteSampler() {
  close();
  unregisterForkAware(this);
  delete current_.load(std::memory_order_acquire);
}

SamplingDecision RemoteSampler::isSampled(const TraceID& traceID, std::string_view operationName) {
  if (restartPending_.load(std::memory_order_relaxed)) restartAfterFork();
  GracePeriod::ReadSection section(grace_);
  const Strategy* strategy = current_.load(std::memory_order_seq_cst);
  const SamplingDecision decision = strategy->sampler->isSampled(traceID, operationName);
  if (!decision.sampled || decision.tags == nullptr) return {decision.sampled, &kNoTags};
  // Copied while the strategy surely lives.
  return {true, tagCopies().copy(strategy->id, decision.tags)};
}

void RemoteSampler::close() {
  std::thread thread;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopRequested_ = true;
    restartPending_.store(false, std::memory_order_relaxed);
    stopping_.store(true, std::memory_order_release);
    wake_.notify_all();
    if (transfer_ != nullptr) curl_multi_wakeup(transfer_->multi);
    // Whoever takes the thread joins it; a second close() has nothing left to stop.
    thread = std::move(thread_);
  }
  if (thread.joinable()) thread.join();
}

SamplingStrategy RemoteSampler::strategy() const {
  GracePeriod::ReadSection section(grace_);
  return current_.load(std::memory_order_seq_cst)->description;
}

void RemoteSampler::startPolling() noexcept {
  try {
    transfer_ = Transfer::make(requestUrl_);
    thread_ = std::thread([this, transfer = transfer_.get()] { run(*transfer); });
  } catch (const std::exception& error) {
    try {
      logError("remote sampler: cannot poll " + loggedUrl_ + " for sampling strategies (" +
               error.what() + "); sampling with " +
               current_.load(std::memory_order_acquire)->description.describe());
    } catch (...) {
      // Out of memory for the message: the sampler keeps its initial strategy.
    }
  } catch (...) {
  }
}

void RemoteSampler::logError(const std::string& message) noexcept {
  try {
    logger_.error(message);
  } catch (...) {
    // The application's logger threw: the sampler goes on without it.
  }
}

void RemoteSampler::run(Transfer& transfer) {
  for (;;) {
    poll(transfer);
    std::unique_lock<std::mutex> lock(mutex_);
    if (wake_.wait_for(lock, refreshInterval_, [this] { return stopRequested_; })) return;
  }
}

void RemoteSampler::poll(Transfer& transfer) noexcept {
  std::string failure;
  try {
    if (fetch(transfer, failure)) {
      auto strategy = parseSamplingStrategy(transfer.body);
      if (strategy) {
        apply(*strategy);
        if (strategy->clamped != clampedLogged_) {
          clampedLogged_ = strategy->clamped;
          if (!clampedLogged_.empty()) {
            logger_.error("remote sampler: " + loggedUrl_ +
                          " asks for rates the sampler cannot apply: " + clampedLogged_ +
                          "; sampling with " + strategy->describe() +
                          " (logged once while the answer stays the same)");
          }
        }
        if (failing_) {
          failing_ = false;
          logger_.info("remote sampler: " + loggedUrl_ + " answers again: sampling with " +
                       strategy->describe());
        }
        return;
      }
      failure = "unusable strategy: " + strategy.error();
    }
  } catch (const std::exception& error) {
    failure = error.what();
  } catch (...) {
    // The logger threw, or something below did without saying what: the thread goes on.
    failure = "an unknown error";
  }
  if (stopping_.load(std::memory_order_acquire)) return;  // cut short by close()
  if (!failing_) {
    failing_ = true;
    try {
      // The strategy in force is this thread's to replace, so reading it needs no grace.
      logError("remote sampler: cannot get the sampling strategy from " + loggedUrl_ + ": " +
               failure + "; still sampling with " +
               current_.load(std::memory_order_relaxed)->description.describe() +
               " (logged once until an answer is good again)");
    } catch (...) {
      // Out of memory for the message.
    }
  }
}

bool RemoteSampler::fetch(Transfer& transfer, std::string& failure) {
  transfer.body.clear();
  transfer.tooLarge = false;
  transfer.errorText[0] = '\0';
  // close() sets stopping_ and wakes the wait (curl_multi_wakeup): the request ends at once.
  const CurlMultiOutcome outcome = performInMulti(transfer.multi, transfer.easy, [this] {
    return stopping_.load(std::memory_order_acquire) ? std::chrono::steady_clock::time_point::min()
                                                     : std::chrono::steady_clock::time_point::max();
  });
  if (outcome.gaveUp) {
    failure = "stopped";
    return false;
  }
  if (outcome.multiCode != CURLM_OK || !outcome.done) {
    failure = std::string("libcurl: ") + curl_multi_strerror(outcome.multiCode);
    return false;
  }
  const CURLcode result = outcome.code;
  if (result != CURLE_OK) {
    if (transfer.tooLarge) {
      failure = "the answer is larger than " + std::to_string(kMaxAnswerBytes) + " bytes";
    } else {
      failure = transfer.errorText[0] != '\0' ? std::string(transfer.errorText)
                                              : std::string(curl_easy_strerror(result));
    }
    return false;
  }
  long status = 0;
  curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) {
    failure = "HTTP " + std::to_string(status);
    if (!transfer.body.empty()) failure += ": " + printable(transfer.body, kBodyExcerptChars);
    return false;
  }
  return true;
}

void RemoteSampler::apply(const SamplingStrategy& description) {
  Strategy* current = current_.load(std::memory_order_relaxed);
  if (current->description == description) return;
  auto next = std::make_unique<Strategy>();
  next->description = description;
  next->sampler = makeSampler(description, current->sampler.get());
  current_.store(next.release(), std::memory_order_seq_cst);
  grace_.synchronize();
  delete current;
}

std::unique_ptr<Sampler> RemoteSampler::makeSampler(const SamplingStrategy& strategy,
                                                    const Sampler* previous) {
  switch (strategy.type) {
    case SamplingStrategy::Type::kProbabilistic:
      return std::make_unique<ProbabilisticSampler>(strategy.samplingRate);
    case SamplingStrategy::Type::kRateLimiting:
      return std::make_unique<RateLimitingSampler>(strategy.maxTracesPerSecond);
    case SamplingStrategy::Type::kPerOperation:
      return std::make_unique<PerOperationSampler>(
          strategy.perOperation, maxOperations_, operationsMutex_,
          dynamic_cast<const PerOperationSampler*>(previous));
  }
  return std::make_unique<ProbabilisticSampler>(0.0);
}

void RemoteSampler::prepareFork() noexcept {
  mutex_.lock();
  operationsMutex_.lock();
}

void RemoteSampler::parentAfterFork() noexcept {
  operationsMutex_.unlock();
  mutex_.unlock();
}

void RemoteSampler::childAfterFork() noexcept {
  // The child has only the forking thread, which is not deciding: the counted readers were
  // the parent's. The polling thread's objects are abandoned, not destroyed: the transfer may
  // have been caught mid-request on the parent's connection, and the condition variable may
  // record the parent's waiters.
  GracePeriod::resetAfterFork();
  new (&wake_) std::condition_variable();
  new (&thread_) std::thread();
  static_cast<void>(transfer_.release());
  failing_ = false;
  if (!stopRequested_) restartPending_.store(true, std::memory_order_relaxed);
  operationsMutex_.unlock();
  mutex_.unlock();
}

void RemoteSampler::restartAfterFork() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!restartPending_.load(std::memory_order_relaxed)) return;
  restartPending_.store(false, std::memory_order_relaxed);
  if (!stopRequested_) startPolling();
}

std::string samplingRequestUrl(const std::string& samplingServerURL,
                               const std::string& serviceName) {
  std::string url = samplingServerURL.substr(0, samplingServerURL.find('#'));
  if (url.find('?') == std::string::npos) {
    url += '?';
  } else if (url.back() != '?' && url.back() != '&') {
    url += '&';
  }
  url += "service=";
  // RFC 3986's unreserved characters stay; a space becomes %20.
  text::appendUrlEncoded(url, serviceName);
  return url;
}

std::string urlWithoutUserInfo(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const size_t begin = scheme + 3;
  const size_t end = std::min(url.find_first_of("/?#", begin), url.size());
  const size_t at = url.rfind('@', end == begin ? begin : end - 1);
  if (at == std::string::npos || at < begin) return url;
  return url.substr(0, begin) + url.substr(at + 1);
}

}  // namespace detail
}  // namespace jaegertracing
