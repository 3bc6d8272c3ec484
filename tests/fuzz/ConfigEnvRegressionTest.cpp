// Inputs found by fuzz/ConfigEnvFuzzer. Whatever Config::fromEnv accepts, Tracer::make's check
// (detail::validate) must accept too; a bad value must fail in fromEnv, naming its variable.
#include <gtest/gtest.h>
#include <jaegertracing/Config.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "config/ConfigValidation.h"
#include "support/ScopedEnvironment.h"

namespace jaegertracing {
namespace {

using testing::ScopedEnv;

// Sets one variable for a scope and puts back what was there.
// fromEnv with only `name` set: refused naming `name`, or accepted and then valid.
void expectRefusedByNameOrValid(const char* name, const char* value) {
  SCOPED_TRACE(std::string(name) + "=" + value);
  for (const char* other : {"JAEGER_AGENT_HOST", "JAEGER_AGENT_PORT", "JAEGER_ENDPOINT",
                            "JAEGER_SAMPLER_MANAGER_HOST_PORT", "JAEGER_SAMPLING_ENDPOINT"}) {
    ASSERT_EQ(std::getenv(other), nullptr) << other << " is set in the test's environment";
  }
  const ScopedEnv variable(name, std::string(value));
  Config config;
  try {
    config.fromEnv();
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.key, name) << error.what();
    return;
  }
  try {
    detail::validate(config, "service");
  } catch (const ConfigError& error) {
    ADD_FAILURE() << "fromEnv accepted " << name << "=\"" << value
                  << "\", which Tracer::make then refuses: " << error.what();
  }
}

// JAEGER_AGENT_HOST takes an IPv6 address with a zone ("fe80::1%eth0"), and the zone's text is
// not checked (config/ConfigValidation.cpp, isIPv6: only the part before '%' goes to inet_pton).
// checkHost then returns it bracketed, "[fe80::1%]]", and fromEnv stores "[fe80::1%]]:6831" as
// reporter.localAgentHostPort. checkHostPort reads that up to the first ']' and refuses it, so
// Tracer::make fails naming reporter.localAgentHostPort, a key the user never wrote, and a later
// fromEnv with only JAEGER_AGENT_PORT set throws for the same reason. Fuzzer input (hex):
// 64 66 65 38 30 3a 3a 31 25 65 74 68 30 53 74 39 74 79 70 65 5f 5d 69 6e 66 6f 31
// ('d' picks JAEGER_AGENT_HOST, then "fe80::1%eth0St9type_]info1").
TEST(ConfigEnvRegressionTest, AgentHostWithABracketInItsZoneIsRefusedByName) {
  expectRefusedByNameOrValid("JAEGER_AGENT_HOST", "fe80::1%]");
  expectRefusedByNameOrValid("JAEGER_AGENT_HOST", "fe80::1%eth0St9type_]info1");
  // Refused by validate as "not host:port with a port in 1..65535".
  expectRefusedByNameOrValid("JAEGER_AGENT_HOST", "fe80::1%eth0[::1]:6/l");
}

}  // namespace
}  // namespace jaegertracing
