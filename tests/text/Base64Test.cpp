#include <gtest/gtest.h>

#include <string>

#include "text/Base64.h"

namespace jaegertracing {
namespace text {
namespace {

// RFC 4648, section 10.
TEST(Base64Test, EncodesTheRfcTestVectors) {
  EXPECT_EQ(base64Encode(""), "");
  EXPECT_EQ(base64Encode("f"), "Zg==");
  EXPECT_EQ(base64Encode("fo"), "Zm8=");
  EXPECT_EQ(base64Encode("foo"), "Zm9v");
  EXPECT_EQ(base64Encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64Encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
}

TEST(Base64Test, EncodesEveryByteValue) {
  // The last two letters of the alphabet, and bytes above 0x7f read as unsigned.
  EXPECT_EQ(base64Encode(std::string("\xfb\xff\xbf", 3)), "+/+/");
  EXPECT_EQ(base64Encode(std::string("\0\0\0", 3)), "AAAA");
  EXPECT_EQ(base64Encode(std::string("\xff", 1)), "/w==");
  EXPECT_EQ(base64Encode(std::string("\xff\xff", 2)), "//8=");
}

TEST(Base64Test, EncodesBasicAuthCredentials) {
  // RFC 7617, section 2.
  EXPECT_EQ(base64Encode("Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
}

}  // namespace
}  // namespace text
}  // namespace jaegertracing
