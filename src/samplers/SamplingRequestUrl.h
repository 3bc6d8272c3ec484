#ifndef JAEGERTRACING_SRC_SAMPLERS_SAMPLINGREQUESTURL_H
#define JAEGERTRACING_SRC_SAMPLERS_SAMPLINGREQUESTURL_H

#include <string>

namespace jaegertracing {
namespace detail {

// Where the remote sampler asks for its strategy: samplingServerURL with "service=NAME" (NAME
// percent-encoded) added to its query, after "?" or "&"; a fragment, which is never sent, is
// dropped.
std::string samplingRequestUrl(const std::string& samplingServerURL,
                               const std::string& serviceName);

}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_SRC_SAMPLERS_SAMPLINGREQUESTURL_H
