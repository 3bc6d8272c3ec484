#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "text/Hex.h"

namespace jaegertracing {
namespace {

TEST(HexTest, WritesSixteenLowerCaseDigits) {
  std::string out = "id:";
  appendHex16(out, 0x00ab'cdef'0123'4567);
  EXPECT_EQ(out, "id:00abcdef01234567");
  char buffer[17] = {};
  EXPECT_EQ(writeHex16(buffer, ~uint64_t{0}), buffer + 16);
  EXPECT_EQ(std::string(buffer), "ffffffffffffffff");
}

TEST(HexTest, DigitValuesOfEitherCaseOrLowerOnly) {
  for (int i = 0; i < 16; ++i) {
    EXPECT_EQ(hexDigitValue(kLowerHexDigits[i]), i);
    EXPECT_EQ(hexDigitValue(kUpperHexDigits[i]), i);
    EXPECT_EQ(hexDigitValue(kLowerHexDigits[i], HexCase::kLowerOnly), i);
  }
  for (const char c : std::string("ABCDEF")) {
    EXPECT_EQ(hexDigitValue(c, HexCase::kLowerOnly), -1) << c;
  }
  for (const char c : std::string("gG/:@`-x \xff", 10)) {
    EXPECT_EQ(hexDigitValue(c), -1) << c;
    EXPECT_EQ(hexDigitValue(c, HexCase::kLowerOnly), -1) << c;
  }
}

TEST(HexTest, ParsesOneToSixteenDigits) {
  EXPECT_EQ(parseHex64("0"), 0u);
  EXPECT_EQ(parseHex64("aBc"), 0xabcu);
  EXPECT_EQ(parseHex64("ffffffffffffffff"), ~uint64_t{0});
  EXPECT_EQ(parseHex64(""), std::nullopt);
  EXPECT_EQ(parseHex64("10000000000000000"), std::nullopt);
  EXPECT_EQ(parseHex64("12g4"), std::nullopt);
  EXPECT_EQ(parseHex64("-1"), std::nullopt);
}

TEST(HexTest, LowerOnlyRejectsUpperCase) {
  EXPECT_EQ(parseHex64("00f0", HexCase::kLowerOnly), 0xf0u);
  EXPECT_EQ(parseHex64("00F0", HexCase::kLowerOnly), std::nullopt);
  EXPECT_EQ(parseHex64("00F0"), 0xf0u);
}

}  // namespace
}  // namespace jaegertracing
