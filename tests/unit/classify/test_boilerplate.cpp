#include <doctest/doctest.h>

#include <string>

#include "seed_files.hpp"
#include "winnow/boilerplate.hpp"
#include "winnow/text_dump.hpp"

using namespace winnow;

namespace {

struct Classified {
  Document doc;
  LayoutFields fields;
};

Classified classify(const std::string& body) {
  static const ProfileSet profiles = ProfileSet::builtin();
  Classified c;
  c.doc.body = body;
  parse_text_dump(c.doc);
  classify_boilerplate(c.doc, profiles, &c.fields);
  assemble_text(c.doc);
  return c;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("every menu line of every osce.org seed is removed, though the menus differ") {
  for (const char* seed : {kSeed000, kSeed001, kSeed003, kSeed004}) {
    CAPTURE(seed);
    auto c = classify(read_fixture(seed));
    CHECK(c.doc.profile == "osce.org");
    for (const char* menu_line : {"Arms control", "Participating States", "Finland", "Switzerland", "About us",
                                  "Gender equality conferences", "Gender Equality Review Conferences",
                                  "Mission to Skopje", "Our work", "Secretariat"})
      CHECK_FALSE(contains(c.doc.text, std::string("\n") + menu_line + "\n"));
    CHECK(c.doc.removed.navigation >= 140);
    // The metadata box is parsed, not left in the text.
    for (const char* label : {"Date:", "Place:", "Source:", "Fields of work:", "Issued on:", "Issued by:"})
      CHECK_FALSE(contains(c.doc.text, label));
    CHECK(c.doc.metadata.fields_of_work.size() == 1);
  }
}

TEST_CASE("seed 000: type, title, place, sources with the closed flag, empty date field") {
  auto c = classify(read_fixture(kSeed000));
  const Metadata& m = c.doc.metadata;
  CHECK(m.type == "press_release");
  CHECK(m.title == "OSCE Project Co-ordinator in Ukraine fosters local police, NGO co-operation on "
                   "anti-trafficking measures");
  CHECK(m.place == "Khmelnytsky");
  REQUIRE(m.sources.size() == 2);
  CHECK(m.sources[0].name == "OSCE Project Co-ordinator in Ukraine");
  CHECK(m.sources[0].closed);
  CHECK(m.sources[1].name == "OSCE Secretariat");
  CHECK_FALSE(m.sources[1].closed);
  CHECK(m.fields_of_work == std::vector<std::string>{"Combating trafficking in human beings"});
  CHECK(c.fields.raw_date.empty());
  CHECK(c.fields.raw_date_label == "Date");
  // Title first, then the body from the dateline on, in order.
  CHECK(c.doc.text.starts_with(m.title + "\nKHMELNYTSKY, Ukraine, 16 July 2008 - The OSCE"));
  CHECK(c.doc.text.ends_with("Danish Programme Against Human Trafficking in Eastern and South Eastern Europe."));
  CHECK(c.doc.removed.metadata == 8);  // page type line + 7 box lines
}

TEST_CASE("seed 001: the news item's teaser is recorded once, not duplicated in the text") {
  auto c = classify(read_fixture(kSeed001));
  const Metadata& m = c.doc.metadata;
  CHECK(m.type == "news_item");
  CHECK(m.teaser.starts_with("An OSCE-supported series of re-training programmes"));
  CHECK(m.teaser.ends_with("by the end of the year"));  // the "..." is dropped
  CHECK(c.fields.raw_date_label == "Issued on");
  std::string_view text = c.doc.text;
  CHECK(text.find("An OSCE-supported series") == text.rfind("An OSCE-supported series"));
  CHECK(contains(c.doc.text, "launched on 13 September 2016"));
  CHECK_FALSE(contains(c.doc.text, "launched on 14 September 2016"));
  CHECK(c.doc.removed.teaser == 1);
  REQUIRE(m.sources.size() == 1);
  CHECK(m.sources[0].closed);
}

TEST_CASE("seed 002: blog chrome goes, the blogger's added paragraph stays") {
  auto c = classify(read_fixture(kSeed002));
  CHECK(c.doc.profile == "blogger");
  CHECK(c.doc.metadata.type == "blog_post");
  CHECK_FALSE(contains(c.doc.text, "No comments"));
  CHECK_FALSE(contains(c.doc.text, "Post a Comment"));
  CHECK(c.doc.text.ends_with("At least three of the NGOs interviewed will be taking part in the OSCE project."));
  CHECK(c.doc.text.starts_with("KHMELNYTSKY, Ukraine, 16 July 2008 -"));
  CHECK(c.doc.removed.chrome == 2);
}

TEST_CASE("seed 003: NGONGO + expansion becomes 'NGO activists' and an abbreviation entry") {
  auto c = classify(read_fixture(kSeed003));
  CHECK(contains(c.doc.text, "journalists and NGO activists,\xE2\x80\x9D said Ambassador Madina Jarbussynova"));
  CHECK_FALSE(contains(c.doc.text, "NGONGO"));
  CHECK_FALSE(contains(c.doc.text, "non-governmental organization activists"));
  REQUIRE(c.doc.metadata.abbreviations.size() == 1);
  CHECK(c.doc.metadata.abbreviations[0].abbr == "NGO");
  CHECK(c.doc.metadata.abbreviations[0].expansion == "non-governmental organization");
  CHECK(c.doc.removed.artifacts == 1);
}

TEST_CASE("seed 004: a mixed-case place value is kept as written") {
  auto c = classify(read_fixture(kSeed004));
  CHECK(c.doc.metadata.place == "Vicenza, Italy");
  REQUIRE(c.doc.metadata.sources.size() == 1);
  CHECK(c.doc.metadata.sources[0].name == "OSCE Secretariat");
}

TEST_CASE("abbreviation tooltips: initials must spell the abbreviation") {
  std::string line = "staff of the OSCEOSCE";
  std::string next = "Organization for Security and Co-operation in Europe mission said";
  Abbreviation a;
  REQUIRE(repair_abbreviation_tooltip(line, next, &a));
  CHECK(line == "staff of the OSCE mission said");
  CHECK(a.expansion == "Organization for Security and Co-operation in Europe");

  std::string l2 = "a plain MAMAMAMA", n2 = "nothing to see";
  CHECK_FALSE(repair_abbreviation_tooltip(l2, n2, nullptr));
  std::string l3 = "the NGONGO", n3 = "new government order";  // spells it, but "NGONGO" is fine too
  CHECK(repair_abbreviation_tooltip(l3, n3, nullptr));
  std::string l4 = "word couscous", n4 = "cous";
  CHECK_FALSE(repair_abbreviation_tooltip(l4, n4, nullptr));
}

TEST_CASE("a page with no layout anchors: edge menus go, a short first line is the title") {
  auto c = classify(
      "- Home\n- World\n- Politics\n- Sport\n- Culture\n"
      "Storm closes mountain roads\n"
      "Heavy snow closed three mountain passes on Tuesday, the road authority said in a statement.\n"
      "Drivers were told to avoid the area until Thursday at the earliest.\n");
  CHECK(c.doc.metadata.title == "Storm closes mountain roads");
  CHECK(c.doc.text ==
        "Storm closes mountain roads\nHeavy snow closed three mountain passes on Tuesday, the road authority said "
        "in a statement.\nDrivers were told to avoid the area until Thursday at the earliest.");
  CHECK(c.doc.removed.navigation == 5);
}

TEST_CASE("a short bullet list inside an article is kept") {
  auto c = classify(read_fixture(kSeed004) + "\nThe partners are:\n- Italy\n- Hungary\n");
  CHECK(c.doc.text.ends_with("The partners are:\nItaly\nHungary"));
}

TEST_CASE("the list after a chrome line is that widget's, not the article's") {
  auto c = classify(read_fixture(kSeed004) +
                    "\nShare this page:\nRelated content\n- OSCE Mission to Serbia supports Roma employment\n"
                    "- Training for election commissioners held in 25 municipalities\n");
  CHECK(c.doc.text.ends_with("“We are proud to be a part of it.”"));
  CHECK(c.doc.removed.chrome == 4);
  // A list after a body line is still the article's.
  auto kept = classify(read_fixture(kSeed004) + "\nPrint\nThe partners are:\n- Italy\n- Hungary\n");
  CHECK(kept.doc.text.ends_with("The partners are:\nItaly\nHungary"));
}

TEST_CASE("a Place value in capitals is title-cased letter by letter, beyond ASCII") {
  std::string page = read_fixture(kSeed000);
  auto at = page.find("- KHMELNYTSKY\n");
  REQUIRE(at != std::string::npos);
  page.replace(at, 14, "- SHKODËR\n");
  CHECK(classify(page).doc.metadata.place == "Shkodër");
}

TEST_CASE("Blogger's 'Posted by' line in other languages is chrome") {
  for (const char* byline : {"Eingestellt von Martin um 08:40", "Publié par Claire à 10:15", "Publicado por Ana en 9:02",
                             "Pubblicato da Luca alle 18:30", "Geplaatst door Sanne op 11:47"}) {
    CAPTURE(byline);
    auto c = classify(read_fixture(kSeed002) + "\n" + byline + "\nNo comments:\nPost a Comment");
    CHECK(c.doc.profile == "blogger");
    CHECK(c.doc.text.ends_with("taking part in the OSCE project."));
  }
}

TEST_CASE("a press-contact section closes the page: it and what follows are chrome") {
  auto c = classify(read_fixture(kSeed004) +
                    "\nContacts\nCommunication and Media Relations Section\nOffice: +43 1 514 36 6000\npress@osce.org");
  CHECK(c.doc.text.ends_with("“We are proud to be a part of it.”"));
  CHECK(c.doc.removed.chrome == 4);
}

TEST_CASE("a blog's date header above the post title is not the title") {
  auto c = classify("Monday, December 13, 2021\nGeneva talks hold another round\n"
                    "GENEVA, 13 December 2021 – The co-chairs held the round of talks.\nNo comments:\nPost a Comment");
  CHECK(c.doc.metadata.title == "Geneva talks hold another round");
  CHECK(c.doc.text.starts_with("Geneva talks hold another round\nGENEVA, 13 December 2021"));
  CHECK(c.doc.removed.metadata == 1);
}
