#include <doctest/doctest.h>

#include "winnow/dateline.hpp"

using winnow::parse_dateline;

namespace {
std::string lede_after(std::string_view p) {
  std::size_t used = 0;
  auto d = parse_dateline(p, &used);
  return d ? std::string(p.substr(used)) : std::string("<none>");
}
}  // namespace

TEST_CASE("dateline: place, country, date, dash") {
  std::size_t used = 0;
  std::string_view p = "KHMELNYTSKY, Ukraine, 16 July 2008 - The OSCE Project Co-ordinator";
  auto d = parse_dateline(p, &used);
  REQUIRE(d);
  CHECK(d->places == std::vector<std::string>{"KHMELNYTSKY"});
  CHECK(d->place == "Khmelnytsky");
  CHECK(d->country == "Ukraine");
  CHECK(d->date == "2008-07-16");
  CHECK(d->raw == "KHMELNYTSKY, Ukraine, 16 July 2008 -");
  CHECK(p.substr(used) == "The OSCE Project Co-ordinator");
}

TEST_CASE("dateline: dashes of every kind, or none, with or without space") {
  CHECK(lede_after("VICENZA, Italy, 17 June 2016 – The OSCE") == "The OSCE");
  CHECK(lede_after("VIENNA, 3 May 2019 — The OSCE") == "The OSCE");
  CHECK(lede_after("WASHINGTON D.C., 23 October 2002-The Helsinki") == "The Helsinki");
  CHECK(lede_after("NEW YORK CITY, 28 September 2015 A good") == "A good");
  auto d = parse_dateline("NEW YORK CITY, 28 September 2015 A good");
  REQUIRE(d);
  CHECK(d->place == "New York City");
  CHECK(d->country.empty());
  auto w = parse_dateline("WASHINGTON D.C., 23 October 2002-The Helsinki");
  REQUIRE(w);
  CHECK(w->place == "Washington D.C.");
}

TEST_CASE("dateline: several places") {
  auto a = parse_dateline("VIENNA/WARSAW, 12 March 2021 – The OSCE");
  REQUIRE(a);
  CHECK(a->places == std::vector<std::string>{"VIENNA", "WARSAW"});
  CHECK(a->place == "Vienna");
  auto b = parse_dateline("TIRANA / BRUSSELS / GENEVA – 6 October 2020. The OSCE Presence");
  REQUIRE(b);
  CHECK(b->places == std::vector<std::string>{"TIRANA", "BRUSSELS", "GENEVA"});
  CHECK(b->date == "2020-10-06");
  CHECK(lede_after("TIRANA / BRUSSELS / GENEVA – 6 October 2020. The OSCE Presence") == "The OSCE Presence");
  auto c = parse_dateline("VIENNA, BRUSSELS, GENEVA, 26 February 2018- Three organizations");
  REQUIRE(c);
  CHECK(c->places == std::vector<std::string>{"VIENNA", "BRUSSELS", "GENEVA"});
  CHECK(c->date == "2018-02-26");
}

TEST_CASE("dateline: non-ASCII and hyphenated places are title-cased") {
  auto d = parse_dateline("IVANO-FRANKIVSK, Ukraine, 2 April 2015 – Local");
  REQUIRE(d);
  CHECK(d->place == "Ivano-Frankivsk");
  auto z = parse_dateline("ZÜRICH, Switzerland, 2 April 2015 – Local");
  REQUIRE(z);
  CHECK(z->place == "Zürich");
}

TEST_CASE("dateline: undated and impossible") {
  auto d = parse_dateline("VIENNA – The OSCE Secretary General today");
  REQUIRE(d);
  CHECK(d->place == "Vienna");
  CHECK(d->date.empty());
  auto bad = parse_dateline("SKOPJE, 31 June 2019 – The Mission");
  REQUIRE(bad);
  CHECK(bad->date.empty());
  CHECK(bad->place == "Skopje");
}

TEST_CASE("dateline: ordinary sentences are not datelines") {
  CHECK_FALSE(parse_dateline("On 22 July 2022, the OSCE Mission opened a centre."));
  CHECK_FALSE(parse_dateline("An OSCE-supported series was launched on 13 September 2016 and"));
  CHECK_FALSE(parse_dateline("The OSCE - together with partners - opened a centre."));
  CHECK_FALSE(parse_dateline("OSCE Chairperson-in-Office visits Ukraine on 5 May 2019"));
}

TEST_CASE("dateline: title case, when a dash, stop or new sentence follows the date") {
  auto d = parse_dateline("Vienna, 12 June 2024 – More than 300 participants");
  REQUIRE(d);
  CHECK(d->places == std::vector<std::string>{"Vienna"});
  CHECK(d->place == "Vienna");
  CHECK(d->date == "2024-06-12");
  CHECK(d->raw == "Vienna, 12 June 2024 –");
  auto c = parse_dateline("Chisinau, Moldova, February 4, 2019 — More than 1,900");
  REQUIRE(c);
  CHECK(c->places == std::vector<std::string>{"Chisinau"});
  CHECK(c->country == "Moldova");
  CHECK(c->date == "2019-02-04");
  auto m = parse_dateline("Vienna/Warsaw, 5 May 2020 A new guidance document");
  REQUIRE(m);
  CHECK(m->places == std::vector<std::string>{"Vienna", "Warsaw"});
  auto f = parse_dateline("Frankfurt am Main, 3 May 2021. The conference");
  REQUIRE(f);
  CHECK(f->place == "Frankfurt am Main");
  // Not a known country: a third place, not "Geneva" as a country.
  auto g = parse_dateline("Vienna, Brussels, Geneva, 26 February 2018 – The");
  REQUIRE(g);
  CHECK(g->places.size() == 3);
  CHECK(g->country.empty());
}

TEST_CASE("dateline: title-case sentences that open with a place or a date are not datelines") {
  CHECK_FALSE(parse_dateline("Vienna, 12 June 2024, was the venue of the conference."));
  CHECK_FALSE(parse_dateline("On 22 July 2022 – a Friday – the Mission opened a centre."));
  CHECK_FALSE(parse_dateline("Since 5 May 2019 the Mission has trained 300 officers."));
  CHECK_FALSE(parse_dateline("Vienna hosted on 12 June 2024 – for the first time – a forum."));
  CHECK_FALSE(parse_dateline("Monday, 12 June 2024 – The Mission"));
  CHECK_FALSE(parse_dateline("Vienna – The OSCE Secretary General today"));
}

TEST_CASE("dateline: a slash joins places, an upper-case then a title-case one") {
  auto d = parse_dateline("PRISTINA/Vienna, 7 July 2009 – The delegation met.");
  REQUIRE(d);
  REQUIRE(d->places.size() == 2);
  CHECK(d->places[1] == "Vienna");
  CHECK(d->country.empty());
  auto c = parse_dateline("OSH, Kyrgyzstan, 6 August 2012 – The Centre launched.");
  REQUIRE(c);
  CHECK(c->country == "Kyrgyzstan");
}
