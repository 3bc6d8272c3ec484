// libjaegertracing_plugin.so as hosts use it: loaded with DynamicallyLoadTracingLibrary, a tracer
// made from JSON or YAML text reports to a real agent; bad text gives an error naming the
// problem; only the factory hook is exported. The test binary links the library itself, so the
// plugin is also loaded by plugin-host, a program that links nothing but OpenTracing.
#ifdef JAEGERTRACING_PLUGIN

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <opentracing/dynamic_load.h>
#include <opentracing/version.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "agent/AgentReceiver.h"
#include "agent/TraceTree.h"
#include "support/Process.h"
#include "support/TempDirectory.h"
#include "support/UberTraceId.h"

namespace jaegertracing {
namespace testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kSpansDeadline = 15s;
constexpr auto kExitDeadline = 30s;
constexpr auto kLineDeadline = 30s;

std::string jsonConfig(const std::string& serviceName, const std::string& agentHostPort) {
  return R"({
    "service_name": ")" +
         serviceName + R"(",
    "sampler": {"type": "const", "param": 1},
    "reporter": {"localAgentHostPort": ")" +
         agentHostPort + R"(", "bufferFlushInterval": 1}
  })";
}

std::string yamlConfig(const std::string& serviceName, const std::string& agentHostPort) {
  return "service_name: " + serviceName +
         "\n"
         "sampler:\n"
         "  type: const\n"
         "  param: 1\n"
         "reporter:\n"
         "  localAgentHostPort: " +
         agentHostPort +
         "\n"
         "  bufferFlushInterval: 1\n";
}

// Nothing in the environment may redirect the spans or rename the service (the plugin applies
// JAEGER_* variables after the text; an empty one is not applied).
std::map<std::string, std::string> cleanEnvironment() {
  return {{"JAEGER_AGENT_HOST", ""},    {"JAEGER_AGENT_PORT", ""},   {"JAEGER_ENDPOINT", ""},
          {"JAEGER_DISABLED", ""},      {"JAEGER_SERVICE_NAME", ""}, {"JAEGER_SAMPLER_TYPE", ""},
          {"JAEGER_SAMPLER_PARAM", ""}, {"JAEGER_PROPAGATION", ""},  {"JAEGER_TAGS", ""}};
}

class PluginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto library = opentracing::DynamicallyLoadTracingLibrary(JAEGERTRACING_PLUGIN, loadError_);
    ASSERT_TRUE(library) << library.error().message() << ": " << loadError_;
    library_ = std::move(*library);
  }

  const opentracing::TracerFactory& factory() const { return library_.tracer_factory(); }

  // Starts a root and a child span, finishes both and closes the tracer; then the agent must
  // hold exactly those two spans, in one trace, for `serviceName`.
  void expectReportsTwoSpans(const std::shared_ptr<opentracing::Tracer>& tracer,
                             const std::string& serviceName) {
    {
      auto root = tracer->StartSpan("plugin-root");
      auto child = tracer->StartSpan("plugin-child", {opentracing::ChildOf(&root->context())});
      child->SetTag("plugin", true);
      child->Finish();
      root->Finish();
    }
    tracer->Close();

    ASSERT_TRUE(agent_.waitForSpans(2, kSpansDeadline)) << renderTraceTree(agent_.batches());
    EXPECT_EQ(agent_.malformedDatagrams(), 0u);
    const auto batches = agent_.batches();
    std::map<std::string, thrift::Span> spans;
    for (const auto& batch : batches) {
      EXPECT_EQ(batch.process.serviceName, serviceName);
      for (const auto& span : batch.spans) {
        EXPECT_TRUE(spans.emplace(span.operationName, span).second) << span.operationName;
      }
    }
    ASSERT_EQ(spans.size(), 2u) << renderTraceTree(batches);
    const auto& root = spans.at("plugin-root");
    const auto& child = spans.at("plugin-child");
    EXPECT_EQ(root.parentSpanId, 0);
    EXPECT_EQ(child.parentSpanId, root.spanId);
    EXPECT_EQ(child.traceIdLow, root.traceIdLow);
    EXPECT_EQ(child.traceIdHigh, root.traceIdHigh);
    EXPECT_NE(root.flags & 0x1, 0) << "sampled flag";
  }

  std::string loadError_;
  opentracing::DynamicTracingLibraryHandle library_;
  AgentReceiver agent_;
};

