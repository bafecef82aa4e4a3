// Dates in the forms news pages write them, always returned as ISO 8601.
//
//   parse_date("16 July 2008")  -> "2008-07-16"
//   parse_date("July 16, 2008") -> "2008-07-16"
//   parse_date("16.07.2008")    -> "2008-07-16"
//   parse_date("Fri, 09/30/2022") -> "2022-09-30"
//   parse_date("31 February 2020") -> nullopt, *problem = "impossible date: 31 February 2020"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace winnow {

std::optional<std::string> parse_date(std::string_view text, std::string* problem = nullptr);

// Finds the first date written anywhere in `text`; `span_begin`/`span_end`
// receive its byte span when given.
std::optional<std::string> find_date(std::string_view text, std::size_t* span_begin = nullptr,
                                     std::size_t* span_end = nullptr, std::string* problem = nullptr);

// True for "July", "Jul", "Sept", ... in any letter case; used to keep the
// day and year of a date out of the figures.
bool is_month_name(std::string_view word);

}  // namespace winnow
