// The names of the propagation formats, as propagation_format and JAEGER_PROPAGATION write
// them: jaeger, w3c or b3 in any case, alone or in a comma list.
#ifndef JAEGERTRACING_CONFIG_PROPAGATIONFORMATS_H
#define JAEGERTRACING_CONFIG_PROPAGATIONFORMATS_H

#include <jaegertracing/propagation/Format.h>

#include <string>
#include <vector>

#include "config/ConfigValidation.h"

namespace jaegertracing {
namespace detail {
namespace config {

// One name; `text` is quoted in the error.
Checked<propagation::Format> parsePropagationFormat(const std::string& key,
                                                    const std::string& text);
// "jaeger", "w3c,b3", " B3 , jaeger ": in order, without repeats. An empty list is an error.
Checked<std::vector<propagation::Format>> parsePropagationFormats(const std::string& key,
                                                                  const std::string& text);
// The formats in their first order without repeats: injecting a format twice is waste.
std::vector<propagation::Format> withoutRepeats(const std::vector<propagation::Format>& formats);

}  // namespace config
}  // namespace detail
}  // namespace jaegertracing

#endif  // JAEGERTRACING_CONFIG_PROPAGATIONFORMATS_H
