// Same page, same record: the HTML of a seed page and its text dump give the
// same article and the same metadata (issue 3, point 4).
#include <doctest/doctest.h>

#include "seed_files.hpp"
#include "winnow/extract.hpp"

using namespace winnow;

namespace {

Document extract_file(const std::string& path) {
  static const Extractor extractor(ProfileSet::builtin());
  Document doc;
  doc.id = path;
  doc.body = read_fixture(path);
  std::string problem;
  REQUIRE_MESSAGE(extractor.run(doc, &problem), problem);
  return doc;
}

}  // namespace

TEST_CASE("the HTML fixtures give the same fields and text as the text dumps") {
  const char* dumps[] = {kSeed000, kSeed001, kSeed002, kSeed003, kSeed004};
  for (int i = 0; i < 5; ++i) {
    std::string html_path = "fixtures/html/00" + std::to_string(i) + ".html";
    CAPTURE(html_path);
    Document text = extract_file(dumps[i]);
    Document html = extract_file(html_path);
    CHECK(html.format == InputFormat::Html);
    CHECK(html.profile == text.profile);
    CHECK(html.text == text.text);
    const Metadata &t = text.metadata, &h = html.metadata;
    CHECK(h.type == t.type);
    CHECK(h.title == t.title);
    CHECK(h.date == t.date);
    CHECK(h.place == t.place);
    CHECK(h.teaser == t.teaser);
    CHECK(h.fields_of_work == t.fields_of_work);
    REQUIRE(h.sources.size() == t.sources.size());
    for (std::size_t s = 0; s < t.sources.size(); ++s) {
      CHECK(h.sources[s].name == t.sources[s].name);
      CHECK(h.sources[s].closed == t.sources[s].closed);
    }
    REQUIRE(h.abbreviations.size() == t.abbreviations.size());
    for (std::size_t a = 0; a < t.abbreviations.size(); ++a) {
      CHECK(h.abbreviations[a].abbr == t.abbreviations[a].abbr);
      CHECK(h.abbreviations[a].expansion == t.abbreviations[a].expansion);
    }
    CHECK(h.dateline.has_value() == t.dateline.has_value());
    if (h.dateline && t.dateline) CHECK(h.dateline->raw == t.dateline->raw);
    // Speakers and figures are read from the same text.
    REQUIRE(h.speakers.size() == t.speakers.size());
    for (std::size_t s = 0; s < t.speakers.size(); ++s) CHECK(h.speakers[s].name == t.speakers[s].name);
    CHECK(h.figures.size() == t.figures.size());
    CHECK(html.warnings == text.warnings);
  }
}
