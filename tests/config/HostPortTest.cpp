#include <gtest/gtest.h>
#include <jaegertracing/ConfigError.h>

#include <string>

#include "config/HostPort.h"

namespace jaegertracing {
namespace detail {
namespace config {
namespace {

// The error names the key, quotes the text, and says why.
template <typename T>
void expectRefused(const Checked<T>& checked, const std::string& key, const std::string& text,
                   const std::string& why) {
  SCOPED_TRACE("\"" + text + "\"");
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().key, key);
  EXPECT_EQ(checked.error().value, text);
  EXPECT_EQ(std::string(checked.error().what()), key + ": \"" + text + "\" " + why);
}

TEST(HostPortTest, CheckHostPortSplitsHostAndPort) {
  const auto name = checkHostPort("k", "agent_1.example-dc:1");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->host, "agent_1.example-dc");
  EXPECT_EQ(name->port, 1);
  const auto zoned = checkHostPort("k", "[fe80::1%eth0.5]:65535");
  ASSERT_TRUE(zoned);
  EXPECT_EQ(zoned->host, "fe80::1%eth0.5");
  EXPECT_EQ(zoned->port, 65535);
}

TEST(HostPortTest, CheckHostPortSaysWhatIsWrong) {
  expectRefused(checkHostPort("reporter.localAgentHostPort", "agent"),
                "reporter.localAgentHostPort", "agent",
                "is not host:port (e.g. 127.0.0.1:6831 or [::1]:6831)");
  expectRefused(checkHostPort("k", "::1:6831"), "k", "::1:6831",
                "is not host:port: write an IPv6 host in brackets, e.g. [::1]:6831");
  expectRefused(checkHostPort("k", "[agent]:6831"), "k", "[agent]:6831",
                "is not host:port: the host in brackets is not an IPv6 address");
  expectRefused(checkHostPort("k", "[fe80::1%eth]0]:6831"), "k", "[fe80::1%eth]0]:6831",
                "is not host:port (e.g. 127.0.0.1:6831 or [::1]:6831)");
  expectRefused(checkHostPort("k", "[fe80::1%]:6831"), "k", "[fe80::1%]:6831",
                "is not host:port: the host in brackets is not an IPv6 address");
  expectRefused(checkHostPort("k", "agent:99999"), "k", "agent:99999",
                "is not host:port with a port in 1..65535");
}

TEST(HostPortTest, CheckPortTakesDigitsForOneTo65535) {
  EXPECT_EQ(*checkPort("JAEGER_AGENT_PORT", "1"), 1);
  EXPECT_EQ(*checkPort("JAEGER_AGENT_PORT", "06831"), 6831);
  EXPECT_EQ(*checkPort("JAEGER_AGENT_PORT", "65535"), 65535);
  for (const char* text : {"", "0", "00000", "65536", "-1", "+1", " 1", "1 ", "0x10", "123456"}) {
    expectRefused(checkPort("JAEGER_AGENT_PORT", text), "JAEGER_AGENT_PORT", text,
                  "is not a port (1 to 65535)");
  }
}

TEST(HostPortTest, CheckHostBracketsIPv6ReadyForAPort) {
  EXPECT_EQ(*checkHost("JAEGER_AGENT_HOST", "jaeger-agent"), "jaeger-agent");
  EXPECT_EQ(*checkHost("JAEGER_AGENT_HOST", "10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(*checkHost("JAEGER_AGENT_HOST", "::1"), "[::1]");
  EXPECT_EQ(*checkHost("JAEGER_AGENT_HOST", "[::1]"), "[::1]");
  EXPECT_EQ(*checkHost("JAEGER_AGENT_HOST", "fe80::1%eth0"), "[fe80::1%eth0]");
  for (const char* text : {"", "[]", "[agent]", "agent:6831", "http://agent", "a b", "fe80::1%"}) {
    expectRefused(checkHost("JAEGER_AGENT_HOST", text), "JAEGER_AGENT_HOST", text,
                  "is not a host name or IP address");
  }
}

TEST(HostPortTest, ParseHostPortThrowsTheCheckError) {
  EXPECT_EQ(parseHostPort("k", "[::1]:6831").host, "::1");
  try {
    parseHostPort("reporter.localAgentHostPort", "agent:0");
    ADD_FAILURE() << "no ConfigError thrown";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.key, "reporter.localAgentHostPort");
    EXPECT_EQ(error.value, "agent:0");
  }
}

}  // namespace
}  // namespace config
}  // namespace detail
}  // namespace jaegertracing
