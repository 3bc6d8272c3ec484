#include <gtest/gtest.h>

#include <string>

#include "text/UrlEncoding.h"

namespace jaegertracing {
namespace text {
namespace {

TEST(UrlEncodingTest, KeepsUnreservedCharacters) {
  const std::string unreserved =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  EXPECT_EQ(urlEncode(unreserved), unreserved);
  EXPECT_EQ(urlEncode(""), "");
}

TEST(UrlEncodingTest, EncodesEverythingElseWithUpperCaseHex) {
  EXPECT_EQ(urlEncode("a b"), "a%20b");
  EXPECT_EQ(urlEncode("100%"), "100%25");
  EXPECT_EQ(urlEncode("k=v,x;y"), "k%3Dv%2Cx%3By");
  EXPECT_EQ(urlEncode("a+b/c?d&e:"), "a%2Bb%2Fc%3Fd%26e%3A");
  EXPECT_EQ(urlEncode("\xc3\xbc"), "%C3%BC");  // ü: by byte, not sign-extended
  EXPECT_EQ(urlEncode(std::string("\0\n\xff", 3)), "%00%0A%FF");
}

TEST(UrlEncodingTest, AppendsToWhatIsThere) {
  std::string out = "uberctx-";
  appendUrlEncoded(out, "a b");
  EXPECT_EQ(out, "uberctx-a%20b");
}

TEST(UrlEncodingTest, DecodesEscapesOfEitherCaseAndPlusAsSpace) {
  EXPECT_EQ(urlDecode("a%20b"), "a b");
  EXPECT_EQ(urlDecode("%c3%BC"), "\xc3\xbc");
  EXPECT_EQ(urlDecode("a+b"), "a b");  // Go's url.QueryEscape and Java's URLEncoder
  EXPECT_EQ(urlDecode("a%2Bb"), "a+b");
  EXPECT_EQ(urlDecode("%00"), std::string("\0", 1));
  EXPECT_EQ(urlDecode(""), "");
  EXPECT_EQ(urlDecode("plain"), "plain");
}

TEST(UrlEncodingTest, RejectsBadEscapes) {
  for (const char* bad : {"%", "%2", "a%", "%zz", "%2z", "%z2", "100%", "%%20", "a%g0b"}) {
    EXPECT_EQ(urlDecode(bad), std::nullopt) << bad;
  }
}

TEST(UrlEncodingTest, RoundTripsEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  EXPECT_EQ(urlDecode(urlEncode(all)), all);
}

}  // namespace
}  // namespace text
}  // namespace jaegertracing
