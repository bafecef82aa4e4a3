// Excerpts: copies that stop short and point to the full article.
//
// The problem. Blogs and aggregators repost the head of a press release and
// end it with "... Read more" (or "[…]", "Continue reading", "Weiterlesen").
// In shingle terms the excerpt is contained in its source, exactly as a
// press release is contained in a repost that adds a paragraph, so set
// overlap alone cannot tell which of the two is the original: it picked the
// excerpt in every pair {article, excerpt}.
//
// The method. The text says so itself: the cut text ends in an ellipsis,
// optionally followed by a "read more" phrase, or a line is only such a
// phrase -- and the mark need not be the last line: a source or link line
// ("Source: example.com", "https://...", "Originally published at ...") may
// follow it (issue 19: 4 of 12 wrong originals on a hidden set were such
// excerpts). The marks are data, profiles/excerpt_marks.tsv, embedded at
// build time: ellipsis shapes, phrases in a dozen languages, and the
// prefixes of the lines that may follow. We skip up to three such lines from
// the end, then read the mark on the line before. A document flagged so is
// never chosen as a group's original when a member without the flag exists
// (src/dedup/dedup_cluster.cpp).
//
// What it costs: a look at the last few lines, once per document; the table
// is parsed once. What it misses: an excerpt cut with no mark (then the
// alignment of dedup_align.cpp decides), and an article whose own last line
// ends in an ellipsis (harmless unless it is in a group with a copy that
// adds text).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "text_bytes.hpp"
#include "winnow/dedup.hpp"

namespace winnow {

std::string_view builtin_excerpt_marks();  // generated from profiles/excerpt_marks.tsv

namespace {

struct Marks {
  std::vector<std::string> ellipses, phrases, after;
};

const Marks& marks() {
  static const Marks table = [] {
    Marks m;
    std::string_view text = builtin_excerpt_marks();
    while (!text.empty()) {
      const auto nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
      if (line.empty() || line.front() == '#') continue;
      const auto tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      const std::string_view kind = line.substr(0, tab);
      std::string value(line.substr(tab + 1));
      if (kind == "ellipsis") m.ellipses.push_back(std::move(value));
      else if (kind == "phrase") m.phrases.push_back(std::move(value));
      else if (kind == "after") m.after.push_back(std::move(value));
    }
    // Longest first: "read more..." before "more".
    auto longest = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
    std::stable_sort(m.phrases.begin(), m.phrases.end(), longest);
    std::stable_sort(m.ellipses.begin(), m.ellipses.end(), longest);
    return m;
  }();
  return table;
}

// Spaces and arrows around a mark, whole characters (a byte set would eat
// the first byte of a leading "…", which "→" shares).
std::string_view trim(std::string_view s) {
  static constexpr std::string_view kTrim[] = {" ", "\t", "\r", "\n", "\xC2\xA0", ">", "\xC2\xBB", "\xE2\x86\x92"};
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (std::string_view t : kTrim) {
      if (s.ends_with(t)) { s.remove_suffix(t.size()); again = true; }
      if (s.starts_with(t)) { s.remove_prefix(t.size()); again = true; }
    }
  }
  return s;
}

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


// ASCII-lowered prefix test.
bool starts_with_lower(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    if (c != prefix[i]) return false;
  }
  return true;
}

// A line after the mark that is not article: a source or link line.
bool is_after_line(std::string_view line) {
  if (starts_with_lower(line, "http://") || starts_with_lower(line, "https://") || starts_with_lower(line, "www."))
    return true;
  for (const std::string& a : marks().after)
    if (starts_with_lower(line, a)) return true;
  return false;
}

// Whether `last` (a trimmed line, `more_before`: lines before it) is the mark.
bool is_mark_line(std::string_view last, bool more_before) {
  if (last.empty()) return false;
  bool phrase = false;
  for (const std::string& p : marks().phrases)
    if (ends_with_phrase(last, p)) {
      if (p.front() == '(' || p.front() == '[') return true;  // "(more)" needs no ellipsis
      last = trim(last.substr(0, last.size() - p.size()));
      phrase = true;
      break;
    }
  // The phrase or an ellipsis alone on its line: the excerpt is what came before it.
  if (last.empty()) return phrase && more_before;
  for (const std::string& e : marks().ellipses)
    if (last.ends_with(e)) return phrase || last.size() > e.size() || more_before;
  return false;
}

}  // namespace

bool looks_like_excerpt(std::string_view clean_text) {
  std::string_view text = trim(clean_text);
  // Up to three source or link lines after the mark.
  for (int skipped = 0; !text.empty(); ++skipped) {
    const auto nl = text.rfind('\n');
    const std::string_view last = trim(nl == std::string_view::npos ? text : text.substr(nl + 1));
    if (is_mark_line(last, nl != std::string_view::npos)) return true;
    if (skipped == 3 || nl == std::string_view::npos || !is_after_line(last)) return false;
    text = trim(text.substr(0, nl));
  }
  return false;
}

}  // namespace winnow
