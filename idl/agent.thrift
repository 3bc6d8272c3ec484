# The agent's UDP interface: one oneway emitBatch message per datagram.

include "jaeger.thrift"

namespace cpp jaegertracing.agent.thrift

service Agent {
  oneway void emitBatch(1: jaeger.Batch batch)
}
