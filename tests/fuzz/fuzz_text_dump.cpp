// Fuzz target: the text-dump parser and the layout classifier, without the
// decoder in front (inputs are forced valid by the decoder's U+FFFD repair
// only in the full line; here the classifier sees raw bytes on purpose).
#include <cstddef>
#include <cstdint>

#include "winnow/boilerplate.hpp"
#include "winnow/text_dump.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const winnow::ProfileSet profiles = winnow::ProfileSet::builtin();
  winnow::Document doc;
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  winnow::parse_text_dump(doc);
  winnow::classify_boilerplate(doc, profiles);
  winnow::assemble_text(doc);
  return 0;
}
