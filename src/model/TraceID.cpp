#include <jaegertracing/TraceID.h>

#include "text/Hex.h"

namespace jaegertracing {

std::string TraceID::toHex() const {
  std::string out;
  if (high_ != 0) {
    appendHex16(out, high_);
  }
  appendHex16(out, low_);
  return out;
}

}  // namespace jaegertracing
