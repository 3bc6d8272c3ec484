#ifndef JAEGERTRACING_SRC_REPORTERS_REPORTERFACTORY_H
#define JAEGERTRACING_SRC_REPORTERS_REPORTERFACTORY_H

#include <jaegertracing/Logging.h>
#include <jaegertracing/reporters/Config.h>

#include <memory>
#include <string>
#include <vector>

#include "metrics/Counters.h"
#include "model/SpanRecord.h"
#include "reporters/Reporter.h"

namespace jaegertracing {
namespace detail {

// The remote reporter and sender a validated configuration asks for.
std::unique_ptr<Reporter> makeReporter(const reporters::Config& config,
                                       const std::string& serviceName,
                                       const std::vector<SpanTag>& processTags, Counters& counters,
                                       logging::Logger& logger);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_REPORTERS_REPORTERFACTORY_H
