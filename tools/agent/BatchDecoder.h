// Decodes what Jaeger clients send with the generated Thrift types, the reference decoder: an
// agent's datagram (one oneway "emitBatch" message) or a collector's request body (a bare
// Batch). Input is untrusted: a length or count that the input cannot hold is an error before
// anything is allocated for it, and every problem comes back as a reason, never an exception.
#ifndef JAEGERTRACING_TOOLS_AGENT_BATCHDECODER_H
#define JAEGERTRACING_TOOLS_AGENT_BATCHDECODER_H

#include <jaeger_types.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace jaegertracing {
namespace testing {

enum class ThriftProtocol { kCompact, kBinary };

// "compact" or "binary".
const char* protocolName(ThriftProtocol protocol);

// Fills `batch` from exactly one emitBatch message of type ONEWAY (nothing missing, nothing
// trailing). Returns "" on success, else why the input was rejected.
std::string decodeEmitBatch(const uint8_t* data, size_t size, ThriftProtocol protocol,
                            jaegertracing::thrift::Batch& batch);

// Fills `batch` from exactly one bare Batch struct, as POSTed to a collector.
std::string decodeBatch(const uint8_t* data, size_t size, ThriftProtocol protocol,
                        jaegertracing::thrift::Batch& batch);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TOOLS_AGENT_BATCHDECODER_H
