#include <gtest/gtest.h>

#include <string>
#include <string_view>

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

// The general coder, with each choice its users make.

TEST(PercentEncodingTest, EncodesWhatThePredicateDoesNotKeep) {
  std::string out = "k=";
  // W3C baggage: printable ASCII stays, except what the baggage syntax uses and '%' itself.
  const auto keepBaggageOctet = [](unsigned char c) {
    return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\' && c != '%';
  };
  appendPercentEncoded(out, "a b,c;d=e%f+g\"h\\i\xc3\xbc~!", keepBaggageOctet);
  EXPECT_EQ(out, "k=a%20b%2Cc%3Bd=e%25f+g%22h%5Ci%C3%BC~!");

  std::string none;
  appendPercentEncoded(none, std::string("\0/\xff", 3), [](unsigned char) { return false; });
  EXPECT_EQ(none, "%00%2F%FF");
}

TEST(PercentEncodingTest, EscapesEveryByteWithUpperCaseHex) {
  for (int c = 0; c < 256; ++c) {
    std::string out;
    appendPercentEscape(out, static_cast<unsigned char>(c));
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0], '%');
    EXPECT_EQ(out.find_first_of("abcdef"), std::string::npos) << out;
    EXPECT_EQ(percentDecode(out, PlusSign::kLiteral, BadEscape::kFail),
              std::string(1, static_cast<char>(c)));
  }
}

TEST(PercentEncodingTest, UrlUnreservedIsRfc3986) {
  std::string unreserved;
  for (int c = 0; c < 256; ++c) {
    if (isUrlUnreserved(static_cast<unsigned char>(c))) unreserved.push_back(static_cast<char>(c));
  }
  EXPECT_EQ(unreserved, "-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
}

TEST(PercentEncodingTest, PlusIsASpaceOnlyWhenAsked) {
  EXPECT_EQ(percentDecode("a+b%2B", PlusSign::kSpace, BadEscape::kFail), "a b+");
  EXPECT_EQ(percentDecode("a+b%2B", PlusSign::kLiteral, BadEscape::kFail), "a+b+");
  EXPECT_EQ(percentDecode("a+b%2B", PlusSign::kLiteral, BadEscape::kKeepAsIs), "a+b+");
  EXPECT_EQ(percentDecode("a+b%2B", PlusSign::kSpace, BadEscape::kKeepAsIs), "a b+");
}

TEST(PercentEncodingTest, StrictRejectsBadEscapesAndKeepsAPrefix) {
  for (const char* bad : {"%", "%2", "a%", "%zz", "%2z", "%z2", "100%", "%%20", "a%g0b"}) {
    for (const PlusSign plus : {PlusSign::kLiteral, PlusSign::kSpace}) {
      EXPECT_EQ(percentDecode(bad, plus, BadEscape::kFail), std::nullopt) << bad;
    }
  }
  std::string out = "kept:";
  EXPECT_FALSE(appendPercentDecoded(out, "a%41+%4", PlusSign::kLiteral, BadEscape::kFail));
  EXPECT_EQ(out.compare(0, 5, "kept:"), 0);
}

TEST(PercentEncodingTest, LenientKeepsBadEscapesAsWritten) {
  const auto lenient = [](std::string_view text) {
    std::string out = "kept:";
    EXPECT_TRUE(appendPercentDecoded(out, text, PlusSign::kLiteral, BadEscape::kKeepAsIs));
    return out;
  };
  EXPECT_EQ(lenient("p%40ss"), "kept:p@ss");
  EXPECT_EQ(lenient("100%"), "kept:100%");
  EXPECT_EQ(lenient("%2"), "kept:%2");
  EXPECT_EQ(lenient("%zz%41"), "kept:%zzA");
  // The bytes after a kept '%' are read afresh: here they make an escape of their own.
  EXPECT_EQ(lenient("%%41"), "kept:%A");
  EXPECT_EQ(lenient("%4%41"), "kept:%4A");
  EXPECT_EQ(lenient("a+b"), "kept:a+b");
  EXPECT_EQ(lenient(""), "kept:");
}

TEST(PercentEncodingTest, DecodesEveryEscapeInEitherCase) {
  for (int c = 0; c < 256; ++c) {
    const char upper[] = {'%', "0123456789ABCDEF"[c >> 4], "0123456789ABCDEF"[c & 0xf], 0};
    const char lower[] = {'%', "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 0xf], 0};
    const std::string expected(1, static_cast<char>(c));
    for (const BadEscape badEscape : {BadEscape::kFail, BadEscape::kKeepAsIs}) {
      EXPECT_EQ(percentDecode(upper, PlusSign::kLiteral, badEscape), expected) << upper;
      EXPECT_EQ(percentDecode(lower, PlusSign::kSpace, badEscape), expected) << lower;
    }
  }
}

}  // namespace
}  // namespace text
}  // namespace jaegertracing
