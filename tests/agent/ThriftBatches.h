// Batches as Jaeger clients send them, built with the generated Thrift types, for the tests of
// the test agent (tools/agent) and of jaeger-tail (tools/tail).
#ifndef JAEGERTRACING_TESTS_AGENT_THRIFTBATCHES_H
#define JAEGERTRACING_TESTS_AGENT_THRIFTBATCHES_H

#include <Agent.h>
#include <jaeger_types.h>
#include <thrift/protocol/TProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace jaegertracing {
namespace testing {

inline thrift::Tag stringTag(const std::string& key, const std::string& value) {
  thrift::Tag tag;
  tag.key = key;
  tag.vType = thrift::TagType::STRING;
  tag.__set_vStr(value);
  return tag;
}

// A sampled span of a trace with a 64-bit id, no tags, logs or references.
inline thrift::Span span(int64_t traceId, int64_t spanId, int64_t parentId,
                         const std::string& operation, int64_t start, int64_t duration) {
  thrift::Span result;
  result.traceIdLow = traceId;
  result.traceIdHigh = 0;
  result.spanId = spanId;
  result.parentSpanId = parentId;
  result.operationName = operation;
  result.flags = 1;
  result.startTime = start;
  result.duration = duration;
  return result;
}

inline thrift::Batch batch(const std::string& service, std::vector<thrift::Span> spans) {
  thrift::Batch result;
  result.process.serviceName = service;
  result.spans = std::move(spans);
  return result;
}

// A complete emitBatch message as a Jaeger client writes it to the agent, through the generated
// client (the reference encoder), in Protocol (TCompactProtocol or TBinaryProtocol).
template <typename Protocol>
std::string emitBatchMessage(const thrift::Batch& batch) {
  auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>();
  agent::thrift::AgentClient client(std::make_shared<Protocol>(buffer));
  client.emitBatch(batch);
  return buffer->getBufferAsString();
}

// Opens a oneway emitBatch message down to the fields of its Batch, for tests that write those
// fields by hand: what no generated type can hold, like a missing required field.
inline void writeEmitBatchOpening(apache::thrift::protocol::TProtocol& protocol) {
  protocol.writeMessageBegin("emitBatch", apache::thrift::protocol::T_ONEWAY, 0);
  protocol.writeStructBegin("Agent_emitBatch_args");
  protocol.writeFieldBegin("batch", apache::thrift::protocol::T_STRUCT, 1);
  protocol.writeStructBegin("Batch");
}

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_AGENT_THRIFTBATCHES_H
