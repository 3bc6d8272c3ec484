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
  const std::string lower = "0123456789abcdef";
  const std::string upper = "0123456789ABCDEF";
  for (int byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    const auto inLower = lower.find(c);
    const auto inUpper = upper.find(c);
    const int either = inLower != std::string::npos   ? static_cast<int>(inLower)
                       : inUpper != std::string::npos ? static_cast<int>(inUpper)
                                                      : -1;
    EXPECT_EQ(hexDigitValue(c), either) << byte;
    EXPECT_EQ(hexDigitValue<HexCase::kLowerOnly>(c),
              inLower != std::string::npos ? static_cast<int>(inLower) : -1)
        << byte;
  }
  EXPECT_EQ(std::string(kLowerHexDigits), lower);
  EXPECT_EQ(std::string(kUpperHexDigits), upper);
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
  EXPECT_EQ(parseHex64<HexCase::kLowerOnly>("00f0"), 0xf0u);
  EXPECT_EQ(parseHex64<HexCase::kLowerOnly>("00F0"), std::nullopt);
  EXPECT_EQ(parseHex64("00F0"), 0xf0u);
}

}  // namespace
}  // namespace jaegertracing