TEST_F(PluginTest, tracerFromJsonReportsToTheAgent) {
  std::string error;
  auto tracer = factory().MakeTracer(jsonConfig("plugin-json", agent_.hostPort()).c_str(), error);
  ASSERT_TRUE(tracer) << tracer.error().message() << ": " << error;
  expectReportsTwoSpans(*tracer, "plugin-json");
}

TEST_F(PluginTest, tracerFromBlockYamlReportsToTheAgent) {
  std::string error;
  auto tracer = factory().MakeTracer(yamlConfig("plugin-yaml", agent_.hostPort()).c_str(), error);
  ASSERT_TRUE(tracer) << tracer.error().message() << ": " << error;
  expectReportsTwoSpans(*tracer, "plugin-yaml");
}

TEST_F(PluginTest, jsonIndentedWithTabsIsAccepted) {
  // JSON allows tabs anywhere between tokens; YAML's flow style must accept them too.
  const std::string config =
      "{\n\t\"service_name\": \"plugin-tabs\",\n\t\"sampler\": {\n\t\t"
      "\"type\": \"const\",\n\t\t\"param\": 1\n\t},\n\t\"reporter\": "
      "{\"localAgentHostPort\": \"" +
      agent_.hostPort() + "\"}\n}";
  std::string error;
  auto tracer = factory().MakeTracer(config.c_str(), error);
  ASSERT_TRUE(tracer) << tracer.error().message() << ": " << error;
  expectReportsTwoSpans(*tracer, "plugin-tabs");
}

struct BadConfig {
  const char* what;
  std::string text;
  std::error_code expected;
  std::vector<std::string> messageMentions;
};

TEST_F(PluginTest, badConfigurationsFailWithAMessageNamingTheProblem) {
  const std::vector<BadConfig> cases = {
      {"JSON cut short",
       R"({"service_name": "svc", "sampler": {"type": "const")",
       opentracing::configuration_parse_error,
       {"neither JSON nor YAML"}},
      {"YAML with a bad indent",
       "service_name: svc\nsampler:\n  type: const\n param: 1\n",
       opentracing::configuration_parse_error,
       {"neither JSON nor YAML"}},
      {"probability out of range",
       R"({"service_name": "svc", "sampler": {"type": "probabilistic", "param": 1.5}})",
       opentracing::invalid_configuration_error,
       {"sampler.param", "1.5"}},
      {"unknown sampler type",
       "service_name: svc\nsampler:\n  type: sometimes\n",
       opentracing::invalid_configuration_error,
       {"sampler.type", "sometimes"}},
      {"agent address without a port",
       R"({"service_name": "svc", "reporter": {"localAgentHostPort": "nowhere"}})",
       opentracing::invalid_configuration_error,
       {"reporter.localAgentHostPort", "nowhere"}},
      {"no service name",
       R"({"sampler": {"type": "const", "param": 1}})",
       opentracing::invalid_configuration_error,
       {"service_name"}},
      {"empty text", "", opentracing::invalid_configuration_error, {"service_name"}},
      {"a list instead of a map",
       "[1, 2]",
       opentracing::invalid_configuration_error,
       {"configuration"}},
      {"a number instead of a section",
       R"({"service_name": "svc", "reporter": 5})",
       opentracing::invalid_configuration_error,
       {"reporter"}},
  };
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.what);
    std::string error;
    auto tracer = factory().MakeTracer(bad.text.c_str(), error);
    ASSERT_FALSE(tracer) << "a tracer was made from: " << bad.text;
    EXPECT_EQ(tracer.error(), bad.expected) << tracer.error().message();
    for (const auto& mention : bad.messageMentions) {
      EXPECT_NE(error.find(mention), std::string::npos)
          << "error message \"" << error << "\" does not mention " << mention;
    }
  }
  // No tracer was made, so nothing was sent.
  EXPECT_FALSE(agent_.waitForSpans(1, 100ms));
}

TEST_F(PluginTest, nullConfigurationIsAnErrorNotACrash) {
  std::string error;
  auto tracer = factory().MakeTracer(nullptr, error);
  ASSERT_FALSE(tracer);
  EXPECT_EQ(tracer.error(), opentracing::invalid_configuration_error);
  EXPECT_NE(error.find("no text"), std::string::npos) << error;
}

