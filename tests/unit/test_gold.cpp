// The metadata stage on the hand-labelled gold set (fixtures/gold/), scored
// by the same code as bench/metadata_score. The thresholds are the scores
// measured when they were set, rounded down: a drop is a regression.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "../../bench/metadata/gold_score.hpp"

namespace {

void check_field(const winnow::gold::Report& r, const char* field, double precision, double recall) {
  auto it = r.fields.find(field);
  REQUIRE(it != r.fields.end());
  INFO(fmt::format("{}: P={:.3f} R={:.3f}", field, it->second.precision(), it->second.recall()));
  CHECK(it->second.precision() >= precision);
  CHECK(it->second.recall() >= recall);
}

}  // namespace

// Documents 001-132: the set as it stood before issue 18's held-out batch
// (133-175), which has thresholds of its own below.
const winnow::gold::Range kFirst132{1, 132};
const winnow::gold::Range kBatch18{133, 175};

TEST_CASE("gold set: dates, places and datelines") {
  auto r = winnow::gold::score_directory(WINNOW_SOURCE_DIR "/fixtures/gold", kFirst132);
  CHECK(r.documents == 132);
  check_field(r, "date", 1.0, 1.0);
  check_field(r, "place", 1.0, 1.0);
  check_field(r, "dateline", 1.0, 1.0);
}

TEST_CASE("gold set: speakers and figures reach the targets") {
  auto r = winnow::gold::score_directory(WINNOW_SOURCE_DIR "/fixtures/gold", kFirst132);
  // Measured on 124 documents: speakers P 1.000 R 0.985, figures P 0.983
  // R 0.973, honorifics P 0.971 R 0.961, roles P 0.902 R 0.893. Roles were
  // P 0.938 on the first 104 (0.939 now); batch 105-124 brought role shapes
  // still unhandled (P 0.75 there), hence the lower bar. Held-out batch
  // 125-132 (session 2) brought figure counts the code does not follow and
  // two honorific shapes: on 132 documents speakers P 1.000 R 0.986,
  // figures P 0.980 R 0.965, honorifics P 0.955 R 0.946 (issue 4 asks 0.95
  // for speakers and figures).
  check_field(r, "speakers", 0.99, 0.98);
  check_field(r, "figures", 0.97, 0.96);
  check_field(r, "speaker_honorifics", 0.95, 0.94);
  check_field(r, "speaker_roles", 0.90, 0.88);
}

TEST_CASE("gold set: issue 18's batch 133-175 stays at its measured level") {
  auto r = winnow::gold::score_directory(WINNOW_SOURCE_DIR "/fixtures/gold", kBatch18);
  CHECK(r.documents == 43);
  // Held out, before any change: date P 0.975 R 0.907, dateline P 0.971
  // R 0.868, speakers P 0.881 R 0.552, figures P 0.933 R 0.944,
  // abbreviations R 0 (see fixtures/gold/README.md).
  check_field(r, "date", 0.97, 0.90);
  check_field(r, "dateline", 0.97, 0.86);
  check_field(r, "speakers", 0.88, 0.55);
  check_field(r, "figures", 0.93, 0.94);
  check_field(r, "abbreviations", 1.0, 1.0);
}

TEST_CASE("gold scorer: matching rules") {
  using winnow::gold::normalise_quote;
  CHECK(normalise_quote("  “We  will go on,”  ") == "we will go on");
  CHECK(winnow::gold::figure_key(1800, " Police officers ") == "1800|police officers");
  winnow::gold::Tally t;
  winnow::gold::single(t, "2008-07-16", "2008-07-16");
  winnow::gold::single(t, "2008-07-17", "2008-07-16");
  winnow::gold::single(t, "", "2008-07-16");
  CHECK(t.tp == 1);
  CHECK(t.fp == 1);
  CHECK(t.fn == 2);
}

TEST_CASE("seeds: every field exact on the five osce.org seeds") {
  auto r = winnow::gold::score_directory(WINNOW_SOURCE_DIR "/fixtures/seeds_gold");
  CHECK(r.documents == 5);
  for (const char* field : {"date", "place", "dateline", "speakers", "figures", "speaker_honorifics", "speaker_roles"})
    check_field(r, field, 1.0, 1.0);
}

// Whole pages (fixtures/gold_pages/): the whole extraction line, so the
// layout stage's fields are measured too. Issue 4 sets 1.0 for type, title,
// date, place, sources and fields of work; text, teaser, date_source and the
// dateline are held to the same.
TEST_CASE("gold pages: type, title, date, place, sources and fields of work are exact") {
  auto r = winnow::gold::score_directory(WINNOW_SOURCE_DIR "/fixtures/gold_pages");
  CHECK(r.documents >= 62);
  CHECK(r.pages == r.documents);
  for (const char* field : {"type", "title", "date", "place", "sources", "fields_of_work", "text", "teaser",
                            "date_source", "dateline"})
    check_field(r, field, 1.0, 1.0);
}

TEST_CASE("gold pages: speakers and figures as on the articles they carry") {
  auto r = winnow::gold::score_directory(WINNOW_SOURCE_DIR "/fixtures/gold_pages");
  // Measured on 62 pages: speakers P 1.000 R 0.984, figures P 0.988 R 0.982,
  // honorifics P 0.977 R 0.956, roles P 0.864 R 0.844: the misses are those
  // of the carried articles in fixtures/gold/, none from the page around them.
  check_field(r, "speakers", 0.99, 0.98);
  check_field(r, "figures", 0.98, 0.98);
  check_field(r, "speaker_honorifics", 0.97, 0.95);
  check_field(r, "speaker_roles", 0.86, 0.84);
}

TEST_CASE("gold scorer: sources and fields of work are sets of exact items") {
  rapidjson::Document g;
  g.Parse(R"({"article": "000", "type": "press_release", "title": "T", "text": "T\nBody.",
              "sources": [{"name": "OSCE Project Co-ordinator in Ukraine", "closed": true}, {"name": "OSCE Secretariat"}],
              "fields_of_work": ["Policing", "Rule of law"]})");
  winnow::Document doc;
  doc.text = "T\nBody.";
  doc.metadata.type = "press_release";
  doc.metadata.title = "T";
  doc.metadata.sources = {{" OSCE Secretariat ", false}, {"OSCE Project Co-ordinator in Ukraine", false}};
  doc.metadata.fields_of_work = {"Rule of law", "Policing", "Youth"};
  winnow::gold::Report r;
  winnow::gold::score_layout("x", doc, g, r);
  CHECK(r.fields["sources"].tp == 1);  // the closed flag is part of the item
  CHECK(r.fields["sources"].fp == 1);
  CHECK(r.fields["sources"].fn == 1);
  CHECK(r.fields["fields_of_work"].tp == 2);
  CHECK(r.fields["fields_of_work"].fp == 1);
  CHECK(r.fields["type"].tp == 1);
  CHECK(r.fields["text"].tp == 1);
}
