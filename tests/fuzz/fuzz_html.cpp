// Fuzz target: the HTML stage on arbitrary bytes: decoding (charsets, BOMs,
// <meta> declarations), the pre-scan that skips script/style bodies, the
// Gumbo walk, page-head metadata (JSON-LD included; the canonical link
// resolved against a fetched URL, winnow/url.hpp), the site-profile
// selectors and the generic classifier.
#include <cstddef>
#include <cstdint>
#include <string>

#include "winnow/boilerplate.hpp"
#include "winnow/decode.hpp"
#include "winnow/html.hpp"
#include "winnow/profiles.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const winnow::ProfileSet profiles = winnow::ProfileSet::builtin();
  winnow::Document doc;
  doc.url = "https://fuzz.example/a/b/c;p?q";  // canonical links and <base href> are resolved against it
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  std::string problem;
  if (!winnow::decode_document(doc, &problem)) return 0;
  winnow::parse_html(doc);
  // Every classifier runs on the same blocks, so each is exercised on every input.
  winnow::Document by_profile = doc;
  for (const auto& p : profiles.all())
    winnow::classify_html_with_profile(by_profile, p, &problem);
  winnow::Document generic = doc;
  winnow::classify_html_generic(generic);
  winnow::assemble_text(generic);
  return 0;
}
