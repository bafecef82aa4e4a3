// Abbreviations the article defines in its own prose.
//
// A release spells an office out once and abbreviates it after: "the Office
// for Democratic Institutions and Human Rights (ODIHR)", a reposter's
// "ODIHR [Office for Democratic Institutions and Human Rights]", an
// apposition "the National Referral System, NRS, which ...". The metadata
// stage keeps each with its expansion in doc.metadata.abbreviations, beside
// the ones the layout stage took from <abbr> tooltips (src/abbreviations_defined.cpp).
//
//   for (auto& a : winnow::find_defined_abbreviations(doc.text)) fmt::print("{} = {}\n", a.abbr, a.expansion);
#pragma once

#include <string_view>
#include <vector>

#include "winnow/document.hpp"

namespace winnow {

// Every abbreviation `text` defines, once each, in order of first definition.
std::vector<Abbreviation> find_defined_abbreviations(std::string_view text);

}  // namespace winnow
