// Word tables for the dateline parser (dateline.cpp), apart from its logic.
// Private to src/.
#pragma once

#include <array>
#include <string_view>

namespace winnow::dateline_words {

// Capitalised words that open a sentence before a date, never a place:
// "On 22 July 2022, ...", "Since 5 May 2019 ...", "Monday, 12 June 2024 ...".
constexpr std::array<std::string_view, 32> kNotPlaces{
    "On", "In", "At", "By", "Since", "From", "Until", "Till", "As", "Before", "After", "During",
    "Between", "Today", "Yesterday", "Tomorrow", "Last", "This", "Next", "Earlier", "Later",
    "The", "A", "An", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Dated"};

// Lower-case words inside a title-case place: "Frankfurt am Main",
// "Newcastle upon Tyne", "Bosnia and Herzegovina".
constexpr std::array<std::string_view, 10> kPlaceParticles{"am", "an", "der", "de", "del", "on", "upon",
                                                            "and", "of", "the"};

// Countries a title-case dateline may name after its places: the OSCE
// participating States and Partners for Co-operation, plus Kosovo, in the
// spellings osce.org uses. Upper-case datelines need no table: case alone
// tells "VIENNA" from "Austria" there.
constexpr std::array<std::string_view, 73> kCountries{
    "Albania", "Andorra", "Armenia", "Austria", "Azerbaijan", "Belarus", "Belgium",
    "Bosnia and Herzegovina", "Bulgaria", "Canada", "Croatia", "Cyprus", "Czechia", "Czech Republic",
    "Denmark", "Estonia", "Finland", "France", "Georgia", "Germany", "Greece", "Holy See", "Hungary",
    "Iceland", "Ireland", "Italy", "Kazakhstan", "Kyrgyzstan", "Latvia", "Liechtenstein", "Lithuania",
    "Luxembourg", "Malta", "Moldova", "Monaco", "Mongolia", "Montenegro", "Netherlands",
    "North Macedonia", "Norway", "Poland", "Portugal", "Romania", "Russia", "Russian Federation",
    "San Marino", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland", "Tajikistan",
    "Türkiye", "Turkey", "Turkmenistan", "Ukraine", "United Kingdom", "United States", "USA",
    "Uzbekistan", "Kosovo", "Afghanistan", "Australia", "Japan", "Korea", "Thailand", "Algeria",
    "Egypt", "Israel", "Jordan", "Morocco", "Tunisia"};

}  // namespace winnow::dateline_words
