// urlDecode on arbitrary text, and the identities the Jaeger headers rely on: any bytes come
// back from urlEncode unchanged, and a decoded value encodes to something that decodes to it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "FuzzSupport.h"
#include "text/UrlEncoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jaegertracing::text;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const std::string encoded = urlEncode(input);
  for (const char c : encoded) {
    // Only unreserved characters and escapes: safe in any header value and any URL.
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '%';
    FUZZ_CHECK(unreserved);
  }
  const auto roundTrip = urlDecode(encoded);
  FUZZ_CHECK(roundTrip);
  FUZZ_CHECK(*roundTrip == input);

  const auto decoded = urlDecode(input);
  if (!decoded) {
    // Only a '%' without two hex digits fails.
    FUZZ_CHECK(input.find('%') != std::string_view::npos);
    std::string prefix = "kept";
    FUZZ_CHECK(!appendUrlDecoded(prefix, input));
    FUZZ_CHECK(prefix.compare(0, 4, "kept") == 0);
    return 0;
  }
  FUZZ_CHECK(decoded->size() <= input.size());
  if (input.find_first_of("%+") == std::string_view::npos) FUZZ_CHECK(*decoded == input);
  std::string appended = "kept";
  FUZZ_CHECK(appendUrlDecoded(appended, input));
  FUZZ_CHECK(appended == "kept" + *decoded);
  const auto again = urlDecode(urlEncode(*decoded));
  FUZZ_CHECK(again && *again == *decoded);
  return 0;
}
