#ifndef JAEGERTRACING_SRC_SENDERS_SENDER_H
#define JAEGERTRACING_SRC_SENDERS_SENDER_H

#include <functional>
#include <memory>
#include <vector>

#include "tracer/SpanRecord.h"

namespace jaegertracing {
namespace detail {

// Encodes spans and writes them to the agent or collector. Runs on the reporter's thread only,
// never under a lock the application's threads take. It counts what it sent and dropped.
class Sender {
 public:
  virtual ~Sender() = default;
  virtual void send(const std::vector<std::unique_ptr<SpanRecord>>& spans) = 0;
};

// Makes the reporter's sender: once at start, and again in a forked child, whose inherited
// sender may have been caught mid-send by the fork and shares the parent's connections.
using SenderFactory = std::function<std::unique_ptr<Sender>()>;

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SENDERS_SENDER_H
