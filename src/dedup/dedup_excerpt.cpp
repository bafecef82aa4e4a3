// Excerpts: copies that stop short and point to the full article.
//
// The problem. Blogs and aggregators repost the head of a press release and
// end it with "... Read more" (or "[…]", "Continue reading", "Weiterlesen").
// In shingle terms the excerpt is contained in its source, exactly as a
// press release is contained in a repost that adds a paragraph, so set
// overlap alone cannot tell which of the two is the original: it picked the
// excerpt in every pair {article, excerpt}.
//
// The method. The text says so itself: its last line ends in an ellipsis,
// optionally followed by a "read more" phrase, or the last line is only such
// a phrase. The phrases are a table (kReadMorePhrases), in the languages the
// corpora have shown; a new language is a new row. A document flagged so is
// never chosen as a group's original when a member without the flag exists
// (src/dedup/dedup_cluster.cpp).
//
// What it costs: a look at the last line, once per document. What it misses:
// an excerpt cut at a sentence end with no marker (then containment decides,
// as before), and an article whose own last line ends in an ellipsis
// (harmless unless it is in a group with a copy that adds text).
#include <array>
#include <string_view>

#include "text_bytes.hpp"
#include "winnow/dedup.hpp"

namespace winnow {
namespace {

// Lower-case, as written after the ellipsis or alone on the last line.
constexpr std::array<std::string_view, 17> kReadMorePhrases{
    "read more",      "read more...",     "continue reading", "read the full article", "read the full story",
    "full story",     "more",             "weiterlesen",      "mehr lesen",            "lire la suite",
    "lire plus",      "leer más",         "seguir leyendo",   "leggi tutto",           "lees meer",
    "читать далее",   "подробнее"};

constexpr std::array<std::string_view, 6> kEllipses{"...", "\xE2\x80\xA6", "[\xE2\x80\xA6]", "[...]",
                                                    "(\xE2\x80\xA6)", "(...)"};

// Spaces (the no-break one too) and the arrows a "Read more" link wears:
// > » →. Bytes, so a no-break space's two bytes go together.
constexpr std::string_view kMarkTrim = " \t\r\n\xC2\xA0>\xC2\xBB\xE2\x86\x92";
std::string_view trim(std::string_view s) { return text::trim(s, kMarkTrim); }

// ASCII letters lowered; other bytes as they are (the table's non-Latin
// rows are written in lower case).
bool ends_with_phrase(std::string_view s, std::string_view phrase) {
  if (s.size() < phrase.size()) return false;
  auto tail = s.substr(s.size() - phrase.size());
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (text::ascii_lower(tail[i]) != phrase[i]) return false;
  }
  // The phrase starts a word: "evermore" is not "more".
  const std::size_t before = s.size() - phrase.size();
  return before == 0 || s[before - 1] == ' ' || s[before - 1] == '.' || s[before - 1] == '\xA6' ||
         s[before - 1] == ']' || s[before - 1] == ')';
}

}  // namespace

bool looks_like_excerpt(std::string_view clean_text) {
  std::string_view text = trim(clean_text);
  const auto nl = text.rfind('\n');
  std::string_view last = trim(nl == std::string_view::npos ? text : text.substr(nl + 1));
  if (last.empty()) return false;
  bool phrase = false;
  for (std::string_view p : kReadMorePhrases)
    if (ends_with_phrase(last, p)) {
      last = trim(last.substr(0, last.size() - p.size()));
      phrase = true;
      break;
    }
  // The phrase alone on the last line: the excerpt is what came before it.
  if (phrase && last.empty()) return nl != std::string_view::npos;
  for (std::string_view e : kEllipses)
    if (last.ends_with(e)) return phrase || last.size() > e.size();
  return false;
}

}  // namespace winnow
