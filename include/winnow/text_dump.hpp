// Stage: parse an already-flattened text dump into blocks.
//
// Scrapers that flatten HTML to text keep the list structure as "- item"
// lines and a bare "-" for a list item that only holds a sub-list (see
// fixtures/seeds/). Each non-empty line becomes one Block: "- x" a ListItem,
// "-" a ListMarker, anything else a Paragraph, with whitespace normalised and
// the 1-based line number kept for messages.
//
//   winnow::parse_text_dump(doc);   // doc.body is UTF-8 text
//   doc.blocks[0].kind == winnow::BlockKind::ListMarker
#pragma once

#include <string>
#include <string_view>

#include "winnow/document.hpp"

namespace winnow {

void parse_text_dump(Document& doc);

// Trims and folds runs of Unicode/ASCII whitespace into one space.
std::string normalise_whitespace(std::string_view line);

// Words of a line whose spaces are single ASCII spaces (a block's text, or
// normalise_whitespace's result): runs of non-space bytes.
std::size_t word_count(std::string_view line);

// Byte length of a whitespace character at s[i], 0 if none: ASCII spaces,
// and the Unicode spaces pages use for layout (no-break U+00A0,
// U+2000-U+200A, narrow no-break U+202F, ideographic U+3000). The text-dump
// and HTML parsers both fold with it, so both paths give the same lines.
std::size_t layout_space_length(std::string_view s, std::size_t i);

}  // namespace winnow
