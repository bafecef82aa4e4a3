// Internal to the layout stage (boilerplate.cpp): reading a text dump that
// has no page-type line and no metadata box by its content. See
// boilerplate_unanchored.cpp for the method.
#pragma once

#include <cstddef>

#include "winnow/document.hpp"

namespace winnow {

// Where the article sits among doc.blocks: [begin, end), and its title line.
struct UnanchoredArticle {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t begin = kNone, end = kNone;
  std::size_t title = kNone;
};

// The run of prose lines with the most text (begin == kNone when the page
// has no prose line at all), started at a dateline just above it, and the
// heading-like line above that.
UnanchoredArticle find_unanchored_article(const Document& doc);

// A line inside the article's run that is chrome by its shape alone: a date
// or time on its own, a byline with a time, an archive count "July (4)".
bool is_chrome_by_shape(const Block& b);

}  // namespace winnow
