// The configuration box: the YAML schema, the JAEGER_* variables and the checks Tracer::make
// runs, each bad value asserted by its key, its quoted value and the message.
#include <gtest/gtest.h>
#include <jaegertracing/Config.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "config/ConfigValidation.h"
#include "support/ScopedEnvironment.h"

namespace jaegertracing {
namespace {

using propagation::Format;
using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::ScopedEnv;

const char* const kAllVariables[] = {"JAEGER_SERVICE_NAME",
                                     "JAEGER_DISABLED",
                                     "JAEGER_AGENT_HOST",
                                     "JAEGER_AGENT_PORT",
                                     "JAEGER_ENDPOINT",
                                     "JAEGER_USER",
                                     "JAEGER_PASSWORD",
                                     "JAEGER_AUTH_TOKEN",
                                     "JAEGER_PROPAGATION",
                                     "JAEGER_REPORTER_LOG_SPANS",
                                     "JAEGER_REPORTER_MAX_QUEUE_SIZE",
                                     "JAEGER_REPORTER_FLUSH_INTERVAL",
                                     "JAEGER_SAMPLER_TYPE",
                                     "JAEGER_SAMPLER_PARAM",
                                     "JAEGER_SAMPLING_ENDPOINT",
                                     "JAEGER_SAMPLER_MANAGER_HOST_PORT",
                                     "JAEGER_TAGS",
                                     "JAEGER_TRACEID_128BIT"};

// Every JAEGER_* variable starts unset, whatever the shell running the tests exported.
class EnvTest : public ::testing::Test {
 protected:
  void set(const std::string& name, const std::string& value) { environment_.set(name, value); }

