#include "TraceFiles.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <utility>

#include "agent/SpanJson.h"

namespace jaegertracing {
namespace tail {

std::string jsonLines(const std::vector<Trace>& traces) {
  std::string lines;
  for (const auto& trace : traces) {
    // A trace's spans arrive in the order their processes flushed; a reader wants them in the
    // order they started.
    std::vector<std::pair<const jaegertracing::thrift::Span*, const std::string*>> spans;
    for (const auto& batch : trace.batches) {
      for (const auto& span : batch.spans) {
        spans.emplace_back(&span, &batch.process.serviceName);
      }
    }
    std::stable_sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
      return a.first->startTime < b.first->startTime;
    });
    for (const auto& [span, service] : spans) {
      lines += testing::spanJsonLine(*span, *service);
      lines += '\n';
    }
  }
  return lines;
}

std::string replaceFile(const std::string& path, const std::string& content) {
  // Same directory, so the rename stays on one file system and is atomic.
  const std::string temporary = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) {
      const int error = errno;
      std::remove(temporary.c_str());
      return "cannot write " + temporary + ": " + std::strerror(error);
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::remove(temporary.c_str());
    return "cannot replace " + path + ": " + std::strerror(error);
  }
  return "";
}

}  // namespace tail
}  // namespace jaegertracing
