#include <doctest/doctest.h>

#include "winnow/dates.hpp"

using winnow::find_date;
using winnow::parse_date;

TEST_CASE("parse_date reads every shape the pages use") {
  CHECK(parse_date("16 July 2008") == "2008-07-16");
  CHECK(parse_date("July 16, 2008") == "2008-07-16");
  CHECK(parse_date("16.07.2008") == "2008-07-16");
  CHECK(parse_date("2008-07-16") == "2008-07-16");
  CHECK(parse_date("2008-07-16T09:30:00Z") == "2008-07-16");
  CHECK(parse_date("Fri, 09/30/2022") == "2022-09-30");
  CHECK(parse_date("30/09/2022") == "2022-09-30");  // first number cannot be a month
  CHECK(parse_date("Friday, 16 July 2008") == "2008-07-16");
  CHECK(parse_date("5 Sept 2019") == "2019-09-05");
  CHECK(parse_date("  3 March 2020, ") == "2020-03-03");
  // A CMS date field with the time of day (Drupal's medium format).
  CHECK(parse_date("Sat, 04/09/2016 - 12:00") == "2016-04-09");
  CHECK(parse_date("16 July 2008, 10:15 AM") == "2008-07-16");
  CHECK(parse_date("July 16, 2008 at 9:30") == "2008-07-16");
}

TEST_CASE("impossible dates are reported, never guessed") {
  std::string problem;
  CHECK_FALSE(parse_date("31 February 2020", &problem));
  CHECK(problem == "impossible date: 31 February 2020");
  problem.clear();
  CHECK_FALSE(parse_date("29.02.2019", &problem));
  CHECK(problem.find("impossible") != std::string::npos);
  CHECK(parse_date("29 February 2020") == "2020-02-29");  // leap year
  CHECK_FALSE(parse_date("13/13/2020", &problem));
}

TEST_CASE("parse_date refuses non-dates") {
  CHECK_FALSE(parse_date("July 2008"));
  CHECK_FALSE(parse_date("2008"));
  CHECK_FALSE(parse_date("PC.DEC/1234"));
  CHECK_FALSE(parse_date("16 July"));
  CHECK_FALSE(parse_date("12:00"));
  CHECK_FALSE(parse_date("16 July 2008 - a day to remember 10:15"));
}

TEST_CASE("find_date gives the first date and its span") {
  std::size_t b = 0, e = 0;
  std::string_view text = "The project was launched on 13 September 2016 and ends on 1 May 2017.";
  auto d = find_date(text, &b, &e);
  REQUIRE(d);
  CHECK(*d == "2016-09-13");
  CHECK(text.substr(b, e - b) == "13 September 2016");
  CHECK_FALSE(find_date("Since June 2012 we have trained 4,000 people."));
  std::string problem;
  CHECK_FALSE(find_date("It opened on 31 April 2019.", nullptr, nullptr, &problem));
  CHECK(problem == "impossible date: 31 April 2019");
}
