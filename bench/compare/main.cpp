// compare: the same workloads through every tracer given, each loaded as an OpenTracing 1.6
// plugin, beside OpenTracing's no-op tracer (the floor); one table of medians and ratios.
//
//   compare [--tracer NAME=PLUGIN.so[:TEMPLATE_FILE]]... [--repetitions N] [--baseline NAME]
//           [--workloads LIST] [--clock cpu|wall] [--show-templates]
//
// A tracer named jaegertracing, jaeger-client-cpp or datadog gets the configuration template of
// that name unless a file is given; others need one (placeholders: TracerSource.h). Built with
// our plugin, compare adds "jaegertracing" itself unless --tracer names it.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ConfigTemplates.h"
#include "ResultTable.h"
#include "TracerSource.h"
#include "Workloads.h"

namespace jaegertracing {
namespace compare {
namespace {

constexpr const char* kUsage =
    "usage: compare [--tracer NAME=PLUGIN.so[:TEMPLATE_FILE]]... [--repetitions N]\n"
    "               [--baseline NAME] [--workloads unsampled,sampled,inject,burst]\n"
    "               [--clock cpu|wall]\n"
    "               [--show-templates]\n";

struct TracerArgument {
  std::string name;
  std::string path;
  std::string templateFile;
};

struct Arguments {
  std::vector<TracerArgument> tracers;
  WorkloadOptions options;
  std::string baseline = "jaegertracing";
  std::vector<std::string> workloads = {"unsampled", "sampled", "inject", "burst"};
  bool showTemplates = false;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, separator);) parts.push_back(part);
  return parts;
}

// NAME=PLUGIN.so[:TEMPLATE_FILE]; the template follows the last ':' after ".so".
bool parseTracer(const std::string& text, TracerArgument& tracer, std::string& error) {
  const size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
    error = "--tracer " + text + ": expected NAME=PLUGIN.so[:TEMPLATE_FILE]";
    return false;
  }
  tracer.name = text.substr(0, equals);
  tracer.path = text.substr(equals + 1);
  const size_t library = tracer.path.rfind(".so");
  const size_t colon = tracer.path.find(':', library == std::string::npos ? 0 : library);
  if (colon != std::string::npos) {
    tracer.templateFile = tracer.path.substr(colon + 1);
    tracer.path.erase(colon);
  }
  return true;
}

bool parseArguments(int argc, char** argv, Arguments& arguments, std::string& error) {
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const bool hasValue = i + 1 < argc;
    if (argument == "--tracer" && hasValue) {
      TracerArgument tracer;
      if (!parseTracer(argv[++i], tracer, error)) return false;
      arguments.tracers.push_back(tracer);
    } else if (argument == "--repetitions" && hasValue) {
      arguments.options.repetitions = std::atoi(argv[++i]);
      if (arguments.options.repetitions < 1) {
        error = "--repetitions: expected a positive number";
        return false;
      }
    } else if (argument == "--baseline" && hasValue) {
      arguments.baseline = argv[++i];
    } else if (argument == "--workloads" && hasValue) {
      arguments.workloads = split(argv[++i], ',');
      for (const std::string& workload : arguments.workloads) {
        if (workload != "unsampled" && workload != "sampled" && workload != "inject" &&
            workload != "burst") {
          error = "--workloads: unknown workload " + workload;
          return false;
        }
      }
    } else if (argument == "--clock" && hasValue) {
      const std::string clock = argv[++i];
      if (clock != "cpu" && clock != "wall") {
        error = "--clock: expected cpu or wall";
        return false;
      }
      arguments.options.clock = clock == "cpu" ? TimingClock::kThreadCpu : TimingClock::kWall;
    } else if (argument == "--show-templates") {
      arguments.showTemplates = true;
    } else {
      error = "unknown or incomplete argument: " + argument;
      return false;
    }
  }
  return true;
}

bool readFile(const std::string& path, std::string& text) {
  std::ifstream file(path);
  if (!file) return false;
  std::stringstream content;
  content << file.rdbuf();
  text = content.str();
  return true;
}

