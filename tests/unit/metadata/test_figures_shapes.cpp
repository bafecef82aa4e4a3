// The number shapes read by hand (src/metadata/figures_shapes.cpp) against the RE2
// patterns they replace, which this file keeps as their specification:
// on random tokens over the bytes that matter, each reader must accept
// exactly what the pattern's FullMatch accepts, with the same captures.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "metadata/figures_internal.hpp"

namespace fd = winnow::figures_detail;

TEST_CASE("figure shapes: the hand readers agree with their RE2 patterns") {
  const RE2 plain{R"(\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)"};
  const RE2 range{R"((\d+(?:,\d{3})*)(?:-|–)(\d+(?:,\d{3})*))"};
  const RE2 percent{R"((\d+(?:\.\d+)?)%)"};
  const RE2 compound{R"(([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+|[A-Za-z]+(?:-[a-z]+)?)-([a-z]+?)s?(?:-long|-old)?)"};
  const RE2 ordinal{R"(\d+(?:st|nd|rd|th))"};
  const std::vector<std::string> pieces = {"1", "2", "7", "0", "123", ",", ",000", ".", "-", "\xE2\x80\x93", "%",
                                           "a", "s", "day", "year", "Two", "five", "X", "long", "old", "-old",
                                           "-long", "st", "nd", "rd", "th", "\xC3\xA9", " "};
  std::mt19937 rng(4);
  int accepted[5] = {};
  for (int round = 0; round < 200000; ++round) {
    std::string s;
    const std::size_t n = 1 + rng() % 6;
    for (std::size_t k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    CAPTURE(s);
    std::string ra, rb;
    std::string_view a, b;
    const bool p = RE2::FullMatch(s, plain);
    CHECK(fd::is_plain(s) == p);
    accepted[0] += p;
    const bool r = RE2::FullMatch(s, range, &ra, &rb);
    REQUIRE(fd::read_range(s, a, b) == r);
    if (r) {
      CHECK(a == ra);
      CHECK(b == rb);
    }
    accepted[1] += r;
    const bool pc = RE2::FullMatch(s, percent, &ra);
    REQUIRE(fd::read_percent(s, a) == pc);
    if (pc) CHECK(a == ra);
    accepted[2] += pc;
    const bool c = RE2::FullMatch(s, compound, &ra, &rb);
    REQUIRE(fd::read_compound(s, a, b) == c);
    if (c) {
      CHECK(a == ra);
      CHECK(b == rb);
    }
    accepted[3] += c;
    const bool o = RE2::FullMatch(s, ordinal);
    CHECK(fd::is_ordinal(s) == o);
    accepted[4] += o;
  }
  // The random tokens reach every shape often enough to mean something.
  for (int k : accepted) CHECK(k > 100);
}

TEST_CASE("figure shapes: the compound's lazy unit and its preferred reading") {
  std::string_view number, unit;
  REQUIRE(fd::read_compound("five-year-old", number, unit));
  CHECK(number == "five-year");  // the optional (-[a-z]+) is taken first
  CHECK(unit == "old");
  REQUIRE(fd::read_compound("two-days", number, unit));
  CHECK(unit == "day");
  REQUIRE(fd::read_compound("1,800-strong", number, unit));
  CHECK(number == "1,800");
  CHECK(unit == "strong");
  CHECK_FALSE(fd::read_compound("1800,000-strong", number, unit));
}
