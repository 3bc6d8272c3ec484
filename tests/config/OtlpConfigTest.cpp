// reporter.otlp in YAML, the OTEL_* variables, and the checks: every bad value names its key
// (a YAML path or a variable) and quotes the value.
#include <gtest/gtest.h>
#include <jaegertracing/Config.h>
#include <jaegertracing/ConfigError.h>
#include <jaegertracing/Tracer.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "support/ScopedEnvironment.h"

namespace jaegertracing {
namespace {

using namespace std::chrono_literals;

using testing::ScopedEnv;

const char* const kOtelVariables[] = {"OTEL_EXPORTER_OTLP_ENDPOINT",
                                      "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                                      "OTEL_EXPORTER_OTLP_HEADERS",
                                      "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
                                      "OTEL_EXPORTER_OTLP_TIMEOUT",
                                      "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT",
                                      "OTEL_EXPORTER_OTLP_COMPRESSION",
                                      "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION",
                                      "OTEL_EXPORTER_OTLP_PROTOCOL",
                                      "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
                                      "OTEL_EXPORTER_OTLP_CERTIFICATE",
                                      "OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE",
                                      "OTEL_EXPORTER_OTLP_CLIENT_KEY",
                                      "OTEL_EXPORTER_OTLP_TRACES_CLIENT_KEY",
                                      "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE",
                                      "OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE",
                                      "OTEL_SERVICE_NAME",
                                      "OTEL_RESOURCE_ATTRIBUTES",
                                      "JAEGER_SERVICE_NAME",
                                      "JAEGER_ENDPOINT",
                                      "JAEGER_TAGS"};

// Every variable read here starts unset, whatever the shell running the tests exported.
class OtlpConfigTest : public ::testing::Test {
 private:
  testing::ScopedEnvironment environment_{kOtelVariables};
};

ConfigError parseError(const std::string& yaml) {
  try {
    Config::parse(YAML::Load(yaml));
  } catch (const ConfigError& error) {
    return error;
  }
  ADD_FAILURE() << "no ConfigError for: " << yaml;
  return ConfigError("", "", "");
}

ConfigError fromEnvError(Config& config) {
  try {
    config.fromEnv();
  } catch (const ConfigError& error) {
    return error;
  }
  ADD_FAILURE() << "no ConfigError from fromEnv";
  return ConfigError("", "", "");
}

TEST_F(OtlpConfigTest, ReadsTheYamlSection) {
  const auto config = Config::parse(YAML::Load(R"(
service_name: shop
reporter:
  otlp:
    endpoint: https://otlp.example:4318/v1/traces
    protocol: http/json
    headers: {x-api-key: "k+1/2==", X-Scope-OrgID: tenant}
    compression: gzip
    timeout: 2.5
    caFile: /etc/ca.pem
    clientCertificate: /etc/client.pem
    clientKey: /etc/client.key
)"));
  const auto& otlp = config.reporter().otlp();
  EXPECT_EQ(otlp.endpoint, "https://otlp.example:4318/v1/traces");
  EXPECT_EQ(otlp.protocol, "http/json");
  ASSERT_EQ(otlp.headers.size(), 2u);
  EXPECT_EQ(otlp.headers[0], std::make_pair(std::string("x-api-key"), std::string("k+1/2==")));
  EXPECT_EQ(otlp.headers[1], std::make_pair(std::string("X-Scope-OrgID"), std::string("tenant")));
  EXPECT_EQ(otlp.compression, "gzip");
  EXPECT_EQ(otlp.timeout, 2500ms);
  EXPECT_EQ(otlp.caFile, "/etc/ca.pem");
  EXPECT_EQ(otlp.clientCertificate, "/etc/client.pem");
  EXPECT_EQ(otlp.clientKey, "/etc/client.key");
}

TEST_F(OtlpConfigTest, DefaultsAreProtobufUncompressedTenSecondsAndNoEndpoint) {
  const auto config = Config::parse(YAML::Load("service_name: shop"));
  const auto& otlp = config.reporter().otlp();
  EXPECT_EQ(otlp.endpoint, "");
  EXPECT_EQ(otlp.protocol, "http/protobuf");
  EXPECT_EQ(otlp.compression, "none");
  EXPECT_EQ(otlp.timeout, 10s);
  EXPECT_TRUE(otlp.headers.empty());
}

TEST_F(OtlpConfigTest, BadYamlValuesNameTheKeyAndTheValue) {
  struct Case {
    std::string yaml;
    std::string key;
    std::string value;
  };
  const std::vector<Case> cases = {
      {"reporter: {otlp: {protocol: grpc}}", "reporter.otlp.protocol", "grpc"},
      {"reporter: {otlp: {protocol: thrift}}", "reporter.otlp.protocol", "thrift"},
      {"reporter: {otlp: {compression: zstd}}", "reporter.otlp.compression", "zstd"},
      {"reporter: {otlp: {timeout: 0}}", "reporter.otlp.timeout", "0"},
      {"reporter: {otlp: {timeout: soon}}", "reporter.otlp.timeout", "soon"},
      {"reporter: {otlp: {endpoint: 'ftp://x/v1/traces'}}", "reporter.otlp.endpoint",
       "ftp://x/v1/traces"},
      {"reporter: {otlp: {headers: {'bad header': 1}}}", "reporter.otlp.headers", "bad header"},
      {"reporter: {otlp: [1, 2]}", "reporter.otlp", "[1, 2]"},
  };
  for (const auto& c : cases) {
    const ConfigError error = parseError(c.yaml);
    EXPECT_EQ(error.key, c.key) << c.yaml;
    EXPECT_EQ(error.value, c.value) << c.yaml;
  }
  EXPECT_NE(std::string(parseError("reporter: {otlp: {protocol: grpc}}").what())
                .find("use http/protobuf"),
            std::string::npos);
}

TEST_F(OtlpConfigTest, AnOtlpEndpointBesideAJaegerCollectorIsAnErrorNamingBoth) {
  const ConfigError error = parseError(
      "reporter: {endpoint: 'http://jaeger:14268/api/traces', "
      "otlp: {endpoint: 'http://otel:4318/v1/traces'}}");
  EXPECT_EQ(error.key, "reporter.otlp.endpoint");
  EXPECT_EQ(error.value, "http://otel:4318/v1/traces");
  EXPECT_NE(std::string(error.what()).find("reporter.endpoint"), std::string::npos) << error.what();

  ScopedEnv jaeger("JAEGER_ENDPOINT", std::string("http://jaeger:14268/api/traces"));
  ScopedEnv otlp("OTEL_EXPORTER_OTLP_ENDPOINT", std::string("http://otel:4318"));
  Config config;
  const ConfigError envError = fromEnvError(config);
  EXPECT_EQ(envError.key, "OTEL_EXPORTER_OTLP_ENDPOINT");
  EXPECT_NE(std::string(envError.what()).find("JAEGER_ENDPOINT"), std::string::npos)
      << envError.what();
  EXPECT_EQ(config.reporter().otlp().endpoint, "");  // unchanged
}

TEST_F(OtlpConfigTest, FromEnvReadsTheStandardVariables) {
  ScopedEnv endpoint("OTEL_EXPORTER_OTLP_ENDPOINT", std::string("http://otel:4318"));
  ScopedEnv headers("OTEL_EXPORTER_OTLP_HEADERS",
                    std::string("api-key=a%2Cb+c%3D%3D, X-Tenant = acme"));
  ScopedEnv timeout("OTEL_EXPORTER_OTLP_TIMEOUT", std::string("2500"));
  ScopedEnv compression("OTEL_EXPORTER_OTLP_COMPRESSION", std::string("gzip"));
  ScopedEnv protocol("OTEL_EXPORTER_OTLP_PROTOCOL", std::string("http/json"));
  ScopedEnv certificate("OTEL_EXPORTER_OTLP_CERTIFICATE", std::string("/ca.pem"));
  ScopedEnv clientKey("OTEL_EXPORTER_OTLP_CLIENT_KEY", std::string("/client.key"));
  ScopedEnv clientCertificate("OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE", std::string("/client.pem"));
  ScopedEnv service("OTEL_SERVICE_NAME", std::string("cart"));
  ScopedEnv resource("OTEL_RESOURCE_ATTRIBUTES",
                     std::string("service.name=ignored,deployment.environment=prod%20eu"));
  Config config;
  config.fromEnv();
  const auto& otlp = config.reporter().otlp();
  EXPECT_EQ(otlp.endpoint, "http://otel:4318/v1/traces");
  ASSERT_EQ(otlp.headers.size(), 2u);
  EXPECT_EQ(otlp.headers[0], std::make_pair(std::string("api-key"), std::string("a,b+c==")));
  EXPECT_EQ(otlp.headers[1], std::make_pair(std::string("X-Tenant"), std::string("acme")));
  EXPECT_EQ(otlp.timeout, 2500ms);
  EXPECT_EQ(otlp.compression, "gzip");
  EXPECT_EQ(otlp.protocol, "http/json");
  EXPECT_EQ(otlp.caFile, "/ca.pem");
  EXPECT_EQ(otlp.clientKey, "/client.key");
  EXPECT_EQ(otlp.clientCertificate, "/client.pem");
  EXPECT_EQ(config.serviceName(), "cart");
  ASSERT_EQ(config.tags().size(), 1u);
  EXPECT_EQ(config.tags()[0].key(), "deployment.environment");
  EXPECT_EQ(config.tags()[0].value().get<std::string>(), "prod eu");
}

TEST_F(OtlpConfigTest, TheTracesFormsWin) {
  ScopedEnv endpoint("OTEL_EXPORTER_OTLP_ENDPOINT", std::string("http://generic:4318/"));
  ScopedEnv tracesEndpoint("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                           std::string("http://traces:4318/custom/path"));
  ScopedEnv headers("OTEL_EXPORTER_OTLP_HEADERS", std::string("a=1"));
  ScopedEnv tracesHeaders("OTEL_EXPORTER_OTLP_TRACES_HEADERS", std::string("b=2"));
  ScopedEnv timeout("OTEL_EXPORTER_OTLP_TIMEOUT", std::string("1000"));
  ScopedEnv tracesTimeout("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", std::string("3000"));
  ScopedEnv protocol("OTEL_EXPORTER_OTLP_PROTOCOL", std::string("grpc"));
  ScopedEnv tracesProtocol("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", std::string("http/protobuf"));
  Config config;
  config.fromEnv();
  const auto& otlp = config.reporter().otlp();
  EXPECT_EQ(otlp.endpoint, "http://traces:4318/custom/path");  // as given
  ASSERT_EQ(otlp.headers.size(), 1u);
  EXPECT_EQ(otlp.headers[0].first, "b");
  EXPECT_EQ(otlp.timeout, 3000ms);
  EXPECT_EQ(otlp.protocol, "http/protobuf");
}

TEST_F(OtlpConfigTest, TheGenericEndpointGetsTheSignalPathOnce) {
  ScopedEnv endpoint("OTEL_EXPORTER_OTLP_ENDPOINT", std::string("http://otel:4318/"));
  Config config;
  config.fromEnv();
  EXPECT_EQ(config.reporter().otlp().endpoint, "http://otel:4318/v1/traces");
}

TEST_F(OtlpConfigTest, JaegerServiceNameWinsOverOtelServiceName) {
  ScopedEnv jaeger("JAEGER_SERVICE_NAME", std::string("from-jaeger"));
  ScopedEnv otel("OTEL_SERVICE_NAME", std::string("from-otel"));
  Config config;
  config.fromEnv();
  EXPECT_EQ(config.serviceName(), "from-jaeger");
}

TEST_F(OtlpConfigTest, BadVariablesNameTheVariableAndTheValueAndChangeNothing) {
  struct Case {
    const char* name;
    std::string value;
    std::string quoted;
  };
  const std::vector<Case> cases = {
      {"OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "grpc"},
      {"OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http", "http"},
      {"OTEL_EXPORTER_OTLP_TIMEOUT", "ten", "ten"},
      {"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "-5", "-5"},
      {"OTEL_EXPORTER_OTLP_COMPRESSION", "brotli", "brotli"},
      {"OTEL_EXPORTER_OTLP_ENDPOINT", "otel:4318", "otel:4318/v1/traces"},
      {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "otel:4318", "otel:4318"},
      // Header values may be credentials: only a key is quoted.
      {"OTEL_EXPORTER_OTLP_HEADERS", "a=1,tok3n", ""},
      {"OTEL_EXPORTER_OTLP_HEADERS", "k=%zzsecret", "k"},
      {"OTEL_EXPORTER_OTLP_TRACES_HEADERS", "bad name=1", "bad name"},
      {"OTEL_RESOURCE_ATTRIBUTES", "=x", "=x"},
  };
  for (const auto& c : cases) {
    ScopedEnv variable(c.name, c.value);
    Config config;
    const ConfigError error = fromEnvError(config);
    EXPECT_EQ(error.key, c.name) << c.value;
    EXPECT_EQ(error.value, c.quoted) << c.name;
    EXPECT_EQ(config.reporter().otlp().endpoint, "") << c.name;
    EXPECT_EQ(config.reporter().otlp().protocol, "http/protobuf") << c.name;
  }
  for (const auto& [text, secret] : std::vector<std::pair<std::string, std::string>>{
           {"a=1,tok3n", "tok3n"}, {"k=%zzsecret", "zzsecret"}}) {
    ScopedEnv variable("OTEL_EXPORTER_OTLP_HEADERS", text);
    Config config;
    const std::string message = fromEnvError(config).what();
    EXPECT_EQ(message.find(secret), std::string::npos) << message;
  }
}

TEST_F(OtlpConfigTest, TracerMakeChecksAConfigMadeInCode) {
  reporters::OtlpConfig otlp;
  otlp.endpoint = "http://otel:4318/v1/traces";
  otlp.protocol = "grpc";
  reporters::Config reporter;
  reporter.setOtlp(otlp);
  Config config(false, false, samplers::Config("const", 1), reporter);
  try {
    Tracer::make("made-in-code", config);
    ADD_FAILURE() << "grpc accepted";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.key, "reporter.otlp.protocol");
    EXPECT_EQ(error.value, "grpc");
  }
  otlp.protocol = "http/protobuf";
  reporter = reporters::Config(100, 1s, false, "", "http://jaeger:14268/api/traces");
  reporter.setOtlp(otlp);
  try {
    Tracer::make("made-in-code", Config(false, false, samplers::Config("const", 1), reporter));
    ADD_FAILURE() << "two destinations accepted";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.key, "reporter.otlp.endpoint");
  }
}

}  // namespace
}  // namespace jaegertracing
