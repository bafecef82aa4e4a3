// The metadata stage's choice of date and its warnings.
#include <doctest/doctest.h>

#include <algorithm>

#include "winnow/metadata.hpp"

using namespace winnow;

namespace {

Document make(std::string text, std::string teaser = {}) {
  Document doc;
  doc.text = std::move(text);
  doc.metadata.title = doc.text.substr(0, doc.text.find('\n'));
  doc.metadata.teaser = std::move(teaser);
  return doc;
}

bool warned(const Document& d, std::string_view part) {
  return std::any_of(d.warnings.begin(), d.warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("date: the field wins over the dateline, and the disagreement is warned") {
  auto d = make("Title\nVIENNA, 3 May 2019 – The OSCE opened a centre.");
  d.date_candidates.push_back({"field:Date", "2 May 2019"});
  extract_metadata(d);
  CHECK(d.metadata.date == "2019-05-02");
  CHECK(d.metadata.date_source == "field:Date");
  CHECK(warned(d, "field:Date date 2019-05-02 differs from dateline date 2019-05-03"));
  CHECK(d.metadata.place == "Vienna");
}

TEST_CASE("date: an impossible field date is warned and never used") {
  auto d = make("Title\nVIENNA, 3 May 2019 – The OSCE opened a centre.");
  d.date_candidates.push_back({"field:Issued on", "31 February 2019"});
  extract_metadata(d);
  CHECK(d.metadata.date == "2019-05-03");
  CHECK(d.metadata.date_source == "dateline");
  CHECK(warned(d, "impossible date: 31 February 2019"));
}

TEST_CASE("date: impossible dateline date") {
  auto d = make("Title\nSKOPJE, 31 June 2019 – The Mission opened a centre.");
  extract_metadata(d);
  CHECK(d.metadata.date.empty());
  REQUIRE(d.metadata.dateline);
  CHECK(d.metadata.dateline->place == "Skopje");
  CHECK(warned(d, "impossible date"));
}

TEST_CASE("date: 'On DATE,' opening, then the teaser") {
  auto d = make("Title\nOn 22 July 2022, the OSCE Mission opened a centre.");
  extract_metadata(d);
  CHECK(d.metadata.date == "2022-07-22");
  CHECK(d.metadata.date_source == "body");
  auto t = make("Title\nThe OSCE Mission opened a centre.", "The centre opened on 21 July 2022.");
  extract_metadata(t);
  CHECK(t.metadata.date == "2022-07-21");
  CHECK(t.metadata.date_source == "teaser");
  auto none = make("Title\nSince June 2012 the Mission has trained 4,000 people.");
  extract_metadata(none);
  CHECK(none.metadata.date.empty());
}

TEST_CASE("place: an existing Place field is kept") {
  auto d = make("Title\nKHMELNYTSKY, Ukraine, 16 July 2008 - The OSCE");
  d.metadata.place = "KHMELNYTSKY";
  extract_metadata(d);
  CHECK(d.metadata.place == "KHMELNYTSKY");
}

TEST_CASE("parts: speakers and figures are read only when asked for; dates always") {
  auto text = std::string("Title\nVIENNA, 3 May 2021 - Some 40 judges met. \"We need this,\" said Ana Novak, a judge.");
  Document full = make(text), bare = make(text);
  extract_metadata(full);
  extract_metadata(bare, MetadataParts{false, false});
  CHECK(full.metadata.speakers.size() == 1);
  CHECK(full.metadata.figures.size() == 1);
  CHECK(bare.metadata.speakers.empty());
  CHECK(bare.metadata.figures.empty());
  CHECK(bare.metadata.date == "2021-05-03");
  CHECK(bare.metadata.place == full.metadata.place);
}

TEST_CASE("metadata: a dateline after a photo credit, caption or post line; not after a repost note") {
  for (std::string lead : {"Photo: OSCE PA/Lise Holm", "Posted by admin on 4 June 2012",
                           "Farmers inspect a canal near Osh. (OSCE/Timur Asanov)", "Re: schools - news"}) {
    auto d = make("Title\n" + lead + "\nCOPENHAGEN, 3 June 2012 – The Assembly deployed observers.");
    extract_metadata(d);
    CHECK(d.metadata.date == "2012-06-03");
    CHECK(d.metadata.date_source == "dateline");
    CHECK(d.metadata.place == "Copenhagen");
  }
  auto note = make("Title\nThis article first appeared on the website of the Office.\nBISHKEK, 3 May 2017 – Planners met.");
  extract_metadata(note);
  CHECK(!note.metadata.dateline);
  CHECK(note.metadata.date.empty());
}

TEST_CASE("metadata: a mailing-list tag leaves the title; fields of work on one line are split") {
  auto d = make("[osce-press] OSCE Office in Zagreb closes\nZAGREB, 21 December 2011 – The Office closed.");
  d.metadata.fields_of_work = {"Elections, Democratization,  Media freedom and development", "Youth"};
  extract_metadata(d);
  CHECK(d.metadata.title == "OSCE Office in Zagreb closes");
  REQUIRE(d.metadata.fields_of_work.size() == 4);
  CHECK(d.metadata.fields_of_work[2] == "Media freedom and development");
  auto keep = make("[Update] x\nText.");
  keep.metadata.title = "[2019] ";
  extract_metadata(keep);
  CHECK(keep.metadata.title == "[2019] ");
}

TEST_CASE("a dateline outranks a page-head date: on a repost the head gives the day it was reposted") {
  auto d = make("Title\nSARAJEVO, Bosnia and Herzegovina, 8 December 2020 – The OSCE Mission marked 25 years.");
  d.date_candidates.push_back({"html:article:published_time", "2020-12-09"});
  extract_metadata(d);
  CHECK(d.metadata.date == "2020-12-08");
  CHECK(d.metadata.date_source == "dateline");
  CHECK(warned(d, "html:article:published_time date 2020-12-09 differs from dateline date 2020-12-08"));
}

TEST_CASE("a mailing list's subject tag is not part of the title") {
  auto d = make("[eurasia-l] New curriculum at the police academy\nBISHKEK, 11 January 2022 – A new course began.");
  d.metadata.title = "[eurasia-l] New curriculum at the police academy";
  extract_metadata(d);
  CHECK(d.metadata.title == "New curriculum at the police academy");
  CHECK(d.text.starts_with("New curriculum at the police academy\nBISHKEK"));
  auto kept = make("[Updated] Talks resume\nText.");
  kept.metadata.title = "[Updated] Talks resume";  // one word in brackets, but a space after: still a tag
  extract_metadata(kept);
  CHECK(kept.metadata.title == "Talks resume");
  auto two_words = make("[Press release] Talks resume\nText.");
  two_words.metadata.title = "[Press release] Talks resume";
  extract_metadata(two_words);
  CHECK(two_words.metadata.title == "[Press release] Talks resume");
}

TEST_CASE("every date source is ranked in one place: field, dateline, head, lede, teaser, URL") {
  // A head date outranks the lede's "on DATE", and their disagreement is said.
  auto d = make("Title\nOn 22 July 2022, the Mission opened an office.");
  d.date_candidates.push_back({"html:url", "2022-07-01"});
  d.date_candidates.push_back({"html:json-ld:datePublished", "2022-07-23"});
  extract_metadata(d);
  CHECK(d.metadata.date == "2022-07-23");
  CHECK(d.metadata.date_source == "html:json-ld:datePublished");
  CHECK(warned(d, "body date 2022-07-22 differs from html:json-ld:datePublished date 2022-07-23"));

  // The page's own field outranks everything; the URL only fills a gap.
  auto f = make("Title\nOn 22 July 2022, the Mission opened an office.");
  f.date_candidates.push_back({"html:meta:date", "2022-07-23"});
  f.date_candidates.push_back({"field:Date", "21 July 2022"});
  extract_metadata(f);
  CHECK(f.metadata.date == "2022-07-21");
  CHECK(f.metadata.date_source == "field:Date");
  auto u = make("Title\nThe Mission opened an office.");
  u.date_candidates.push_back({"html:url", "2022-07-01"});
  extract_metadata(u);
  CHECK(u.metadata.date == "2022-07-01");
  CHECK(u.metadata.date_source == "html:url");

  // A head date that agrees with the dateline is named by the dateline, the
  // higher rank; the stage starts from the candidates, not from what an
  // earlier stage may have left in metadata.date.
  auto a = make("Title\nVIENNA, 8 December 2020 – The OSCE Mission marked 25 years.");
  a.metadata.date = "1999-01-01";
  a.date_candidates.push_back({"html:article:published_time", "2020-12-08"});
  extract_metadata(a);
  CHECK(a.metadata.date == "2020-12-08");
  CHECK(a.metadata.date_source == "dateline");
  CHECK(a.warnings.empty());
}
