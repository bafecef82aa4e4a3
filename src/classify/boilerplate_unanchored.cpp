// Text dumps with no anchors: finding the article by its content.
//
// The problem. A page from a site winnow has no profile for (a WordPress or
// Blogger repost, an aggregator, a mailing-list archive, a forum) has no
// page-type line and no metadata box to anchor the layout on. Read line by
// line it is the blog's name, a menu, a date, "Posted by", the article, then
// share buttons, "Like this:", related posts, an archive widget
// ("► 2009 (12)"), a comment form, the imprint: in the site's own UI
// language, which may be any. A list of those strings per language would
// never be complete.
//
// The method: the article is where the prose is. A line is prose when it
// reads as running text (eight words or more ending as a sentence, or
// twenty words or more); the article is the run of prose lines with the
// most characters, where up to kMaxGap short lines between two prose lines
// (a subheading, a one-line quote, "Read more below") stay inside the run.
// A dateline ("KHMELNYTSKY, Ukraine, 16 July 2008 - ...") is the strongest
// start there is: when one opens a prose line near the run's start, the
// article starts there. The title is, of the heading-like lines (two to
// thirty words, not ending as a sentence, not a date, count or list line)
// up to kTitleReach lines above, the one whose words the lede repeats most:
// the blog's name, "Share this article" or "View original" between the
// title and the article share none of its words. What is
// before the title and after the run is chrome; inside the run, short lines
// that are chrome by shape (a date or time alone, "Posted by ... at 10:15",
// an archive count "July (4)") are chrome too.
//
// Why by shape: the shapes are the same in every UI language — a count in
// brackets, a time, a line too short to say anything — where the words are
// not. jusText reads HTML blocks the same way, by length and link density;
// a dump has lost the links, so the run of prose replaces its context.
//
// The cost: one pass to classify lines, one to find the best run, a few
// lines looked at around it. Linear in the page.
#include "text_bytes.hpp"
#include "boilerplate_unanchored.hpp"

#include <re2/re2.h>

#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

#include "winnow/dateline.hpp"
#include "winnow/dates.hpp"
#include "winnow/text_dump.hpp"

namespace winnow {
namespace {

constexpr std::size_t kMaxGap = 2;      // short lines allowed between two prose lines of one run
constexpr std::size_t kTitleReach = 12;  // lines looked at above the run for its title
constexpr double kTitleOverlap = 0.4;    // share of a title's words the lede repeats

bool is_list(const Block& b) { return b.kind == BlockKind::ListItem || b.kind == BlockKind::ListMarker; }

bool ends_as_sentence(std::string_view s) {
  for (std::string_view end : {".", "!", "?", ":", ";", "\"", "\xE2\x80\x9D", "\xC2\xBB", "\xE2\x80\xA6", ")"})
    if (s.ends_with(end)) return true;
  return false;
}

// A sentence's end proper: not a label's colon or a bracket.
bool ends_as_statement(std::string_view s) {
  for (std::string_view end : {".", "!", "?", "\"", "\xE2\x80\x9D", "\xC2\xBB"})
    if (s.ends_with(end)) return true;
  return false;
}

bool is_prose(const Block& b) {
  if (b.kind == BlockKind::ListMarker) return false;
  std::size_t words = word_count(b.text);
  return (words >= 8 && ends_as_sentence(b.text)) || words >= 20;
}

// A line that is a date, a time or a post's byline-and-time, whatever the
// language: "Monday, 17 July 2008", "17.07.2008 um 10:15", "Posted by admin
// at 10:15 AM", "Veröffentlicht am 17. Juli 2008 von admin", "July 17,
// 2008". Twelve words at most, with a time, a numeric date, or a day, a
// month's name in any language and a year; a year alone is not enough
// ("2024 Unified Budget" is a title).
bool is_date_or_time_line(std::string_view s) {
  static const RE2 date_shape(
      R"((?:\b\d{1,2}:\d{2}\b)|(?:\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b)|)"
      R"((?:\b\d{1,2}\.?\s+\pL+\.?,?\s+(?:19|20)\d{2}\b)|(?:\pL+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b))");
  if (word_count(s) > 12) return false;
  return RE2::PartialMatch(s, date_shape);
}

// "► 2009 (12)", "July (4)", "Kategorien (31)", "Comments (3)": a label
// and a count in brackets, the shape of archive and category widgets.
bool is_count_line(std::string_view s) {
  static const RE2 count(R"(^[^.!?]{1,40}\(\d+\)$)");
  return word_count(s) <= 6 && RE2::FullMatch(s, count);
}

// "KHMELNYTSKY, Ukraine, 16 July 2008 - ..." (a place alone before a dash,
// "OSCE-supported ...", is not one).
bool opens_with_dated_dateline(std::string_view s) {
  auto d = parse_dateline(s);
  return d && !d->date.empty();
}

// Lower-cased words of three characters or more (any script), and numbers.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  text::for_each_lowered_word(s, [&](std::string& word) {
    std::size_t letters = 0;
    for (unsigned char c : word) letters += (c < 0x80 || c >= 0xC0);  // characters, not bytes
    if (letters >= 3 || text::is_ascii_digit(word[0])) out.push_back(std::move(word));
  });
  return out;
}

