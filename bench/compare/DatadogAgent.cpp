#include "DatadogAgent.h"

#include <httplib.h>
#include <msgpack.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace jaegertracing {
namespace compare {
namespace {

bool isKey(const msgpack_object& key, const char* name) {
  const size_t length = std::strlen(name);
  return key.type == MSGPACK_OBJECT_STR && key.via.str.size == length &&
         std::memcmp(key.via.str.ptr, name, length) == 0;
}

// The span_id of one span map, or false when the object is not a span.
bool spanIdOf(const msgpack_object& span, uint64_t& id) {
  if (span.type != MSGPACK_OBJECT_MAP) return false;
  for (uint32_t i = 0; i < span.via.map.size; ++i) {
    const msgpack_object_kv& entry = span.via.map.ptr[i];
    if (isKey(entry.key, "span_id") && entry.val.type == MSGPACK_OBJECT_POSITIVE_INTEGER) {
      id = entry.val.via.u64;
      return true;
    }
  }
  return false;
}

}  // namespace

DatadogAgent::DatadogAgent() : server_(std::make_unique<httplib::Server>()) {
  server_->set_keep_alive_timeout(1);
  const auto intake = [this](const httplib::Request& request, httplib::Response& response) {
    requests_.fetch_add(1);
    count(request.body);
    // The tracer reads per-service sampling rates from the answer; none is a valid answer.
    response.set_content(R"({"rate_by_service":{}})", "application/json");
  };
  for (const char* path : {"/v0.3/traces", "/v0.4/traces"}) {
    server_->Put(path, intake);
    server_->Post(path, intake);
  }
  const int bound = server_->bind_to_any_port("127.0.0.1");
  if (bound <= 0) throw std::runtime_error("DatadogAgent: cannot bind 127.0.0.1:0");
  port_ = static_cast<uint16_t>(bound);
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    listenReturned_.store(true);
  });
}

DatadogAgent::~DatadogAgent() {
  // stop() before listen_after_bind() has started would be lost: wait until it runs.
  while (!server_->is_running() && !listenReturned_.load()) std::this_thread::yield();
  server_->stop();
  thread_.join();
}

void DatadogAgent::count(const std::string& body) {
  msgpack_unpacked unpacked;
  msgpack_unpacked_init(&unpacked);
  size_t offset = 0;
  std::vector<uint64_t> ids;
  bool wellFormed =
      msgpack_unpack_next(&unpacked, body.data(), body.size(), &offset) == MSGPACK_UNPACK_SUCCESS &&
      unpacked.data.type == MSGPACK_OBJECT_ARRAY;
  if (wellFormed) {
    const msgpack_object_array& traces = unpacked.data.via.array;
    for (uint32_t t = 0; wellFormed && t < traces.size; ++t) {
      if (traces.ptr[t].type != MSGPACK_OBJECT_ARRAY) {
        wellFormed = false;
        break;
      }
      const msgpack_object_array& spans = traces.ptr[t].via.array;
      for (uint32_t s = 0; s < spans.size; ++s) {
        uint64_t id = 0;
        if (!spanIdOf(spans.ptr[s], id)) {
          wellFormed = false;
          break;
        }
        ids.push_back(id);
      }
    }
  }
  msgpack_unpacked_destroy(&unpacked);

  std::lock_guard<std::mutex> lock(mutex_);
  if (!wellFormed) {
    ++malformed_;
    return;
  }
  spans_ += ids.size();
  spanIds_.insert(ids.begin(), ids.end());
}

size_t DatadogAgent::distinctSpans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spanIds_.size();
}

size_t DatadogAgent::spans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spans_;
}

size_t DatadogAgent::malformedRequests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return malformed_;
}

}  // namespace compare
}  // namespace jaegertracing
