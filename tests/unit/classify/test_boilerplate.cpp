#include <doctest/doctest.h>

#include <string>

#include "seed_files.hpp"
#include "winnow/boilerplate.hpp"
#include "winnow/text_dump.hpp"

using namespace winnow;

namespace {

struct Classified {
  Document doc;
};

Classified classify(const std::string& body) {
  static const ProfileSet profiles = ProfileSet::builtin();
  Classified c;
  c.doc.body = body;
  parse_text_dump(c.doc);
  classify_boilerplate(c.doc, profiles);
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
  CHECK(c.doc.date_candidates.empty());  // the Date item is there, its value empty
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
  CHECK(c.doc.date_candidates.empty());  // "Issued on:" with no value in this seed
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

// Pages of sites no profile knows: the article is the longest run of prose,
// its title the heading-like line above it, whatever the UI's language.
TEST_CASE("a repost on an unknown blog: the article by its prose, the title above it, the site around it") {
  const std::string article =
      "OSCE trains border guards in Moldova\n"
      "CHISINAU, Moldova, 4 March 2019 \xE2\x80\x93 The OSCE Mission to Moldova today opened a three-day course for "
      "45 border guards on identifying and referring potential victims of trafficking.\n"
      "The course, held in Chisinau, is the second of five such events planned for this year.\n"
      "Neue Kurse\n"
      "\xE2\x80\x9C" "Border guards are the first to meet people in distress,\xE2\x80\x9D said the Head of Mission.\n"
      "The project runs until 2020.\n";
  auto c = classify("Zum Inhalt springen\nFriedensblog\nNachrichten aus Osteuropa\n- Startseite\n- \xC3\x9C" "ber uns\n"
                    "- Kontakt\n- Archiv\n- Impressum\n" + article.substr(0, article.find('\n') + 1) +
                    "Ver\xC3\xB6" "ffentlicht am 17. Juli 2008 von admin\n" + article.substr(article.find('\n') + 1) +
                    "Teilen mit:\nTwitter\nFacebook\nGef\xC3\xA4llt mir:\n\xC3\x84hnliche Beitr\xC3\xA4ge\n"
                    "OSZE-Mission er\xC3\xB6" "ffnet B\xC3\xBCro in Odessa\nKategorien: OSZE, Ukraine\n"
                    "Schreibe einen Kommentar\nArchiv\n\xE2\x96\xBA 2009 (12)\n\xE2\x96\xBC 2008 (31)\nJuli (4)\n"
                    "\xC2\xA9 2024 Friedensblog \xC2\xB7 Stolz pr\xC3\xA4sentiert von WordPress\n");
  CHECK(c.doc.metadata.title == "OSCE trains border guards in Moldova");
  assemble_text(c.doc);
  CHECK(c.doc.text + "\n" == article);  // the subheading and the short last sentence kept, nothing else
}

TEST_CASE("an unknown aggregator: archive counts and post times inside the article's run are chrome") {
  auto c = classify(
      "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8 \xD0\x9E\xD0\xB1\xD0\xA1\xD0\x95\n"  // site name
      "Mission opens office in Odessa\n"
      "ODESSA, Ukraine, 2 April 2015 - The OSCE Special Monitoring Mission opened an office in the city today, "
      "its fifth in the south of the country.\n"
      "02.04.2015 14:35\n"
      "The office will host twelve monitors, who will patrol the region and report on the security situation.\n"
      "\xD0\x9A\xD0\xBE\xD0\xBC\xD0\xBC\xD0\xB5\xD0\xBD\xD1\x82\xD0\xB0\xD1\x80\xD0\xB8\xD0\xB8 (3)\n"
      "The monitors met the mayor and representatives of civil society in the afternoon, the Mission said.\n");
  CHECK(c.doc.metadata.title == "Mission opens office in Odessa");
  assemble_text(c.doc);
  CHECK(c.doc.text.find("14:35") == std::string::npos);
  CHECK(c.doc.text.find("(3)") == std::string::npos);
  CHECK(c.doc.text.ends_with("the Mission said."));
}
