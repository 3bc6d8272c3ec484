#include "platform/CurlEasy.h"

#include <jaegertracing/Version.h>

#include <algorithm>

#include "platform/CurlGlobal.h"
#include "platform/CurlSockets.h"

namespace jaegertracing {
namespace detail {
namespace {

constexpr const char* kUserAgent = "jaegertracing-cpp/" JAEGERTRACING_VERSION;

}  // namespace

std::unique_ptr<CurlEasy> CurlEasy::make(const std::string& url, Sockets sockets,
                                         BodyLimit bodyLimit, std::string& failure) {
  // Only the tracked sockets need the fork handler.
  const CURLcode init =
      sockets == Sockets::kTrackedForFork ? initializeLibcurl() : initializeCurlGlobal();
  if (init != CURLE_OK) {
    failure = std::string("cannot initialize libcurl: ") + curl_easy_strerror(init);
    return nullptr;
  }
  std::unique_ptr<CurlEasy> easy(new CurlEasy(bodyLimit));
  easy->handle_ = curl_easy_init();
  if (easy->handle_ == nullptr) {
    failure = "cannot create a libcurl handle";
    return nullptr;
  }
  easy->set(CURLOPT_URL, url.c_str());
#if LIBCURL_VERSION_NUM >= 0x075500
  easy->set(CURLOPT_PROTOCOLS_STR, "http,https");
#else
  easy->set(CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  easy->set(CURLOPT_USERAGENT, kUserAgent);
  // Timeouts without SIGALRM, which would hit any thread of the application.
  easy->set(CURLOPT_NOSIGNAL, 1L);
  easy->set(CURLOPT_ERRORBUFFER, easy->errorBuffer_);
  easy->set(CURLOPT_WRITEFUNCTION, &CurlEasy::keepBody);
  easy->set(CURLOPT_WRITEDATA, static_cast<void*>(easy.get()));
  if (sockets == Sockets::kTrackedForFork) {
    easy->set(CURLOPT_OPENSOCKETFUNCTION, &openTrackedSocket);
    easy->set(CURLOPT_CLOSESOCKETFUNCTION, &closeTrackedSocket);
  } else {
    easy->set(CURLOPT_OPENSOCKETFUNCTION, &openCloseOnExecSocket);
  }
  return easy;
}

CurlEasy::~CurlEasy() {
  if (handle_ != nullptr) curl_easy_cleanup(handle_);
  curl_slist_free_all(headers_);
}

void CurlEasy::setUpPost(const std::string& contentType, const std::vector<std::string>& headers,
                         const std::string& caFile) {
  std::vector<std::string> lines = {"Content-Type: " + contentType,
                                    // No "Expect: 100-continue" wait before large bodies.
                                    "Expect:"};
  lines.insert(lines.end(), headers.begin(), headers.end());
  for (const std::string& line : lines) {
    curl_slist* appended = curl_slist_append(headers_, line.c_str());
    if (appended == nullptr) {
      headersFailed_ = true;
      return;
    }
    headers_ = appended;
  }
  set(CURLOPT_POST, 1L);
  set(CURLOPT_HTTPHEADER, headers_);
  set(CURLOPT_SSL_VERIFYPEER, 1L);
  set(CURLOPT_SSL_VERIFYHOST, 2L);
  if (!caFile.empty()) set(CURLOPT_CAINFO, caFile.c_str());
}

bool CurlEasy::finishSetup(std::string& failure) const {
  if (headersFailed_) {
    failure = "cannot build the request headers";
    return false;
  }
  if (setupCode_ != CURLE_OK) {
    failure = std::string("cannot set up libcurl: ") + curl_easy_strerror(setupCode_);
    return false;
  }
  return true;
}

void CurlEasy::clearAnswer() {
  errorBuffer_[0] = '\0';
  body_.clear();
  bodyBytes_ = 0;
  bodyTooLarge_ = false;
}

const char* CurlEasy::errorText(CURLcode code) const {
  return errorBuffer_[0] != '\0' ? errorBuffer_ : curl_easy_strerror(code);
}

size_t CurlEasy::keepBody(char* data, size_t size, size_t count, void* context) {
  auto& easy = *static_cast<CurlEasy*>(context);
  const size_t bytes = size * count;
  const size_t limit = easy.bodyLimit_.bytes;
  if (easy.bodyLimit_.failBeyond && easy.body_.size() + bytes > limit) {
    easy.bodyTooLarge_ = true;
    return 0;  // libcurl ends the transfer with CURLE_WRITE_ERROR
  }
  easy.bodyBytes_ += bytes;
  if (easy.body_.size() < limit) {
    easy.body_.append(data, std::min(bytes, limit - easy.body_.size()));
  }
  return bytes;
}

}  // namespace detail
}  // namespace jaegertracing