bool wanted(const Arguments& arguments, const std::string& workload) {
  for (const std::string& name : arguments.workloads) {
    if (name == workload) return true;
  }
  return false;
}

int run(int argc, char** argv) {
  Arguments arguments;
  std::string error;
  if (!parseArguments(argc, argv, arguments, error)) {
    std::cerr << "compare: " << error << '\n' << kUsage;
    return 2;
  }
  if (arguments.showTemplates) {
    for (const NamedTemplate& known : defaultTemplates()) {
      std::cout << known.name << ":\n" << known.text << "\n\n";
    }
    return 0;
  }

#ifdef COMPARE_JAEGERTRACING_PLUGIN
  bool jaegertracingGiven = false;
  for (const TracerArgument& tracer : arguments.tracers) {
    jaegertracingGiven = jaegertracingGiven || tracer.name == "jaegertracing";
  }
  if (!jaegertracingGiven) {
    arguments.tracers.insert(arguments.tracers.begin(),
                             TracerArgument{"jaegertracing", COMPARE_JAEGERTRACING_PLUGIN, ""});
  }
#endif

  std::vector<std::unique_ptr<TracerSource>> sources;
  sources.push_back(TracerSource::noop("noop"));
  for (const TracerArgument& tracer : arguments.tracers) {
    std::string configTemplate = defaultTemplate(tracer.name);
    if (!tracer.templateFile.empty() && !readFile(tracer.templateFile, configTemplate)) {
      std::cerr << "compare: " << tracer.name << ": cannot read " << tracer.templateFile << '\n';
      return 2;
    }
    if (configTemplate.empty()) {
      std::cerr << "compare: " << tracer.name << ": no template of that name; give one as "
                << tracer.name << "=" << tracer.path << ":TEMPLATE_FILE\n";
      return 2;
    }
    auto source = TracerSource::plugin(tracer.name, tracer.path, configTemplate, error);
    if (!source) {
      std::cerr << "compare: " << error << '\n';
      return 1;
    }
    std::cerr << "compare: " << tracer.name << " = " << tracer.path << '\n';
    sources.push_back(std::move(source));
  }

  std::vector<std::string> names;
  int baselineColumn = -1;
  for (size_t i = 0; i < sources.size(); ++i) {
    names.push_back(sources[i]->name());
    if (sources[i]->name() == arguments.baseline) baselineColumn = static_cast<int>(i);
  }

  struct Workload {
    std::string key;
    WorkloadRow row;
    Result (*run)(const TracerSource&, const WorkloadOptions&);
  };
  std::vector<Workload> workloads = {
      {"unsampled", {"unsampled StartSpan+Finish", "ns/op", true, {}}, runUnsampled},
      {"sampled", {"sampled +2 tags +1 log +Finish", "ns/op", true, {}}, runSampled},
      {"inject", {"Inject+Extract TextMap", "ns/op", true, {}}, runInjectExtract},
      {"burst", {"burst: spans received", "of 100000", false, {}}, runBurst},
  };
  std::vector<WorkloadRow> rows;
  for (Workload& workload : workloads) {
    if (!wanted(arguments, workload.key)) continue;
    for (const auto& source : sources) {
      std::cerr << "compare: " << workload.key << " / " << source->name() << '\n';
      // The no-op tracer sends nothing: a burst has nothing to count.
      const bool applies = !(workload.key == "burst" && source->isNoop());
      workload.row.cells.push_back(applies ? workload.run(*source, arguments.options) : Result{});
    }
    rows.push_back(workload.row);
  }

  std::cout << "compare: median of " << arguments.options.repetitions << " repetitions, "
            << std::thread::hardware_concurrency() << " cores; ns/op of the calling thread's "
            << (arguments.options.clock == TimingClock::kThreadCpu ? "CPU time" : "wall time")
            << ", lower is better\n";
  printTable(std::cout, names, rows, 0, baselineColumn);
  return 0;
}

}  // namespace
}  // namespace compare
}  // namespace jaegertracing

int main(int argc, char** argv) { return jaegertracing::compare::run(argc, argv); }
