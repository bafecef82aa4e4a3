// Abbreviation tooltips left by flatteners.
//
// An <abbr title="non-governmental organization">NGO</abbr> is flattened by
// some scrapers into the abbreviation, the abbreviation again (the tooltip's
// label) and, on the next line, the title: "... and NGONGO\nnon-governmental
// organization activists". The article said "NGO activists".
//
// The method: the line must end in a doubled token XX whose half X looks like
// an abbreviation (2-10 characters, starts with a capital, at least two
// capitals), and the next line must start with words whose initials spell X.
// Initials are matched with a small search because real expansions skip
// function words ("Organization for Security and Co-operation in Europe")
// and hyphenated words give one or several letters ("non-governmental" -> N,G;
// "Co-operation" -> C). Requiring both the doubling and the initials keeps
// ordinary words ("MAMA", "Couscous") from ever matching.
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "text_bytes.hpp"
#include "winnow/boilerplate.hpp"
#include "winnow/text_dump.hpp"

namespace winnow {
namespace {

constexpr std::array<std::string_view, 12> kSkippableWords = {"of", "for", "and", "in", "on", "the",
                                                              "to", "de", "du", "des", "la", "&"};

bool skippable(std::string_view w) {
  for (auto s : kSkippableWords)
    if (w == s) return true;
  return false;
}

bool looks_like_abbreviation(std::string_view x) {
  if (x.size() < 2 || x.size() > 10) return false;
  if (!std::isupper(static_cast<unsigned char>(x[0]))) return false;
  std::size_t capitals = 0;
  for (char c : x) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    capitals += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  return capitals >= 2;
}

char lower(char c) { return text::ascii_lower(c); }

// Can words[w..] spell letters[l..]? On success *used is the number of words.
bool spell(const std::vector<std::string_view>& words, std::size_t w, std::string_view letters, std::size_t l,
           std::size_t* used) {
  if (l == letters.size()) {
    *used = w;
    return true;
  }
  if (w == words.size()) return false;
  std::string_view word = words[w];
  // The word's parts: "non-governmental" -> {"non", "governmental"}.
  std::vector<std::string_view> parts;
  for (std::size_t s = 0; s <= word.size();) {
    std::size_t e = word.find('-', s);
    if (e == std::string_view::npos) e = word.size();
    if (e > s) parts.push_back(word.substr(s, e - s));
    s = e + 1;
  }
  // All parts give a letter each.
  if (l + parts.size() <= letters.size()) {
    bool ok = true;
    for (std::size_t p = 0; p < parts.size() && ok; ++p) ok = lower(parts[p][0]) == lower(letters[l + p]);
    if (ok && spell(words, w + 1, letters, l + parts.size(), used)) return true;
  }
  // The whole word gives one letter.
  if (!word.empty() && lower(word[0]) == lower(letters[l]) && spell(words, w + 1, letters, l + 1, used)) return true;
  // A function word gives none.
  if (skippable(word) && spell(words, w + 1, letters, l, used)) return true;
  return false;
}

}  // namespace

bool repair_abbreviation_tooltip(std::string& line, std::string& next, Abbreviation* found) {
  std::size_t token_start = line.find_last_of(' ');
  token_start = token_start == std::string::npos ? 0 : token_start + 1;
  std::string_view token = std::string_view(line).substr(token_start);
  if (token.size() % 2 != 0) return false;
  std::string_view half = token.substr(0, token.size() / 2);
  if (half != token.substr(token.size() / 2) || !looks_like_abbreviation(half)) return false;

  std::vector<std::string_view> words;
  std::vector<std::size_t> word_ends;
  std::string_view rest = next;
  for (std::size_t s = 0; s < rest.size() && words.size() < 20;) {
    std::size_t e = rest.find(' ', s);
    if (e == std::string_view::npos) e = rest.size();
    words.push_back(rest.substr(s, e - s));
    word_ends.push_back(e);
    s = e + 1;
  }
  std::size_t used = 0;
  if (!spell(words, 0, half, 0, &used) || used == 0) return false;
  // The expansion itself must not end in punctuation that belongs to the sentence.
  std::size_t cut = word_ends[used - 1];
  std::string expansion = next.substr(0, cut);
  std::string remainder = normalise_whitespace(std::string_view(next).substr(cut));

  if (found) *found = Abbreviation{std::string(half), expansion};
  std::string joined = line.substr(0, token_start);
  joined += half;
  if (!remainder.empty()) {
    // "NGO" + ", said ..." keeps the comma tight; words get a space.
    if (!std::ispunct(static_cast<unsigned char>(remainder[0])) || remainder[0] == '"' || remainder[0] == '(')
      joined += ' ';
    joined += remainder;
  }
  line = std::move(joined);
  next.clear();
  return true;
}

}  // namespace winnow
