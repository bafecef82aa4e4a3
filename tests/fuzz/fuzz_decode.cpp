// Fuzz target: charset sniffing and decoding. After a successful decode the
// body must be valid UTF-8, which the target checks (a finding is a crash).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "winnow/decode.hpp"

namespace {
bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += len;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  winnow::Document doc;
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  std::string problem;
  if (winnow::decode_document(doc, &problem) && !valid_utf8(doc.body)) std::abort();
  return 0;
}
