// The configuration templates compare ships for the tracers it knows by name, each pointing the
// tracer at the receiver compare runs and taking its sampling decision from the run. Tracers
// loaded under other names need a template file of their own (see TracerSource.h for the
// placeholders).
#ifndef JAEGERTRACING_BENCH_COMPARE_CONFIGTEMPLATES_H
#define JAEGERTRACING_BENCH_COMPARE_CONFIGTEMPLATES_H

#include <string>
#include <vector>

namespace jaegertracing {
namespace compare {

struct NamedTemplate {
  std::string name;
  std::string text;
};

// jaegertracing and jaeger-client-cpp (the same YAML schema, written as JSON) and datadog.
const std::vector<NamedTemplate>& defaultTemplates();

// The default template of that name, or an empty string.
std::string defaultTemplate(const std::string& name);

}  // namespace compare
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_COMPARE_CONFIGTEMPLATES_H
