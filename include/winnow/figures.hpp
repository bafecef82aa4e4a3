// Figures: numbers in the prose with what they count.
//
//   find_figures("for up to 1,800 police officers")
//   // {value 1800, approximator "up to", counts "police officers", text "up to 1,800 police officers"}
//
// Years, dates, times, phone numbers, document numbers and ordinals are not
// figures.
#pragma once

#include <string_view>
#include <vector>

#include "winnow/document.hpp"

namespace winnow {

std::vector<Figure> find_figures(std::string_view text);

}  // namespace winnow