// The words of the first `lines` prose lines of [begin, end).
std::unordered_set<std::string> word_set(const std::vector<Block>& blocks, std::size_t begin, std::size_t end,
                                         std::size_t lines) {
  std::unordered_set<std::string> words;
  for (std::size_t i = begin, seen = 0; i < end && seen < lines; ++i) {
    if (!is_prose(blocks[i])) continue;
    ++seen;
    for (auto& w : words_of(blocks[i].text)) words.insert(std::move(w));
  }
  return words;
}

double shared_share(std::string_view line, const std::unordered_set<std::string>& words) {
  auto mine = words_of(line);
  if (mine.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& w : mine) shared += words.count(w);
  return static_cast<double>(shared) / static_cast<double>(mine.size());
}

bool is_heading_like(const Block& b) {
  if (is_list(b)) return false;
  std::size_t words = word_count(b.text);
  if (words < 2 || words > 30) return false;
  if (ends_as_sentence(b.text) && !b.text.ends_with("?") && !b.text.ends_with("\"") &&
      !b.text.ends_with("\xE2\x80\x9D"))
    return false;
  return !is_date_or_time_line(b.text) && !is_count_line(b.text);
}

}  // namespace

UnanchoredArticle find_unanchored_article(const Document& doc) {
  const auto& blocks = doc.blocks;
  const std::size_t n = blocks.size();
  UnanchoredArticle found;
  std::vector<char> prose(n, 0);
  for (std::size_t i = 0; i < n; ++i) prose[i] = is_prose(blocks[i]) ? 1 : 0;

  // The run of prose with the most characters, gaps of up to kMaxGap lines.
  std::size_t best_chars = 0;
  for (std::size_t i = 0; i < n;) {
    if (!prose[i]) { ++i; continue; }
    std::size_t first = i, last = i, chars = 0;
    for (std::size_t j = i; j < n; ++j) {
      if (prose[j]) {
        last = j;
        chars += blocks[j].text.size();
      } else if (j - last > kMaxGap) {
        break;
      }
    }
    if (chars > best_chars) best_chars = chars, found.begin = first, found.end = last + 1;
    i = last + 1;
  }
  if (best_chars == 0) return found;

  // A short last paragraph ("The project runs until 2020.") right after the
  // run is the article's, when it ends as a sentence does; a label ending in
  // a colon ("Share this:", "Teilen mit:") is not.
  while (found.end < n && !is_list(blocks[found.end]) && word_count(blocks[found.end].text) >= 3 &&
         ends_as_statement(blocks[found.end].text) && !is_chrome_by_shape(blocks[found.end]))
    ++found.end;

  // A dateline further up than the run's first prose line (the run was cut
  // by a photo caption between them): start there. And one a few lines into
  // the run (a blog's tagline, a sentence, read as prose above it): the
  // article starts at the dateline, the lines before it are the site's.
  for (std::size_t i = found.begin; i-- > 0 && found.begin - i <= kTitleReach;)
    if (!is_list(blocks[i]) && is_prose(blocks[i]) && opens_with_dated_dateline(blocks[i].text)) found.begin = i;
  // (Only when a heading-like line, the title, stands between: a preface
  // such as "This article first appeared on ..." right above the dateline
  // is the article's.)
  bool heading_seen = false;
  for (std::size_t i = found.begin + 1; i < found.end && i <= found.begin + kTitleReach; ++i) {
    if (!is_list(blocks[i]) && is_prose(blocks[i]) && opens_with_dated_dateline(blocks[i].text)) {
      if (heading_seen) found.begin = i;
      break;
    }
    heading_seen = heading_seen || (!is_prose(blocks[i]) && is_heading_like(blocks[i]));
  }

  // The title: of the heading-like lines up to kTitleReach above, the one
  // whose words the article's first paragraphs repeat most (a title names
  // what the lede tells; "Share this article", "View original", "Keine
  // Kommentare" and the blog's name share nothing with it), at least
  // kTitleOverlap of them; else the nearest line above that is heading-like,
  // past the post's date.
  const auto lede = word_set(blocks, found.begin, found.end, 3);
  double best = 0;
  for (std::size_t i = found.begin, looked = 0; i-- > 0 && looked < kTitleReach; ++looked) {
    const Block& b = blocks[i];
    if (!is_heading_like(b)) continue;
    double share = shared_share(b.text, lede);
    if (share >= kTitleOverlap && share > best) best = share, found.title = i;
  }
  for (std::size_t i = found.begin, looked = 0; found.title == UnanchoredArticle::kNone && i-- > 0 && looked < kTitleReach;
       ++looked) {
    const Block& b = blocks[i];
    if (is_date_or_time_line(b.text) || b.kind == BlockKind::ListMarker) continue;  // the post's date
    if (is_heading_like(b)) found.title = i;
    break;
  }
  return found;
}

bool is_chrome_by_shape(const Block& b) {
  if (b.kind == BlockKind::ListMarker || is_prose(b)) return false;
  return is_date_or_time_line(b.text) || is_count_line(b.text);
}

}  // namespace winnow