TEST_F(PluginTest, disabledConfigurationGivesATracerThatSendsNothing) {
  std::string error;
  const std::string config = R"({"service_name": "svc", "disabled": true, "reporter":
                                 {"localAgentHostPort": ")" +
                             agent_.hostPort() + R"("}})";
  auto tracer = factory().MakeTracer(config.c_str(), error);
  ASSERT_TRUE(tracer) << error;
  (*tracer)->StartSpan("unseen")->Finish();
  (*tracer)->Close();
  EXPECT_FALSE(agent_.waitForSpans(1, 300ms));
}

// The hook itself, called as DynamicallyLoadTracingLibrary would with another OpenTracing.
TEST(PluginHookTest, refusesAnotherOpenTracingVersionWithItsErrorCategory) {
  void* handle = ::dlopen(JAEGERTRACING_PLUGIN, RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(handle, nullptr) << ::dlerror();
  const auto* hook = static_cast<OpenTracingMakeTracerFactoryType* const*>(
      ::dlsym(handle, "OpenTracingMakeTracerFactory"));
  ASSERT_NE(hook, nullptr) << ::dlerror();

  const void* category = nullptr;
  std::string message;
  void* factory = nullptr;
  const int code = (**hook)("0.9.0", OPENTRACING_ABI_VERSION, &category, &message, &factory);
  EXPECT_EQ(code, opentracing::incompatible_library_versions_error.value());
  EXPECT_EQ(category, &opentracing::dynamic_load_error_category());
  EXPECT_EQ(factory, nullptr);
  EXPECT_NE(message.find("0.9.0"), std::string::npos) << message;
  EXPECT_NE(message.find(OPENTRACING_VERSION), std::string::npos) << message;

  const int abiCode = (**hook)(OPENTRACING_VERSION, "0", &category, &message, &factory);
  EXPECT_EQ(abiCode, opentracing::incompatible_library_versions_error.value());
  EXPECT_EQ(factory, nullptr);

  const int accepted =
      (**hook)(OPENTRACING_VERSION, OPENTRACING_ABI_VERSION, &category, &message, &factory);
  ASSERT_EQ(accepted, 0);
  ASSERT_NE(factory, nullptr);
  delete static_cast<opentracing::TracerFactory*>(factory);
  ::dlclose(handle);
}

// Every line a program printed on stdout until it closed it.
std::vector<std::string> allLines(Process& process) {
  std::vector<std::string> lines;
  while (auto line = process.readLine(kLineDeadline)) {
    lines.push_back(*line);
  }
  return lines;
}

std::set<std::string> dynamicSymbols(const std::string& which) {
  Process nm({JAEGERTRACING_NM, "--dynamic", which, "--format=posix", JAEGERTRACING_PLUGIN});
  std::set<std::string> names;
  for (const auto& line : allLines(nm)) {
    names.insert(line.substr(0, line.find(' ')));
  }
  const auto status = nm.wait(kExitDeadline);
  EXPECT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "nm " << (status ? describeStatus(*status) : "still runs");
  return names;
}

TEST(PluginSymbolsTest, exportsOnlyTheFactoryHook) {
  // export.map makes every other symbol local, the C++ runtime's weak template instances
  // included: they are found inside the plugin, never in (or from) the host.
  EXPECT_EQ(dynamicSymbols("--defined-only"),
            std::set<std::string>{"OpenTracingMakeTracerFactory"});
}

TEST(PluginSymbolsTest, takesNothingOfTheLibraryFromTheHost) {
  // The library's code is compiled into the plugin: a host that also links libjaegertracing (of
  // any version) must not lend it any of our symbols. What it needs from outside is OpenTracing
  // (shared with the host), the C and C++ runtimes, Thrift, yaml-cpp and libcurl.
  const auto undefined = dynamicSymbols("--undefined-only");
  bool needsOpenTracing = false;
  for (const auto& name : undefined) {
    EXPECT_EQ(name.find("13jaegertracing"), std::string::npos) << name;
    needsOpenTracing = needsOpenTracing || name.find("11opentracing") != std::string::npos;
  }
  // The check reads mangled names: prove it would see a namespace by finding OpenTracing's.
  EXPECT_TRUE(needsOpenTracing);
}

class PluginHostTest : public ::testing::Test {
 protected:
  struct Run {
    std::optional<int> status;
    std::vector<std::string> lines;
  };

  Run runHost(const std::string& config, int spans,
              std::map<std::string, std::string> environment = cleanEnvironment()) {
    const auto configFile = directory_.write("tracer.yml", config);
    Process host({JAEGERTRACING_PLUGIN_HOST, JAEGERTRACING_PLUGIN, configFile.string(),
                  std::to_string(spans)},
                 environment);
    Run run;
    run.lines = allLines(host);
    run.status = host.wait(kExitDeadline);
    return run;
  }

  static std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
      text += line + "\n";
    }
    return text;
  }

  TempDirectory directory_;
  AgentReceiver agent_;
};

