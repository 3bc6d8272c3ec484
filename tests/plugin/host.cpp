// plugin-host: a program that knows only OpenTracing, as nginx or Envoy do. It loads the plugin
// with DynamicallyLoadTracingLibrary, makes a tracer from a configuration file, sends a root span
// with children, prints the context it injects and closes the tracer. It links neither the
// library nor its dependencies, so nothing in the process can stand in for what the plugin
// lacks. Output lines: "injected <header>: <value>", then "sent <n> spans"; failures print
// "error: ..." and exit 2 (load) or 3 (MakeTracer).
//
//   plugin-host PLUGIN CONFIG_FILE SPANS
#include <opentracing/dynamic_load.h>
#include <opentracing/propagation.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

class PrintingWriter : public opentracing::HTTPHeadersWriter {
 public:
  opentracing::expected<void> Set(opentracing::string_view key,
                                  opentracing::string_view value) const override {
    std::cout << "injected " << std::string(key) << ": " << std::string(value) << "\n";
    return {};
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: plugin-host PLUGIN CONFIG_FILE SPANS\n";
    return 64;
  }
  const int spans = std::atoi(argv[3]);
  std::ifstream file(argv[2]);
  std::stringstream configuration;
  configuration << file.rdbuf();
  if (!file || spans < 1) {
    std::cerr << "plugin-host: cannot read " << argv[2] << " or bad span count " << argv[3] << "\n";
    return 64;
  }

  std::string errorMessage;
  auto library = opentracing::DynamicallyLoadTracingLibrary(argv[1], errorMessage);
  if (!library) {
    std::cout << "error: " << library.error().message() << ": " << errorMessage << std::endl;
    return 2;
  }
  {
    // Scoped: the tracer must be gone before the library handle unloads its code.
    auto tracer = library->tracer_factory().MakeTracer(configuration.str().c_str(), errorMessage);
    if (!tracer) {
      std::cout << "error: " << tracer.error().message() << ": " << errorMessage << std::endl;
      return 3;
    }
    auto root = (*tracer)->StartSpan("host-root");
    for (int index = 1; index < spans; ++index) {
      auto child = (*tracer)->StartSpan("host-child", {opentracing::ChildOf(&root->context())});
      child->SetTag("index", index);
      child->Finish();
    }
    (*tracer)->Inject(root->context(), PrintingWriter());
    root->Finish();
    (*tracer)->Close();
  }
  std::cout << "sent " << spans << " spans" << std::endl;
  return 0;
}
