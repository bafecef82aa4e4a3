// CSV cells and markdown articles, for RecordFormatter (record_format.cpp).
#pragma once

#include <string>
#include <string_view>

#include "winnow/document.hpp"

namespace winnow {

// One RFC 4180 field: quoted when it holds a comma, a double quote, CR or
// LF (quotes doubled inside); other control characters as \xHH / \u00HH,
// as in TSV cells, so no terminal or spreadsheet gets them raw.
std::string csv_field(std::string_view value);

// The article as markdown: "# title", then one paragraph per line of the
// clean text, separated by blank lines, with the characters that would
// start markup (# > - + * 1. at a line's start; \ ` * _ [ ] < anywhere)
// escaped so the text reads as it was.
std::string markdown_article(const Document& doc);

}  // namespace winnow
