#include "BatchDecoder.h"

#include <Agent.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TCompactProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <climits>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace testing {
namespace {

using apache::thrift::protocol::TBinaryProtocol;
using apache::thrift::protocol::TCompactProtocol;
using apache::thrift::protocol::TMessageType;
using apache::thrift::protocol::TProtocol;
using apache::thrift::transport::TMemoryBuffer;

// Every element of every list in Jaeger's IDL (a Span, Tag, Log or SpanRef) takes at least this
// many bytes on the wire, even in the compact protocol: a Tag with an empty key is 5.
constexpr size_t kMinListElementBytes = 4;

// Thrift resizes a string or a list to the length the input claims before it reads the
// elements; without limits four random bytes could make it allocate gigabytes. No string can be
// longer than the input, no list can have more elements than the input has room for.
std::unique_ptr<TProtocol> makeProtocol(std::shared_ptr<TMemoryBuffer> transport, size_t size,
                                        ThriftProtocol protocol) {
  const auto stringLimit = static_cast<int32_t>(std::min<size_t>(size, INT32_MAX));
  const auto containerLimit = std::max<int32_t>(1, stringLimit / kMinListElementBytes);
  if (protocol == ThriftProtocol::kCompact) {
    return std::make_unique<TCompactProtocol>(std::move(transport), stringLimit, containerLimit);
  }
  // Not strict on read: clients that write the old unversioned message header are accepted too.
  return std::make_unique<TBinaryProtocol>(std::move(transport), stringLimit, containerLimit,
                                           /*strict_read=*/false, /*strict_write=*/true);
}

std::shared_ptr<TMemoryBuffer> observe(const uint8_t* data, size_t size) {
  // OBSERVE never writes to the buffer, so dropping const here is safe.
  return std::make_shared<TMemoryBuffer>(const_cast<uint8_t*>(data), static_cast<uint32_t>(size),
                                         TMemoryBuffer::OBSERVE);
}

std::string describe(const std::exception& error) {
  const std::string what = error.what();
  return what.empty() ? "undecodable" : what;
}

// Thrift's readers store any integer the input holds in an enum field. Reject what no client
// writes before anything switches on it (TraceTree, SpanJson); reading the value here is why this
// file is built without UBSan's enum check (tools/agent/CMakeLists.txt).
std::string checkTags(const std::vector<jaegertracing::thrift::Tag>& tags) {
  for (const auto& tag : tags) {
    const int type = static_cast<int>(tag.vType);
    if (type < jaegertracing::thrift::TagType::STRING ||
        type > jaegertracing::thrift::TagType::BINARY) {
      return "tag \"" + tag.key + "\" has type " + std::to_string(type) + ", not 0 to 4";
    }
  }
  return "";
}

std::string checkEnums(const jaegertracing::thrift::Batch& batch) {
  std::string error = checkTags(batch.process.tags);
  for (const auto& span : batch.spans) {
    if (error.empty()) {
      error = checkTags(span.tags);
    }
    for (const auto& log : span.logs) {
      if (error.empty()) {
        error = checkTags(log.fields);
      }
    }
    for (const auto& reference : span.references) {
      const int type = static_cast<int>(reference.refType);
      if (error.empty() && type != jaegertracing::thrift::SpanRefType::CHILD_OF &&
          type != jaegertracing::thrift::SpanRefType::FOLLOWS_FROM) {
        error = "span reference has type " + std::to_string(type) + ", not 0 or 1";
      }
    }
  }
  return error;
}

std::string trailingBytes(const TMemoryBuffer& transport, const char* after) {
  const uint32_t left = const_cast<TMemoryBuffer&>(transport).available_read();
  return left == 0 ? "" : std::to_string(left) + " bytes after the " + after;
}

// One oneway "emitBatch" message, as an agent's datagram holds it.
std::string readEmitBatchMessage(TProtocol& reader, jaegertracing::thrift::Batch& batch) {
  std::string name;
  TMessageType type;
  int32_t sequenceId = 0;
  reader.readMessageBegin(name, type, sequenceId);
  if (name != "emitBatch") {
    return "message name \"" + name + "\", not \"emitBatch\"";
  }
  if (type != apache::thrift::protocol::T_ONEWAY) {
    return "message type " + std::to_string(static_cast<int>(type)) + ", not ONEWAY (4)";
  }
  jaegertracing::agent::thrift::Agent_emitBatch_args args;
  args.read(&reader);
  reader.readMessageEnd();
  batch = std::move(args.batch);
  return "";
}

// A bare Batch, as a collector's request body holds it.
std::string readBareBatch(TProtocol& reader, jaegertracing::thrift::Batch& batch) {
  batch.read(&reader);
  return "";
}

// What both decoders do around reading: limits, nothing left after what `read` took (the
// `unit`), enum values checked, every problem as a reason. `read` returns "" or why the input
// is not what it must be.
std::string decodeWith(const uint8_t* data, size_t size, ThriftProtocol protocol,
                       std::string (*read)(TProtocol&, jaegertracing::thrift::Batch&),
                       const char* unit, jaegertracing::thrift::Batch& batch) {
  if (size == 0) {
    return "empty";
  }
  try {
    auto transport = observe(data, size);
    auto reader = makeProtocol(transport, size, protocol);
    jaegertracing::thrift::Batch decoded;
    std::string error = read(*reader, decoded);
    if (error.empty()) {
      error = trailingBytes(*transport, unit);
    }
    if (error.empty()) {
      error = checkEnums(decoded);
    }
    if (error.empty()) {
      batch = std::move(decoded);
    }
    return error;
  } catch (const std::exception& error) {
    return describe(error);
  }
}

}  // namespace

const char* protocolName(ThriftProtocol protocol) {
  return protocol == ThriftProtocol::kCompact ? "compact" : "binary";
}

std::string decodeEmitBatch(const uint8_t* data, size_t size, ThriftProtocol protocol,
                            jaegertracing::thrift::Batch& batch) {
  return decodeWith(data, size, protocol, readEmitBatchMessage, "message", batch);
}

std::string decodeBatch(const uint8_t* data, size_t size, ThriftProtocol protocol,
                        jaegertracing::thrift::Batch& batch) {
  return decodeWith(data, size, protocol, readBareBatch, "Batch", batch);
}

}  // namespace testing
}  // namespace jaegertracing