 private:
  testing::ScopedEnvironment environment_{kAllVariables};
};

// Runs `action` and checks the ConfigError it must throw.
void expectConfigError(const std::function<void()>& action, const std::string& key,
                       const std::string& value) {
  SCOPED_TRACE("expected ConfigError " + key + ": \"" + value + "\"");
  try {
    action();
    ADD_FAILURE() << "no ConfigError thrown";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.key, key);
    EXPECT_EQ(error.value, value);
    const std::string what = error.what();
    EXPECT_NE(what.find(key + ": "), std::string::npos) << what;
    EXPECT_NE(what.find("\"" + value + "\""), std::string::npos) << what;
  }
}

void expectParseError(const std::string& yaml, const std::string& key, const std::string& value) {
  SCOPED_TRACE(yaml);
  expectConfigError([&] { Config::parse(YAML::Load(yaml)); }, key, value);
}

const Tag* findTag(const Config& config, const std::string& key) {
  for (const auto& tag : config.tags()) {
    if (tag.key() == key) {
      return &tag;
    }
  }
  return nullptr;
}

std::string stringTag(const Config& config, const std::string& key) {
  const auto* tag = findTag(config, key);
  if (tag == nullptr || !tag->value().is<std::string>()) {
    ADD_FAILURE() << "no string tag " << key;
    return "";
  }
  return tag->value().get<std::string>();
}

// ---------------------------------------------------------------------------------------------
// YAML

TEST(ConfigParse, ReadsEveryKeyOfTheSchema) {
  const auto config = Config::parse(YAML::Load(R"(
service_name: checkout
disabled: true
traceid_128bit: true
propagation_format: w3c
tags:
  region: eu-west
  replicas: 3
sampler:
  type: Probabilistic
  param: 0.25
  samplingServerURL: http://agent:5778/sampling
  maxOperations: 50
  samplingRefreshInterval: 30
reporter:
  queueSize: 500
  bufferFlushInterval: 2
  logSpans: true
  localAgentHostPort: agent:6832
  endpoint: https://collector:14268/api/traces
  user: alice
  password: s3cret
  authToken: token-1
  maxPacketSize: 1500
  caFile: /etc/jaeger/collector-ca.pem
  connectTimeout: 0.5
  requestTimeout: 3
  maxBatchBytes: 4096
  maxBatchSpans: 50
headers:
  jaegerDebugHeader: x-debug-id
  jaegerBaggageHeader: x-baggage
  TraceContextHeaderName: x-trace-id
  traceBaggageHeaderPrefix: x-ctx-
baggage_restrictions:
  denyBaggageOnInitializationFailure: true
  hostPort: agent:5778
  refreshInterval: 5
)"));

  EXPECT_EQ(config.serviceName(), "checkout");
  EXPECT_TRUE(config.disabled());
  EXPECT_TRUE(config.traceId128Bit());
  EXPECT_EQ(config.propagationFormat(), Format::W3C);
  EXPECT_EQ(config.propagationFormats(), std::vector<Format>{Format::W3C});
  EXPECT_EQ(config.tags(),
            (std::vector<Tag>{Tag("region", std::string("eu-west")), Tag("replicas", int64_t{3})}));

  const auto& sampler = config.sampler();
  EXPECT_EQ(sampler.type(), "probabilistic");
  EXPECT_DOUBLE_EQ(sampler.param(), 0.25);
  EXPECT_EQ(sampler.samplingServerURL(), "http://agent:5778/sampling");
  EXPECT_EQ(sampler.maxOperations(), 50);
  EXPECT_EQ(sampler.samplingRefreshInterval(), seconds(30));

  const auto& reporter = config.reporter();
  EXPECT_EQ(reporter.queueSize(), 500);
  EXPECT_EQ(reporter.bufferFlushInterval(), seconds(2));
  EXPECT_TRUE(reporter.logSpans());
  EXPECT_EQ(reporter.localAgentHostPort(), "agent:6832");
  EXPECT_EQ(reporter.endpoint(), "https://collector:14268/api/traces");
  EXPECT_EQ(reporter.user(), "alice");
  EXPECT_EQ(reporter.password(), "s3cret");
  EXPECT_EQ(reporter.authToken(), "token-1");
  EXPECT_EQ(reporter.maxPacketSize(), 1500);
  EXPECT_EQ(reporter.caFile(), "/etc/jaeger/collector-ca.pem");
  EXPECT_EQ(reporter.connectTimeout(), milliseconds(500));
  EXPECT_EQ(reporter.requestTimeout(), seconds(3));
  EXPECT_EQ(reporter.maxBatchBytes(), 4096);
  EXPECT_EQ(reporter.maxBatchSpans(), 50);

  const auto& headers = config.headers();
  EXPECT_EQ(headers.jaegerDebugHeader(), "x-debug-id");
  EXPECT_EQ(headers.jaegerBaggageHeader(), "x-baggage");
  EXPECT_EQ(headers.traceContextHeaderName(), "x-trace-id");
  EXPECT_EQ(headers.traceBaggageHeaderPrefix(), "x-ctx-");

  const auto& restrictions = config.baggageRestrictions();
  EXPECT_TRUE(restrictions.denyBaggageOnInitializationFailure());
  EXPECT_EQ(restrictions.hostPort(), "agent:5778");
  EXPECT_EQ(restrictions.refreshInterval(), seconds(5));

  EXPECT_NO_THROW(detail::validate(config, config.serviceName()));
}

void expectDefaults(const Config& config) {
  EXPECT_EQ(config.serviceName(), "");
  EXPECT_FALSE(config.disabled());
  EXPECT_FALSE(config.traceId128Bit());
  EXPECT_EQ(config.propagationFormats(), std::vector<Format>{Format::JAEGER});
  EXPECT_TRUE(config.tags().empty());
  EXPECT_EQ(config.sampler().type(), "remote");
  EXPECT_DOUBLE_EQ(config.sampler().param(), 0.001);
  EXPECT_EQ(config.sampler().samplingServerURL(), "http://127.0.0.1:5778/sampling");
  EXPECT_EQ(config.sampler().maxOperations(), 2000);
  EXPECT_EQ(config.sampler().samplingRefreshInterval(), seconds(60));
  EXPECT_EQ(config.reporter().queueSize(), 100);
  EXPECT_EQ(config.reporter().bufferFlushInterval(), seconds(10));
  EXPECT_FALSE(config.reporter().logSpans());
  EXPECT_EQ(config.reporter().localAgentHostPort(), "127.0.0.1:6831");
  EXPECT_EQ(config.reporter().endpoint(), "");
  EXPECT_EQ(config.reporter().user(), "");
  EXPECT_EQ(config.reporter().password(), "");
  EXPECT_EQ(config.reporter().authToken(), "");
  EXPECT_EQ(config.reporter().maxPacketSize(), 65000);
  EXPECT_EQ(config.reporter().caFile(), "");
  EXPECT_EQ(config.reporter().connectTimeout(), seconds(2));
  EXPECT_EQ(config.reporter().requestTimeout(), seconds(5));
  EXPECT_EQ(config.reporter().maxBatchBytes(), 1024 * 1024);
  EXPECT_EQ(config.reporter().maxBatchSpans(), 10000);
  EXPECT_EQ(config.headers().jaegerDebugHeader(), "jaeger-debug-id");
  EXPECT_EQ(config.headers().jaegerBaggageHeader(), "jaeger-baggage");
  EXPECT_EQ(config.headers().traceContextHeaderName(), "uber-trace-id");
  EXPECT_EQ(config.headers().traceBaggageHeaderPrefix(), "uberctx-");
  EXPECT_FALSE(config.baggageRestrictions().denyBaggageOnInitializationFailure());
  EXPECT_EQ(config.baggageRestrictions().hostPort(), "");
  EXPECT_EQ(config.baggageRestrictions().refreshInterval(), seconds(0));
}

TEST(ConfigParse, EmptyOrNullDocumentGivesTheDefaults) {
  for (const char* yaml : {"", "~", "{}", "# only a comment\n"}) {
    SCOPED_TRACE(yaml);
    expectDefaults(Config::parse(YAML::Load(yaml)));
  }
  expectDefaults(Config::parse(YAML::Node()));
  const YAML::Node document = YAML::Load("a: 1");
  expectDefaults(Config::parse(document["missing"]));
}

TEST(ConfigParse, EmptySectionsAndNullValuesKeepTheDefaults) {
  expectDefaults(Config::parse(YAML::Load(R"(
service_name:
disabled: ~
propagation_format:
tags:
sampler:
reporter: {}
headers: {jaegerDebugHeader: ""}
baggage_restrictions:
  refreshInterval:
)")));
}

TEST(ConfigParse, ReadsJaegerClientCppExample) {
  const auto config = Config::parse(YAML::Load(R"(
disabled: false
reporter:
    logSpans: true
sampler:
  type: const
  param: 1
)"));
  EXPECT_EQ(config.serviceName(), "");
  EXPECT_FALSE(config.disabled());
  EXPECT_TRUE(config.reporter().logSpans());
  EXPECT_EQ(config.sampler().type(), "const");
  EXPECT_DOUBLE_EQ(config.sampler().param(), 1);
  EXPECT_EQ(config.reporter().queueSize(), 100);
  EXPECT_NO_THROW(detail::validate(config, "example"));
}

TEST(ConfigParse, ReadsJsonAsThePluginPassesIt) {
  const auto config = Config::parse(YAML::Load(
      R"({"service_name": "nginx", "sampler": {"type": "ratelimiting", "param": 5},
          "reporter": {"localAgentHostPort": "[::1]:6831", "queueSize": 10}})"));
  EXPECT_EQ(config.serviceName(), "nginx");
  EXPECT_EQ(config.sampler().type(), "ratelimiting");
  EXPECT_DOUBLE_EQ(config.sampler().param(), 5);
  EXPECT_EQ(config.reporter().localAgentHostPort(), "[::1]:6831");
  EXPECT_EQ(config.reporter().queueSize(), 10);
}

TEST(ConfigParse, IgnoresUnknownKeys) {
  const auto config = Config::parse(YAML::Load(R"(
service_name: svc
future_key: {anything: [1, 2]}
sampler: {type: const, param: 0, futureSamplerKey: x}
reporter: {queueSize: 7, futureReporterKey: [a]}
)"));
  EXPECT_EQ(config.serviceName(), "svc");
  EXPECT_DOUBLE_EQ(config.sampler().param(), 0);
  EXPECT_EQ(config.reporter().queueSize(), 7);
}

TEST(ConfigParse, SamplerTypeIsCaseInsensitiveAndStoredLowerCase) {
  for (const char* type : {"const", "CONST", "Probabilistic", "RateLimiting", "REMOTE"}) {
    SCOPED_TRACE(type);
    const auto config =
        Config::parse(YAML::Load(std::string("sampler: {param: 1, type: ") + type + "}"));
    std::string lower(type);
    for (auto& c : lower) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    EXPECT_EQ(config.sampler().type(), lower);
  }
}

TEST(ConfigParse, ConstSamplerWithoutParamSamplesEverything) {
  const auto config = Config::parse(YAML::Load("sampler: {type: const}"));
  EXPECT_DOUBLE_EQ(config.sampler().param(), 1);
  const auto probabilistic = Config::parse(YAML::Load("sampler: {type: probabilistic}"));
  EXPECT_DOUBLE_EQ(probabilistic.sampler().param(), 0.001);
}

TEST(ConfigParse, AcceptsBoundaryValues) {
  EXPECT_DOUBLE_EQ(
      Config::parse(YAML::Load("sampler: {type: probabilistic, param: 0}")).sampler().param(), 0);
  EXPECT_DOUBLE_EQ(
      Config::parse(YAML::Load("sampler: {type: probabilistic, param: 1.0}")).sampler().param(), 1);
  EXPECT_DOUBLE_EQ(
      Config::parse(YAML::Load("sampler: {type: ratelimiting, param: 0}")).sampler().param(), 0);
  EXPECT_DOUBLE_EQ(
      Config::parse(YAML::Load("sampler: {type: ratelimiting, param: 1e-9}")).sampler().param(),
      1e-9);
  EXPECT_DOUBLE_EQ(
      Config::parse(YAML::Load("sampler: {type: ratelimiting, param: 1e9}")).sampler().param(),
      1e9);
  EXPECT_EQ(Config::parse(YAML::Load("reporter: {maxPacketSize: 512}")).reporter().maxPacketSize(),
            512);
  EXPECT_EQ(
      Config::parse(YAML::Load("reporter: {maxPacketSize: 65000}")).reporter().maxPacketSize(),
      65000);
  EXPECT_EQ(Config::parse(YAML::Load("reporter: {bufferFlushInterval: 0.25}"))
                .reporter()
                .bufferFlushInterval(),
            milliseconds(250));
  EXPECT_EQ(Config::parse(YAML::Load("reporter: {localAgentHostPort: 'localhost:65535'}"))
                .reporter()
                .localAgentHostPort(),
            "localhost:65535");
  EXPECT_EQ(Config::parse(YAML::Load("reporter: {localAgentHostPort: '10.0.0.1:1'}"))
                .reporter()
                .localAgentHostPort(),
            "10.0.0.1:1");
  const auto collector =
      Config::parse(YAML::Load("reporter: {maxBatchBytes: 1024, maxBatchSpans: 1, "
                               "connectTimeout: 0.125, requestTimeout: 0.25}"))
          .reporter();
  EXPECT_EQ(collector.maxBatchBytes(), 1024);
  EXPECT_EQ(collector.maxBatchSpans(), 1);
  EXPECT_EQ(collector.connectTimeout(), milliseconds(125));
  EXPECT_EQ(collector.requestTimeout(), milliseconds(250));
  EXPECT_TRUE(Config::parse(YAML::Load("disabled: yes")).disabled());
  EXPECT_TRUE(Config::parse(YAML::Load("disabled: TRUE")).disabled());
  EXPECT_FALSE(Config::parse(YAML::Load("disabled: off")).disabled());
}

struct BadYaml {
  const char* yaml;
  const char* key;
  const char* value;
};

TEST(ConfigParse, BadValuesNameTheKeyAndQuoteTheValue) {
  const BadYaml cases[] = {
      {"- a list", "configuration", "[a list]"},
      {"service_name: [a, b]", "service_name", "[a, b]"},
      {"disabled: maybe", "disabled", "maybe"},
      {"traceid_128bit: 2", "traceid_128bit", "2"},
      {"sampler: 5", "sampler", "5"},
      {"sampler: [const]", "sampler", "[const]"},
      {"sampler: {type: foo}", "sampler.type", "foo"},
      {"sampler: {type: 5}", "sampler.type", "5"},
      {"sampler: {type: lowerbound}", "sampler.type", "lowerbound"},
      {"sampler: {type: probabilistic, param: 1.5}", "sampler.param", "1.5"},
      {"sampler: {type: probabilistic, param: -0.1}", "sampler.param", "-0.1"},
      {"sampler: {param: 2}", "sampler.param", "2"},
      {"sampler: {type: const, param: 0.5}", "sampler.param", "0.5"},
      {"sampler: {type: const, param: 2}", "sampler.param", "2"},
      {"sampler: {type: ratelimiting, param: -1}", "sampler.param", "-1"},
      {"sampler: {type: probabilistic, param: abc}", "sampler.param", "abc"},
      {"sampler: {type: probabilistic, param: .nan}", "sampler.param", ".nan"},
      {"sampler: {type: ratelimiting, param: .inf}", "sampler.param", ".inf"},
      // Beyond the rate limiter's clock: one trace in 31.7 years to one a nanosecond.
      {"sampler: {type: ratelimiting, param: 1e-12}", "sampler.param", "1e-12"},
      {"sampler: {type: ratelimiting, param: 2e9}", "sampler.param", "2e9"},
      {"sampler: {type: ratelimiting, param: 1e300}", "sampler.param", "1e300"},
      {"sampler: {type: ratelimiting, param: .nan}", "sampler.param", ".nan"},
      {"sampler: {param: {a: 1}}", "sampler.param", "{a: 1}"},
      {"sampler: {samplingServerURL: 'agent:5778/sampling'}", "sampler.samplingServerURL",
       "agent:5778/sampling"},
      {"sampler: {maxOperations: 0}", "sampler.maxOperations", "0"},
      {"sampler: {maxOperations: 1.5}", "sampler.maxOperations", "1.5"},
      {"sampler: {samplingRefreshInterval: 0}", "sampler.samplingRefreshInterval", "0"},
      {"sampler: {samplingRefreshInterval: soon}", "sampler.samplingRefreshInterval", "soon"},
      {"reporter: 5", "reporter", "5"},
      {"reporter: {queueSize: abc}", "reporter.queueSize", "abc"},
      {"reporter: {queueSize: 0}", "reporter.queueSize", "0"},
      {"reporter: {queueSize: -5}", "reporter.queueSize", "-5"},
      {"reporter: {queueSize: 0x10}", "reporter.queueSize", "0x10"},
      {"reporter: {queueSize: 99999999999}", "reporter.queueSize", "99999999999"},
      {"reporter: {bufferFlushInterval: 0}", "reporter.bufferFlushInterval", "0"},
      {"reporter: {bufferFlushInterval: -1}", "reporter.bufferFlushInterval", "-1"},
      {"reporter: {bufferFlushInterval: 1e300}", "reporter.bufferFlushInterval", "1e300"},
      {"reporter: {logSpans: sometimes}", "reporter.logSpans", "sometimes"},
      {"reporter: {localAgentHostPort: localhost}", "reporter.localAgentHostPort", "localhost"},
      {"reporter: {localAgentHostPort: 'localhost:'}", "reporter.localAgentHostPort", "localhost:"},
      {"reporter: {localAgentHostPort: ':6831'}", "reporter.localAgentHostPort", ":6831"},
      {"reporter: {localAgentHostPort: 'localhost:0'}", "reporter.localAgentHostPort",
       "localhost:0"},
      {"reporter: {localAgentHostPort: 'localhost:65536'}", "reporter.localAgentHostPort",
       "localhost:65536"},
      {"reporter: {localAgentHostPort: 'localhost:68x1'}", "reporter.localAgentHostPort",
       "localhost:68x1"},
      {"reporter: {localAgentHostPort: '::1:6831'}", "reporter.localAgentHostPort", "::1:6831"},
      {"reporter: {localAgentHostPort: '[::1]6831'}", "reporter.localAgentHostPort", "[::1]6831"},
      {"reporter: {localAgentHostPort: '[nothost]:6831'}", "reporter.localAgentHostPort",
       "[nothost]:6831"},
      {"reporter: {localAgentHostPort: 'http://agent:6831'}", "reporter.localAgentHostPort",
       "http://agent:6831"},
      {"reporter: {endpoint: 'collector:14268'}", "reporter.endpoint", "collector:14268"},
      {"reporter: {endpoint: 'http://'}", "reporter.endpoint", "http://"},
      {"reporter: {maxPacketSize: 511}", "reporter.maxPacketSize", "511"},
      {"reporter: {maxPacketSize: 65001}", "reporter.maxPacketSize", "65001"},
      {"reporter: {user: [a]}", "reporter.user", "[a]"},
      {"reporter: {caFile: [a, b]}", "reporter.caFile", "[a, b]"},
      {"reporter: {connectTimeout: 0}", "reporter.connectTimeout", "0"},
      {"reporter: {connectTimeout: -2}", "reporter.connectTimeout", "-2"},
      {"reporter: {connectTimeout: soon}", "reporter.connectTimeout", "soon"},
      {"reporter: {requestTimeout: 0}", "reporter.requestTimeout", "0"},
      {"reporter: {requestTimeout: 1e300}", "reporter.requestTimeout", "1e300"},
      {"reporter: {maxBatchBytes: 1023}", "reporter.maxBatchBytes", "1023"},
      {"reporter: {maxBatchBytes: 1MiB}", "reporter.maxBatchBytes", "1MiB"},
      {"reporter: {maxBatchBytes: 99999999999}", "reporter.maxBatchBytes", "99999999999"},
      {"reporter: {maxBatchSpans: 0}", "reporter.maxBatchSpans", "0"},
      {"reporter: {maxBatchSpans: 2.5}", "reporter.maxBatchSpans", "2.5"},
      {"headers: 1", "headers", "1"},
      {"headers: {jaegerDebugHeader: 'bad header'}", "headers.jaegerDebugHeader", "bad header"},
      {"headers: {TraceContextHeaderName: 'x:y'}", "headers.TraceContextHeaderName", "x:y"},
      {"baggage_restrictions: [1]", "baggage_restrictions", "[1]"},
      {"baggage_restrictions: {denyBaggageOnInitializationFailure: 3}",
       "baggage_restrictions.denyBaggageOnInitializationFailure", "3"},
      {"baggage_restrictions: {hostPort: nohost}", "baggage_restrictions.hostPort", "nohost"},
      {"baggage_restrictions: {refreshInterval: -1}", "baggage_restrictions.refreshInterval", "-1"},
      {"propagation_format: zipkin", "propagation_format", "zipkin"},
      {"propagation_format: 'jaeger,zipkin'", "propagation_format", "jaeger,zipkin"},
      {"propagation_format: [jaeger, zipkin]", "propagation_format", "zipkin"},
      {"propagation_format: [jaeger, [w3c]]", "propagation_format", "[w3c]"},
      {"propagation_format: []", "propagation_format", "[]"},
      {"propagation_format: ' , '", "propagation_format", " , "},
      {"propagation_format: {a: b}", "propagation_format", "{a: b}"},
      {"tags: [a, b]", "tags", "[a, b]"},
      {"tags: {nested: {a: 1}}", "tags.nested", "{a: 1}"},
      {"tags: {empty: }", "tags.empty", ""},
  };
  for (const auto& bad : cases) {
    expectParseError(bad.yaml, bad.key, bad.value);
  }
}

TEST(ConfigParse, SubConfigParseNamesItsSection) {
  expectConfigError([] { samplers::Config::parse(YAML::Load("5")); }, "sampler", "5");
  expectConfigError([] { reporters::Config::parse(YAML::Load("{queueSize: x}")); },
                    "reporter.queueSize", "x");
  expectConfigError([] { propagation::HeadersConfig::parse(YAML::Load("[a]")); }, "headers", "[a]");
  expectConfigError([] { baggage::RestrictionsConfig::parse(YAML::Load("{hostPort: a}")); },
                    "baggage_restrictions.hostPort", "a");
  EXPECT_EQ(reporters::Config::parse(YAML::Node()).queueSize(), 100);
  EXPECT_EQ(samplers::Config::parse(YAML::Load("{type: const, param: 0}")).type(), "const");
}

TEST(ConfigParse, PropagationFormatForms) {
  const auto formats = [](const std::string& yaml) {
    return Config::parse(YAML::Load(yaml)).propagationFormats();
  };
  EXPECT_EQ(formats("propagation_format: jaeger"), std::vector<Format>{Format::JAEGER});
  EXPECT_EQ(formats("propagation_format: W3C"), std::vector<Format>{Format::W3C});
  EXPECT_EQ(formats("propagation_format: b3"), std::vector<Format>{Format::B3});
  EXPECT_EQ(formats("propagation_format: [w3c, B3, jaeger]"),
            (std::vector<Format>{Format::W3C, Format::B3, Format::JAEGER}));
  EXPECT_EQ(formats("propagation_format: ' b3 , Jaeger '"),
            (std::vector<Format>{Format::B3, Format::JAEGER}));
  EXPECT_EQ(formats("propagation_format: [w3c, w3c, b3]"),
            (std::vector<Format>{Format::W3C, Format::B3}));
  EXPECT_EQ(formats("propagation_format: ''"), std::vector<Format>{Format::JAEGER});
  EXPECT_EQ(Config::parse(YAML::Load("propagation_format: [b3, w3c]")).propagationFormat(),
            Format::B3);
}

TEST(ConfigParse, TagsAreTypedFromPlainScalars) {
  const auto config = Config::parse(YAML::Load(R"(
tags:
  flag: true
  off: FALSE
  count: 42
  negative: -7
  ratio: 0.5
  small: 1e-3
  name: checkout
  quotedNumber: "42"
  quotedBool: 'true'
  forcedString: !!str 3
  huge: 99999999999999999999
  version: 1.2.3
  yes: yes
)"));
  ASSERT_EQ(config.tags().size(), 13u);
  const auto value = [&config](const std::string& key) { return findTag(config, key)->value(); };
  EXPECT_TRUE(value("flag").is<bool>() && value("flag").get<bool>());
  EXPECT_TRUE(value("off").is<bool>() && !value("off").get<bool>());
  ASSERT_TRUE(value("count").is<int64_t>());
  EXPECT_EQ(value("count").get<int64_t>(), 42);
  ASSERT_TRUE(value("negative").is<int64_t>());
  EXPECT_EQ(value("negative").get<int64_t>(), -7);
  ASSERT_TRUE(value("ratio").is<double>());
  EXPECT_DOUBLE_EQ(value("ratio").get<double>(), 0.5);
  ASSERT_TRUE(value("small").is<double>());
  EXPECT_DOUBLE_EQ(value("small").get<double>(), 0.001);
  EXPECT_EQ(stringTag(config, "name"), "checkout");
  EXPECT_EQ(stringTag(config, "quotedNumber"), "42");
  EXPECT_EQ(stringTag(config, "quotedBool"), "true");
  EXPECT_EQ(stringTag(config, "forcedString"), "3");
  EXPECT_EQ(stringTag(config, "huge"), "99999999999999999999");
  EXPECT_EQ(stringTag(config, "version"), "1.2.3");
  EXPECT_EQ(stringTag(config, "yes"), "yes");
  // Document order is kept.
  EXPECT_EQ(config.tags().front().key(), "flag");
  EXPECT_EQ(config.tags().back().key(), "yes");
}

// ---------------------------------------------------------------------------------------------
// setPropagationFormats

TEST(ConfigPropagation, SetPropagationFormats) {
  Config config;
  config.setPropagationFormats({Format::B3, Format::W3C, Format::B3});
  EXPECT_EQ(config.propagationFormats(), (std::vector<Format>{Format::B3, Format::W3C}));
  EXPECT_EQ(config.propagationFormat(), Format::B3);
  expectConfigError([&config] { config.setPropagationFormats({}); }, "propagation_format", "");
  EXPECT_EQ(config.propagationFormats(), (std::vector<Format>{Format::B3, Format::W3C}));
}

// ---------------------------------------------------------------------------------------------
// Environment

TEST_F(EnvTest, NoVariablesChangeNothing) {
  auto config = Config::parse(YAML::Load("service_name: svc\nsampler: {type: const, param: 1}"));
  config.fromEnv();
  EXPECT_EQ(config.serviceName(), "svc");
  EXPECT_EQ(config.sampler().type(), "const");
  EXPECT_DOUBLE_EQ(config.sampler().param(), 1);
  EXPECT_EQ(config.reporter().localAgentHostPort(), "127.0.0.1:6831");
}

TEST_F(EnvTest, EveryVariableIsApplied) {
  set("JAEGER_SERVICE_NAME", "env-service");
  set("JAEGER_DISABLED", "TRUE");
  set("JAEGER_AGENT_HOST", "agent.local");
  set("JAEGER_AGENT_PORT", "6832");
  set("JAEGER_ENDPOINT", "http://collector:14268/api/traces");
  set("JAEGER_USER", "bob");
  set("JAEGER_PASSWORD", " pass word ");
  set("JAEGER_AUTH_TOKEN", "tok");
  set("JAEGER_PROPAGATION", "w3c,b3");
  set("JAEGER_REPORTER_LOG_SPANS", "1");
  set("JAEGER_REPORTER_MAX_QUEUE_SIZE", "250");
  set("JAEGER_REPORTER_FLUSH_INTERVAL", "1500");
  set("JAEGER_SAMPLER_TYPE", "RateLimiting");
  set("JAEGER_SAMPLER_PARAM", "7.5");
  set("JAEGER_SAMPLING_ENDPOINT", "http://sampler:5778/sampling");
  set("JAEGER_TAGS", "a=1, b = two ");
  set("JAEGER_TRACEID_128BIT", "true");

  Config config;
  config.fromEnv();
  EXPECT_EQ(config.serviceName(), "env-service");
  EXPECT_TRUE(config.disabled());
  EXPECT_TRUE(config.traceId128Bit());
  EXPECT_EQ(config.propagationFormats(), (std::vector<Format>{Format::W3C, Format::B3}));
  EXPECT_EQ(config.tags(),
            (std::vector<Tag>{Tag("a", std::string("1")), Tag("b", std::string("two"))}));
  EXPECT_EQ(config.sampler().type(), "ratelimiting");
  EXPECT_DOUBLE_EQ(config.sampler().param(), 7.5);
  EXPECT_EQ(config.sampler().samplingServerURL(), "http://sampler:5778/sampling");
  EXPECT_EQ(config.reporter().localAgentHostPort(), "agent.local:6832");
  EXPECT_EQ(config.reporter().endpoint(), "http://collector:14268/api/traces");
  EXPECT_EQ(config.reporter().user(), "bob");
  EXPECT_EQ(config.reporter().password(), " pass word ");
  EXPECT_EQ(config.reporter().authToken(), "tok");
  EXPECT_TRUE(config.reporter().logSpans());
  EXPECT_EQ(config.reporter().queueSize(), 250);
  EXPECT_EQ(config.reporter().bufferFlushInterval(), milliseconds(1500));
  EXPECT_NO_THROW(detail::validate(config, config.serviceName()));
}

TEST_F(EnvTest, EnvironmentWinsOverYaml) {
  auto config = Config::parse(YAML::Load(R"(
service_name: yaml-service
disabled: true
traceid_128bit: true
propagation_format: b3
tags: {yamlTag: 1}
sampler: {type: probabilistic, param: 0.5}
reporter: {queueSize: 10, logSpans: true, localAgentHostPort: 'yaml-agent:1234', user: y}
)"));
  set("JAEGER_SERVICE_NAME", "env-service");
  set("JAEGER_DISABLED", "false");
  set("JAEGER_TRACEID_128BIT", "0");
  set("JAEGER_PROPAGATION", "jaeger");
  set("JAEGER_TAGS", "envTag=x");
  set("JAEGER_SAMPLER_PARAM", "0.75");
  set("JAEGER_REPORTER_MAX_QUEUE_SIZE", "20");
  set("JAEGER_REPORTER_LOG_SPANS", "False");
  set("JAEGER_AGENT_PORT", "6831");
  set("JAEGER_USER", "e");
  config.fromEnv();
  EXPECT_EQ(config.serviceName(), "env-service");
  EXPECT_FALSE(config.disabled());
  EXPECT_FALSE(config.traceId128Bit());
  EXPECT_EQ(config.propagationFormats(), std::vector<Format>{Format::JAEGER});
  // JAEGER_TAGS adds to the configured tags, as strings.
  EXPECT_EQ(config.tags(),
            (std::vector<Tag>{Tag("yamlTag", int64_t{1}), Tag("envTag", std::string("x"))}));
  EXPECT_EQ(config.sampler().type(), "probabilistic");
  EXPECT_DOUBLE_EQ(config.sampler().param(), 0.75);
  EXPECT_EQ(config.reporter().queueSize(), 20);
  EXPECT_FALSE(config.reporter().logSpans());
  EXPECT_EQ(config.reporter().localAgentHostPort(), "yaml-agent:6831");
  EXPECT_EQ(config.reporter().user(), "e");
}

TEST_F(EnvTest, EmptyOrBlankVariablesChangeNothing) {
  for (const char* name : kAllVariables) {
    set(name, "");
  }
  set("JAEGER_SAMPLER_PARAM", "   ");
  auto config = Config::parse(YAML::Load(R"(
service_name: svc
disabled: true
tags: {k: v}
sampler: {type: const, param: 0}
reporter: {queueSize: 5, user: u, password: p, authToken: t, localAgentHostPort: 'h:1'}
)"));
  config.fromEnv();
  EXPECT_EQ(config.serviceName(), "svc");
  EXPECT_TRUE(config.disabled());
  EXPECT_EQ(config.tags().size(), 1u);
  EXPECT_EQ(config.sampler().type(), "const");
  EXPECT_DOUBLE_EQ(config.sampler().param(), 0);
  EXPECT_EQ(config.reporter().queueSize(), 5);
  EXPECT_EQ(config.reporter().user(), "u");
  EXPECT_EQ(config.reporter().password(), "p");
  EXPECT_EQ(config.reporter().authToken(), "t");
  EXPECT_EQ(config.reporter().localAgentHostPort(), "h:1");
  EXPECT_EQ(config.propagationFormats(), std::vector<Format>{Format::JAEGER});
}

TEST_F(EnvTest, AgentHostAndPortEachReplaceTheirHalf) {
  {
    set("JAEGER_AGENT_HOST", "jaeger-agent");
    Config config;
    config.fromEnv();
    EXPECT_EQ(config.reporter().localAgentHostPort(), "jaeger-agent:6831");
  }
  {
    set("JAEGER_AGENT_HOST", "::1");
    Config config;
    config.fromEnv();
    EXPECT_EQ(config.reporter().localAgentHostPort(), "[::1]:6831");
    EXPECT_EQ(detail::parseHostPort("k", config.reporter().localAgentHostPort()).host, "::1");
  }
  {
    set("JAEGER_AGENT_HOST", "[fe80::1]");
    set("JAEGER_AGENT_PORT", "7000");
    Config config;
    config.fromEnv();
    EXPECT_EQ(config.reporter().localAgentHostPort(), "[fe80::1]:7000");
  }
  {
    set("JAEGER_AGENT_HOST", "");
    set("JAEGER_AGENT_PORT", "5775");
    auto config = Config::parse(YAML::Load("reporter: {localAgentHostPort: '[::1]:6831'}"));
    config.fromEnv();
    EXPECT_EQ(config.reporter().localAgentHostPort(), "[::1]:5775");
  }
}

TEST_F(EnvTest, SamplerManagerHostPortIsTheOlderSamplingEndpoint) {
  set("JAEGER_SAMPLER_MANAGER_HOST_PORT", "agent:5778");
  Config config;
  config.fromEnv();
  EXPECT_EQ(config.sampler().samplingServerURL(), "http://agent:5778/sampling");

  set("JAEGER_SAMPLING_ENDPOINT", "https://sampling.example/sampling");
  config.fromEnv();
  EXPECT_EQ(config.sampler().samplingServerURL(), "https://sampling.example/sampling");
}

TEST_F(EnvTest, SamplerTypeAloneKeepsAParamThatFits) {
  {
    // const without a param keeps jaeger-client-cpp's "param != 0 samples everything".
    set("JAEGER_SAMPLER_TYPE", "const");
    Config config;
    config.fromEnv();
    EXPECT_EQ(config.sampler().type(), "const");
    EXPECT_DOUBLE_EQ(config.sampler().param(), 1);
    EXPECT_NO_THROW(detail::validate(config, "svc"));
  }
  {
    set("JAEGER_SAMPLER_TYPE", "probabilistic");
    auto config = Config::parse(YAML::Load("sampler: {type: remote, param: 0.2}"));
    config.fromEnv();
    EXPECT_EQ(config.sampler().type(), "probabilistic");
    EXPECT_DOUBLE_EQ(config.sampler().param(), 0.2);
  }
  {
    set("JAEGER_SAMPLER_TYPE", "probabilistic");
    auto config = Config::parse(YAML::Load("sampler: {type: ratelimiting, param: 5}"));
    expectConfigError([&config] { config.fromEnv(); }, "JAEGER_SAMPLER_TYPE", "probabilistic");
    EXPECT_EQ(config.sampler().type(), "ratelimiting");
  }
}

TEST_F(EnvTest, TagsResolveEnvironmentReferences) {
  set("JAEGER_TAGS",
      "plain=v, fromVar=${JT_TAG_VALUE}, withDefault=${JT_TAG_VALUE:fallback}, "
      "missing=${JT_TAG_MISSING:dflt}, missingNoDefault=${JT_TAG_MISSING}, eq=a=b,,");
  ScopedEnv missing("JT_TAG_MISSING", std::nullopt);
  {
    ScopedEnv value("JT_TAG_VALUE", std::string("from-env"));
    Config config;
    config.fromEnv();
    EXPECT_EQ(config.tags(),
              (std::vector<Tag>{
                  Tag("plain", std::string("v")), Tag("fromVar", std::string("from-env")),
                  Tag("withDefault", std::string("from-env")), Tag("missing", std::string("dflt")),
                  Tag("missingNoDefault", std::string("")), Tag("eq", std::string("a=b"))}));
  }
  {
    ScopedEnv value("JT_TAG_VALUE", std::nullopt);
    Config config;
    config.fromEnv();
    EXPECT_EQ(stringTag(config, "fromVar"), "");
    EXPECT_EQ(stringTag(config, "withDefault"), "fallback");
  }
  {
    ScopedEnv value("JT_TAG_VALUE", std::string(""));
    Config config;
    config.fromEnv();
    EXPECT_EQ(stringTag(config, "withDefault"), "fallback");
  }
}

struct BadEnv {
  const char* name;
  const char* value;
};

TEST_F(EnvTest, MalformedVariablesNameTheVariableAndLeaveTheConfigAsItWas) {
  const BadEnv cases[] = {
      {"JAEGER_DISABLED", "yes"},
      {"JAEGER_TRACEID_128BIT", "2"},
      {"JAEGER_REPORTER_LOG_SPANS", "on"},
      {"JAEGER_AGENT_HOST", "bad host"},
      {"JAEGER_AGENT_HOST", "http://agent"},
      {"JAEGER_AGENT_PORT", "x"},
      {"JAEGER_AGENT_PORT", "0"},
      {"JAEGER_AGENT_PORT", "65536"},
      {"JAEGER_AGENT_PORT", "-1"},
      {"JAEGER_ENDPOINT", "collector:14268"},
      {"JAEGER_PROPAGATION", "zipkin"},
      {"JAEGER_PROPAGATION", "w3c,zipkin"},
      {"JAEGER_PROPAGATION", ","},
      {"JAEGER_REPORTER_MAX_QUEUE_SIZE", "abc"},
      {"JAEGER_REPORTER_MAX_QUEUE_SIZE", "0"},
      {"JAEGER_REPORTER_MAX_QUEUE_SIZE", "10.5"},
      {"JAEGER_REPORTER_FLUSH_INTERVAL", "1s"},
      {"JAEGER_REPORTER_FLUSH_INTERVAL", "-100"},
      {"JAEGER_SAMPLER_TYPE", "foo"},
      {"JAEGER_SAMPLER_PARAM", "abc"},
      {"JAEGER_SAMPLER_PARAM", "1.5"},
      {"JAEGER_SAMPLING_ENDPOINT", "agent:5778/sampling"},
      {"JAEGER_SAMPLER_MANAGER_HOST_PORT", "agent"},
      {"JAEGER_TAGS", "a=1,novalue"},
      {"JAEGER_TAGS", "=v"},
      {"JAEGER_TAGS", "a=${:x}"},
  };
  for (const auto& bad : cases) {
    SCOPED_TRACE(std::string(bad.name) + "=" + bad.value);
    ScopedEnv variable(bad.name, std::string(bad.value));
    // Everything else is set to good values: none of them may stick when one is bad.
    ScopedEnv service("JAEGER_SERVICE_NAME", std::string("changed"));
    auto config = Config::parse(YAML::Load("service_name: svc\nsampler: {type: probabilistic}"));
    expectConfigError([&config] { config.fromEnv(); }, bad.name, bad.value);
    EXPECT_EQ(config.serviceName(), "svc");
    EXPECT_TRUE(config.tags().empty());
  }
}

TEST_F(EnvTest, SamplerParamIsCheckedAgainstTheNewType) {
  set("JAEGER_SAMPLER_TYPE", "const");
  set("JAEGER_SAMPLER_PARAM", "0.5");
  Config config;
  expectConfigError([&config] { config.fromEnv(); }, "JAEGER_SAMPLER_PARAM", "0.5");
  set("JAEGER_SAMPLER_TYPE", "ratelimiting");
  set("JAEGER_SAMPLER_PARAM", "1e-20");
  expectConfigError([&config] { config.fromEnv(); }, "JAEGER_SAMPLER_PARAM", "1e-20");
  set("JAEGER_SAMPLER_PARAM", "100");
  config.fromEnv();
  EXPECT_DOUBLE_EQ(config.sampler().param(), 100);
}

TEST_F(EnvTest, ErrorMessageQuotesTheVariable) {
  set("JAEGER_SAMPLER_PARAM", "abc");
  Config config;
  try {
    config.fromEnv();
    FAIL() << "no ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()), "JAEGER_SAMPLER_PARAM: \"abc\" is not a number");
  }
  set("JAEGER_SAMPLER_PARAM", "");
  set("JAEGER_AGENT_PORT", "x");
  try {
    config.fromEnv();
    FAIL() << "no ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("JAEGER_AGENT_PORT: \"x\" is not a port", 0), 0u)
        << error.what();
  }
}

TEST_F(EnvTest, SubConfigsReadTheirOwnVariables) {
  set("JAEGER_SAMPLER_TYPE", "probabilistic");
  set("JAEGER_REPORTER_MAX_QUEUE_SIZE", "3");
  set("JAEGER_SERVICE_NAME", "ignored-by-sub-configs");
  samplers::Config sampler;
  sampler.fromEnv();
  EXPECT_EQ(sampler.type(), "probabilistic");
  reporters::Config reporter;
  reporter.fromEnv();
  EXPECT_EQ(reporter.queueSize(), 3);
}

// ---------------------------------------------------------------------------------------------
// validate(): what Tracer::make checks before it starts

void expectInvalid(const Config& config, const std::string& key, const std::string& value) {
  expectConfigError([&config] { detail::validate(config, "svc"); }, key, value);
}

TEST(ConfigValidate, AcceptsTheDefaultsWithAServiceName) {
  EXPECT_NO_THROW(detail::validate(Config(), "svc"));
}

TEST(ConfigValidate, RequiresAServiceName) {
  expectConfigError([] { detail::validate(Config(), ""); }, "service_name", "");
  expectConfigError([] { detail::validate(Config(), "  "); }, "service_name", "  ");
}

TEST(ConfigValidate, RejectsWhatACodedConfigCanGetWrong) {
  const auto withSampler = [](const samplers::Config& sampler) {
    return Config(false, false, sampler);
  };
  const auto withReporter = [](const reporters::Config& reporter) {
    return Config(false, false, samplers::Config(), reporter);
  };
  using samplers::Config;  // the sampler's, below
  expectInvalid(withSampler(Config("foo")), "sampler.type", "foo");
  expectInvalid(withSampler(Config("Const", 1)), "sampler.type", "Const");
  expectInvalid(withSampler(Config(kSamplerTypeProbabilistic, 1.5)), "sampler.param", "1.5");
  expectInvalid(withSampler(Config(kSamplerTypeProbabilistic, -0.5)), "sampler.param", "-0.5");
  expectInvalid(withSampler(Config(kSamplerTypeConst)), "sampler.param", "0.001");
  expectInvalid(withSampler(Config(kSamplerTypeRateLimiting, -1)), "sampler.param", "-1");
  expectInvalid(withSampler(Config(kSamplerTypeRateLimiting, 1e-10)), "sampler.param", "1e-10");
  expectInvalid(withSampler(Config(kSamplerTypeRateLimiting, 1e300)), "sampler.param", "1e+300");
  expectInvalid(withSampler(Config(kSamplerTypeRateLimiting, std::nan(""))), "sampler.param",
                "nan");
  expectInvalid(withSampler(Config(kSamplerTypeRemote, 0.1, "ftp://x")),
                "sampler.samplingServerURL", "ftp://x");
  expectInvalid(withSampler(Config(kSamplerTypeRemote, 0.1, "", 0)), "sampler.maxOperations", "0");
  expectInvalid(
      withSampler(Config(kSamplerTypeRemote, 0.1, "", 10, std::chrono::milliseconds(-500))),
      "sampler.samplingRefreshInterval", "-0.5");

  expectInvalid(withReporter(reporters::Config(0)), "reporter.queueSize", "0");
  expectInvalid(withReporter(reporters::Config(10, seconds(0))), "reporter.bufferFlushInterval",
                "0");
  expectInvalid(withReporter(reporters::Config(10, seconds(1), false, "nohost")),
                "reporter.localAgentHostPort", "nohost");
  expectInvalid(withReporter(reporters::Config(10, seconds(1), false, "h:1", "collector:80")),
                "reporter.endpoint", "collector:80");
  expectInvalid(withReporter(reporters::Config(10, seconds(1), false, "h:1", "", "", "", "", 100)),
                "reporter.maxPacketSize", "100");
  expectInvalid(withReporter(reporters::Config().setConnectTimeout(seconds(0))),
                "reporter.connectTimeout", "0");
  expectInvalid(withReporter(reporters::Config().setRequestTimeout(milliseconds(-1500))),
                "reporter.requestTimeout", "-1.5");
  expectInvalid(withReporter(reporters::Config().setMaxBatchBytes(1000)), "reporter.maxBatchBytes",
                "1000");
  expectInvalid(withReporter(reporters::Config().setMaxBatchSpans(-1)), "reporter.maxBatchSpans",
                "-1");

  expectInvalid(::jaegertracing::Config(false, false, Config(), reporters::Config(),
                                        propagation::HeadersConfig("a b", "", "", "")),
                "headers.jaegerDebugHeader", "a b");
  expectInvalid(::jaegertracing::Config(false, false, Config(), reporters::Config(),
                                        propagation::HeadersConfig(),
                                        baggage::RestrictionsConfig(false, "x")),
                "baggage_restrictions.hostPort", "x");
  expectInvalid(::jaegertracing::Config(false, false, Config(), reporters::Config(),
                                        propagation::HeadersConfig(),
                                        baggage::RestrictionsConfig(false, "", seconds(-1))),
                "baggage_restrictions.refreshInterval", "-1");
  expectInvalid(::jaegertracing::Config(false, false, Config(), reporters::Config(),
                                        propagation::HeadersConfig(), baggage::RestrictionsConfig(),
                                        "svc", {Tag("", std::string("v"))}),
                "tags", "");
}

TEST(ConfigValidate, AcceptsCollectorSettingsMadeInCode) {
  auto reporter = reporters::Config(10, seconds(1), false, "", "https://collector/api/traces");
  reporter.setCaFile("/etc/ssl/ca.pem")
      .setConnectTimeout(milliseconds(100))
      .setRequestTimeout(seconds(1))
      .setMaxBatchBytes(1024)
      .setMaxBatchSpans(1);
  EXPECT_EQ(reporter.caFile(), "/etc/ssl/ca.pem");
  EXPECT_EQ(reporter.connectTimeout(), milliseconds(100));
  EXPECT_EQ(reporter.maxBatchBytes(), 1024);
  EXPECT_NO_THROW(detail::validate(Config(false, false, samplers::Config(), reporter), "svc"));
}

TEST(ConfigValidate, AcceptsAnHttpsEndpointAndAnIPv6Agent) {
  const Config config(
      false, false, samplers::Config(kSamplerTypeConst, 0),
      reporters::Config(1, milliseconds(1), true, "[::1]:6831", "HTTPS://collector/api/traces"));
  EXPECT_NO_THROW(detail::validate(config, "svc"));
}

// ---------------------------------------------------------------------------------------------
// parseHostPort, for the UDP sender

TEST(ParseHostPort, ReadsNamesIPv4AndBracketedIPv6) {
  const auto name = detail::parseHostPort("k", "jaeger-agent:6831");
  EXPECT_EQ(name.host, "jaeger-agent");
  EXPECT_EQ(name.port, 6831);
  const auto ipv4 = detail::parseHostPort("k", "127.0.0.1:1");
  EXPECT_EQ(ipv4.host, "127.0.0.1");
  EXPECT_EQ(ipv4.port, 1);
  const auto ipv6 = detail::parseHostPort("k", "[::1]:65535");
  EXPECT_EQ(ipv6.host, "::1");
  EXPECT_EQ(ipv6.port, 65535);
  const auto zoned = detail::parseHostPort("k", "[fe80::1%eth0]:6831");
  EXPECT_EQ(zoned.host, "fe80::1%eth0");
}

TEST(ParseHostPort, RejectsMalformedAddresses) {
  for (const char* text :
       {"", "host", "host:", ":1", "host:0", "host:65536", "host:123456", "host:+1", "host: 1",
        "::1", "[::1]", "[::1]:", "[::1", "[]:1", "[1.2.3.4]:1", "a b:1", "host:1:2"}) {
    expectConfigError([text] { detail::parseHostPort("reporter.localAgentHostPort", text); },
                      "reporter.localAgentHostPort", text);
  }
}

}  // namespace
}  // namespace jaegertracing