TEST_F(PluginHostTest, aProgramLinkingOnlyOpenTracingReportsThroughThePlugin) {
  constexpr int kSpans = 25;
  const auto run = runHost(yamlConfig("plugin-host", agent_.hostPort()), kSpans);
  ASSERT_TRUE(run.status) << "plugin-host still runs";
  ASSERT_TRUE(WIFEXITED(*run.status) && WEXITSTATUS(*run.status) == 0)
      << "plugin-host " << describeStatus(*run.status) << ":\n"
      << joined(run.lines);
  ASSERT_FALSE(run.lines.empty());
  EXPECT_EQ(run.lines.back(), "sent " + std::to_string(kSpans) + " spans");

  ASSERT_TRUE(agent_.waitForSpans(kSpans, kSpansDeadline)) << renderTraceTree(agent_.batches());
  const auto batches = agent_.batches();
  const auto spans = agent_.spans();
  ASSERT_EQ(spans.size(), static_cast<size_t>(kSpans)) << renderTraceTree(batches);
  for (const auto& batch : batches) {
    EXPECT_EQ(batch.process.serviceName, "plugin-host");
  }
  const thrift::Span* root = nullptr;
  for (const auto& span : spans) {
    if (span.operationName == "host-root") {
      root = &span;
    }
  }
  ASSERT_NE(root, nullptr) << renderTraceTree(batches);
  for (const auto& span : spans) {
    EXPECT_EQ(span.traceIdLow, root->traceIdLow);
    if (&span != root) {
      EXPECT_EQ(span.operationName, "host-child");
      EXPECT_EQ(span.parentSpanId, root->spanId);
    }
  }

  // The context the host injected is the root span's.
  const std::string prefix = "injected uber-trace-id: ";
  std::optional<UberTraceId> injected;
  for (const auto& line : run.lines) {
    if (line.rfind(prefix, 0) == 0) {
      injected = parseUberTraceId(line.substr(prefix.size()));
    }
  }
  ASSERT_TRUE(injected) << joined(run.lines);
  EXPECT_EQ(injected->traceIdLow, static_cast<uint64_t>(root->traceIdLow));
  EXPECT_EQ(injected->traceIdHigh, static_cast<uint64_t>(root->traceIdHigh));
  EXPECT_EQ(injected->spanId, static_cast<uint64_t>(root->spanId));
  EXPECT_EQ(injected->flags & 0x1, 1u);
}

TEST_F(PluginHostTest, environmentVariablesApplyOverTheConfigurationText) {
  auto environment = cleanEnvironment();
  environment["JAEGER_SERVICE_NAME"] = "named-by-environment";
  const auto run = runHost(jsonConfig("named-in-text", agent_.hostPort()), 1, environment);
  ASSERT_TRUE(run.status && WIFEXITED(*run.status) && WEXITSTATUS(*run.status) == 0)
      << joined(run.lines);
  ASSERT_TRUE(agent_.waitForSpans(1, kSpansDeadline));
  const auto batches = agent_.batches();
  ASSERT_FALSE(batches.empty());
  EXPECT_EQ(batches[0].process.serviceName, "named-by-environment");
}

TEST_F(PluginHostTest, aBadConfigurationIsReportedToTheHost) {
  const auto run = runHost("service_name: svc\nsampler:\n  type: probabilistic\n  param: 1.5\n", 1);
  ASSERT_TRUE(run.status) << "plugin-host still runs";
  ASSERT_TRUE(WIFEXITED(*run.status)) << describeStatus(*run.status);
  EXPECT_EQ(WEXITSTATUS(*run.status), 3) << joined(run.lines);
  ASSERT_EQ(run.lines.size(), 1u) << joined(run.lines);
  EXPECT_NE(run.lines[0].find("sampler.param: \"1.5\""), std::string::npos) << run.lines[0];
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_PLUGIN
