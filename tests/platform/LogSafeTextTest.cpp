#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/LogSafeText.h"

namespace jaegertracing {
namespace detail {
namespace {

TEST(LogSafeTextTest, UrlWithoutUserInfoDropsOnlyTheAuthoritysCredentials) {
  struct Case {
    const char* url;
    const char* logged;
  };
  for (const Case& c : std::vector<Case>{
           {"https://alice:s3cret@collector:14268/api/traces?format=x",
            "https://collector:14268/api/traces?format=x"},
           // The last "@" of the authority ends the credentials; one after it is kept.
           {"http://a:p@ss@collector/", "http://collector/"},
           {"http://u:p@agent#frag@x", "http://agent#frag@x"},
           {"http://agent:5778/sampling?service=x@y", "http://agent:5778/sampling?service=x@y"},
           {"http://[::1]:14268/api", "http://[::1]:14268/api"},
           // Nothing to drop without "scheme://", or with an empty authority.
           {"collector@host:1", "collector@host:1"},
           {"http:///a@b", "http:///a@b"},
           {"http://", "http://"},
           {"http://@", "http://"},
       }) {
    EXPECT_EQ(urlWithoutUserInfo(c.url), c.logged) << c.url;
  }
}

TEST(LogSafeTextTest, OneLineTurnsControlCharactersIntoSpaces) {
  EXPECT_EQ(oneLine("a\r\nb\tc\x7f"
                    "d\x01"),
            "a  b c d ");
  EXPECT_EQ(oneLine("caf\xc3\xa9"), "caf\xc3\xa9");  // UTF-8 stays
  EXPECT_EQ(printable("Bad Request\r\n"), "Bad Request");
  EXPECT_EQ(printable(" \n"), "");
}

TEST(LogSafeTextTest, SecretRedactorReplacesEverySecretLongestFirst) {
  const SecretRedactor redactor({"pass", "", "password-1", "tok"});
  EXPECT_EQ(redactor.redact("password-1 pass tok tokpass"), "*** *** *** ******");
  // The longer secret goes first: none of it is left visible around a shorter one.
  EXPECT_EQ(SecretRedactor({"ab", "xaby"}).redact("xaby ab"), "*** ***");
  EXPECT_EQ(SecretRedactor().redact("nothing to hide"), "nothing to hide");
  // Replacements do not run into each other: the search goes on after the "***".
  EXPECT_EQ(SecretRedactor({"*"}).redact("**"), "******");
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
