#include <doctest/doctest.h>

#include "winnow/figures.hpp"

using winnow::Figure;
using winnow::find_figures;

namespace {
Figure only(std::string_view text) {
  auto f = find_figures(text);
  REQUIRE(f.size() == 1);
  return f[0];
}
}  // namespace

TEST_CASE("figures: counts, separators and approximators") {
  auto f = only("for up to 1,800 police officers.");
  CHECK(f.value == 1800);
  CHECK(f.approximator == "up to");
  CHECK(f.counts == "police officers");
  CHECK(f.text == "up to 1,800 police officers");
  CHECK(only("a total of 816 000 voters cast ballots").value == 816000);
  CHECK(only("nearly 2.5 million people were displaced").value == 2.5e6);
  CHECK(only("at least two hundred observers arrived").value == 200);
  CHECK(only("at least two hundred observers arrived").approximator == "at least");
  CHECK(only("twenty-five journalists took part").value == 25);
}

TEST_CASE("figures: money in every spelling") {
  auto a = only("with an overall budget of 550,000 euros, the project");
  CHECK(a.unit == "EUR");
  CHECK(a.counts == "overall budget");
  auto b = only("The EU contributed EUR 2 million to the project.");
  CHECK(b.value == 2e6);
  CHECK(b.unit == "EUR");
  auto c = only("a grant of USD 34.6 million");
  CHECK(c.value == 34.6e6);
  CHECK(c.unit == "USD");
  CHECK(c.counts == "grant");
  CHECK(only("tickets cost $4.25 each").unit == "USD");
  CHECK(only("a fund of €300,000 was set up").unit == "EUR");
}

TEST_CASE("figures: percentages and ranges") {
  auto p = only("Some 40 per cent of participants were women.");
  CHECK(p.unit == "%");
  CHECK(p.counts == "participants");
  CHECK(p.approximator == "some");
  CHECK(only("only 3 per cent of a regional budget was spent on safety").counts == "regional budget");
  CHECK(only("turnout rose by 12% in the region").unit == "%");
  auto r = only("between 5 and 10 observers per station");
  CHECK(r.value == 5);
  CHECK(r.max == 10);
  CHECK(r.counts == "observers");
  CHECK(only("from 20 to 30 trainees").max == 30);
  CHECK(only("groups of 5-10 trainees").max == 10);
}

TEST_CASE("figures: duration compounds") {
  auto a = only("two-day seminars for judges");
  CHECK(a.value == 2);
  CHECK(a.unit == "day");
  CHECK(a.counts == "seminars");
  auto b = only("a four-year plan to reform");
  CHECK(b.unit == "year");
  CHECK(b.counts == "plan");
  auto c = only("over the next two years.");
  CHECK(c.unit == "year");
  CHECK(c.counts == "years");
}

TEST_CASE("figures: years, dates, times, phones, references, ordinals are not figures") {
  CHECK(find_figures("On 16 July 2008 the project started.").empty());
  CHECK(find_figures("From 2012 to 2013, the PCU helped.").empty());
  CHECK(find_figures("The 2014 efforts are expected to cover Kyiv.").empty());
  CHECK(find_figures("Since June 2012 we have worked.").empty());
  CHECK(find_figures("The meeting starts at 10.30 and ends at 18:00.").empty());
  CHECK(find_figures("Call +43 1 514 36 6000 for details.").empty());
  CHECK(find_figures("Under PC.DEC/1234 and Decision No. 3 the Council agreed.").empty());
  CHECK(find_figures("It was the first session and the 2nd round.").empty());
  CHECK(find_figures("This is one of the more active areas.").empty());
  CHECK(find_figures("UN Security Council Resolution 1325 on women.").empty());
}

TEST_CASE("figures: partitives, compounds with separators, robustness") {
  auto f = only("At least three of the NGOs interviewed will take part.");
  CHECK(f.value == 3);
  CHECK(f.counts == "NGOs");
  auto k = only("the 2,500-kilometre border was porous");
  CHECK(k.value == 2500);
  CHECK(k.counts == "border");
  CHECK(find_figures("").empty());
  CHECK(find_figures("-").empty());
  CHECK(find_figures("1,").empty());
  CHECK(find_figures("between 5 and").empty());
  CHECK(find_figures("EUR").empty());
}

TEST_CASE("figures: falling 'ranges', ratios and possessives") {
  auto f = find_figures("radios worth USD 210,000 to four border checkpoints");
  REQUIRE(f.size() == 2);
  CHECK_FALSE(f[0].max);
  CHECK(f[1].value == 4);
  CHECK(f[1].counts == "border checkpoints");
  CHECK(find_figures("only one in three requests received a reply").empty());
  CHECK(only("the Organization's 57 participating States").value == 57);
}

TEST_CASE("figures: 'out of' proportions and possessive money subjects") {
  auto f = only("7 out of 10 women journalists had received threats");
  CHECK(f.value == 7);
  CHECK(f.counts == "women journalists");
  CHECK(only("the Organization's budget of EUR 139 million").counts == "budget");
}

TEST_CASE("figures: a count of duration compounds gives two figures; adverbs inside phrases") {
  auto f = find_figures("A series of five two-day seminars ended.");
  REQUIRE(f.size() == 2);
  CHECK(f[0].value == 5);
  CHECK(f[0].counts == "seminars");
  CHECK(f[1].value == 2);
  CHECK(f[1].unit == "day");
  CHECK(only("some 200,000 internally displaced persons").counts == "internally displaced persons");
}

TEST_CASE("figures: ranges in per cent, fractions, sentence starts after a dash, singular heads of compounds") {
  auto r = only("between 2 and 5 per cent of global GDP is laundered");
  CHECK(r.unit == "%");
  CHECK(r.max == 5);
  CHECK(r.counts == "global GDP");
  CHECK(find_figures("two thirds of respondents agreed").empty());
  auto d = only("BELGRADE, 24 April 2018 – Only 31 per cent of citizens trust the courts.");
  CHECK(d.value == 31);
  CHECK(d.counts == "citizens");
  CHECK(only("a 72-hour human rights course into its curriculum").counts == "human rights course");
}

TEST_CASE("figures: 'over' after a verb, 'for over' a duration, idioms, abbreviated units") {
  auto handed = only("The Mission handed over 30 patrol cars to the police.");
  CHECK(handed.value == 30);
  CHECK(handed.approximator.empty());
  CHECK(handed.counts == "patrol cars");
  auto years = only("She has worked on Roma issues for over 20 years.");
  CHECK(years.unit == "year");
  CHECK(years.approximator == "over");
  auto four = only("The course ran over four days.");
  CHECK(four.approximator.empty());
  CHECK(find_figures("It included one more session on conflict prevention.").empty());
  CHECK(find_figures("Trust is built one patrol at a time.").empty());
  auto km = only("The project repairs over 2,000 km of canals.");
  CHECK(km.value == 2000);
  CHECK(km.counts == "km");
  CHECK(km.approximator == "over");
}
