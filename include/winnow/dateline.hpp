// Datelines: the "PLACE, Country, DATE -" opening of a press release.
//
//   auto d = parse_dateline("KHMELNYTSKY, Ukraine, 16 July 2008 - The OSCE ...");
//   d->places == {"KHMELNYTSKY"}; d->place == "Khmelnytsky"; d->country == "Ukraine";
//   d->date == "2008-07-16"; d->raw == "KHMELNYTSKY, Ukraine, 16 July 2008 -"
//
// `consumed` receives the byte length of the dateline (raw plus following
// spaces), so callers can find where the lede sentence starts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "winnow/document.hpp"

namespace winnow {

std::optional<Dateline> parse_dateline(std::string_view paragraph, std::size_t* consumed = nullptr);

// "NEW YORK CITY" -> "New York City", "WASHINGTON D.C." -> "Washington D.C."
// (UTF-8 aware; a letter after a space, hyphen, slash, dot or apostrophe is
// capitalised).
std::string title_case(std::string_view upper);

// title_case() for a value written in capitals; a value with any lower-case
// letter ("Frankfurt am Main", "Vienna") is kept as written.
std::string title_case_if_shouting(std::string_view s);

}  // namespace winnow
