// Fuzz target: the whole extraction line (decode, text or HTML parse,
// classification, metadata) on arbitrary bytes. It must never crash, hang or
// leak, whatever the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "winnow/extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const winnow::Extractor extractor(winnow::ProfileSet::builtin());
  winnow::Document doc;
  doc.id = "fuzz";
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  std::string problem;
  extractor.run(doc, &problem);
  return 0;
}
