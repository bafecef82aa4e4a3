// Abbreviations defined in the article's prose.
//
// The problem. Releases introduce an office once in full and abbreviate it
// after, and a reader of the corpus wants the pair: "the OSCE Office for
// Democratic Institutions and Human Rights (ODIHR)", "the Tajikistan Mine
// Action Centre (TMAC)". Reposts add their own shapes: a bracketed expansion
// inserted after the abbreviation ("ODIHR [Office for Democratic
// Institutions and Human Rights]"), brackets instead of parentheses, and
// appositions ("the National Referral System, NRS, which ..."). Tooltips
// (<abbr title>, flattened "NGONGO") are the layout stage's business and are
// already in doc.metadata.abbreviations when this runs.
//
// The method. Three anchors are looked for in each paragraph: a bracketed
// token that looks like an abbreviation ("(ODIHR)", "[ODIHR]", "(OSCE PA)"),
// a token between commas (", NRS,"), and a token followed by a bracketed
// phrase ("ODIHR [Office ...]"). An anchor defines an abbreviation only when
// the words on the other side spell it: for "(X)" and ", X," the shortest
// run of words ending just before the anchor whose initials give X's letters
// (function words give none, a hyphenated word one letter per part or one in
// all, an upper-case word its own letters: "UN Office on Drugs and Crime"
// spells UNODC, "OSCE Parliamentary Assembly" spells "OSCE PA"); for "X
// [phrase]" the whole phrase. The first word must be capitalised and give
// the first letter, so "the" and "OSCE" in front of an office are left out
// unless the letters spell them. Requiring the spelling is what keeps a
// bracketed decision number, a country code after a name or "(EUR 2
// million)" from ever counting, and an expansion that is only mentioned
// ("ODIHR held ..., the Office for ... said") defines nothing.
//
// Why not the tooltip matcher's speller (abbreviation_tooltips.cpp): that
// one must stay strict, a false match there rewrites the text; here a miss
// costs a pair and the expansions run longer ("against", an "OSCE" inside
// "Co-ordinator of OSCE Economic and Environmental Activities").
//
// Cost: three memchr passes over the text for "(", "[" and ","; a candidate
// is turned away by its first bytes unless it looks like an abbreviation
// (at most 16 bytes, capitals); then at most the 200 bytes before it are
// split and at most 16 runs of words tried, each a small backtracking
// search over at most 12 letters.
#include "text_bytes.hpp"
#include "winnow/abbreviations.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>

namespace winnow {
namespace {

constexpr std::size_t kMaxExpansionWords = 16;
constexpr std::size_t kMaxLetters = 12;
constexpr std::size_t kMaxExpansionBytes = 200;  // 16 words of an office's name
constexpr std::size_t kMaxAbbreviationBytes = 16;

constexpr std::array<std::string_view, 16> kFunctionWords = {"of", "for", "and", "in",  "on", "the", "to", "at",
                                                             "against", "de", "du", "des", "la", "&", "by", "with"};

bool function_word(std::string_view w) {
  for (auto s : kFunctionWords)
    if (w == s) return true;
  return false;
}

bool upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return text::ascii_lower(c); }

bool all_capitals(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w)
    if (!upper(c) && !std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// "ODIHR", "OSCE PA", "CiO": 2-12 letters in at most three space-separated
// tokens, a capital first, at least two capitals, letters and digits only.
// Returns the letters without spaces, or "" when `x` is no abbreviation.
std::string abbreviation_letters(std::string_view x) {
  if (x.size() < 2 || x.size() > kMaxAbbreviationBytes || !upper(x[0]) || !(upper(x[1]) || upper(x.back())) ||
      x.back() == ' ')
    return {};
  std::string letters;
  std::size_t capitals = 0, spaces = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    char c = x[i];
    if (c == ' ') {
      if (x[i - 1] == ' ' || ++spaces > 2) return {};
      continue;
    }
    if (!std::isalnum(static_cast<unsigned char>(c))) return {};
    capitals += upper(c) ? 1 : 0;
    letters += c;
  }
  if (letters.size() < 2 || letters.size() > kMaxLetters || capitals < 2) return {};
  return letters;
}

// Do words[w..] spell letters[l..], every word and every letter used?
bool spell(const std::vector<std::string_view>& words, std::size_t w, std::string_view letters, std::size_t l) {
  if (w == words.size()) return l == letters.size();
  // Letters used up: a place may follow ("Special Monitoring Mission to
  // Ukraine (SMM)"): "to" or "in" and one or two capitalised words.
  if (l == letters.size()) {
    if (words.size() - w > 3 || (words[w] != "to" && words[w] != "in")) return false;
    for (std::size_t k = w + 1; k < words.size(); ++k)
      if (words[k].empty() || !upper(words[k][0])) return false;
    return words.size() - w >= 2;
  }
  std::string_view word = words[w];
  if (word.empty()) return false;
  // An upper-case word gives its own letters ("UN", "OSCE").
  if (all_capitals(word) && letters.substr(l, word.size()) == word && spell(words, w + 1, letters, l + word.size()))
    return true;
  if (l < letters.size()) {
    // Each part of a hyphenated word gives a letter ("Co-operation": C, O).
    if (word.find('-') != std::string_view::npos) {
      std::size_t k = l;
      bool ok = true;
      for (std::size_t s = 0; s <= word.size() && ok;) {
        std::size_t e = word.find('-', s);
        if (e == std::string_view::npos) e = word.size();
        if (e > s) ok = k < letters.size() && lower(word[s]) == lower(letters[k++]);
        s = e + 1;
      }
      if (ok && spell(words, w + 1, letters, k)) return true;
    }
    // The whole word gives one letter.
    if (lower(word[0]) == lower(letters[l]) && spell(words, w + 1, letters, l + 1)) return true;
  }
  // A function word, or an "OSCE" inside an office's name, gives none.
  if (w > 0 && (function_word(word) || all_capitals(word)) && spell(words, w + 1, letters, l)) return true;
  return false;
}

bool spells(const std::vector<std::string_view>& words, std::string_view letters) {
  if (words.empty() || words.size() > kMaxExpansionWords) return false;
  std::string_view first = words.front();
  if (first.empty() || !upper(first[0]) || function_word(first)) return false;
  if (words.size() == 1 && first.find('-') == std::string_view::npos) return false;
  return spell(words, 0, letters, 0);
}

// The words of `s` (split on spaces) with their offsets.
struct Words {
  std::vector<std::string_view> words;
  std::vector<std::size_t> starts;
};

Words split(std::string_view s) {
  Words out;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t e = s.find(' ', i);
    if (e == std::string_view::npos) e = s.size();
    if (e > i) {
      out.words.push_back(s.substr(i, e - i));
      out.starts.push_back(i);
    }
    i = e;
  }
  return out;
}

// The shortest run of words ending at the end of `before` that spells
// `letters`, as written; "" when none does. A run never crosses a comma,
// semicolon, colon, full stop or bracket.
std::string expansion_before(std::string_view before, std::string_view letters) {
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  // Only the last words can spell it: the paragraph before them is not split.
  if (before.size() > kMaxExpansionBytes) {
    std::size_t cut = before.find(' ', before.size() - kMaxExpansionBytes);
    if (cut == std::string_view::npos) return {};
    before.remove_prefix(cut + 1);
  }
  if (before.empty() || std::ispunct(static_cast<unsigned char>(before.back()))) return {};
  Words all = split(before);
  std::size_t n = all.words.size();
  for (std::size_t take = 1; take <= n && take <= kMaxExpansionWords; ++take) {
    std::size_t start = n - take;
    std::string_view word = all.words[start];
    if (take > 1 && std::string_view(",;:.()[]").find(word.back()) != std::string_view::npos) break;
    std::vector<std::string_view> run(all.words.begin() + static_cast<std::ptrdiff_t>(start), all.words.end());
    if (spells(run, letters)) return std::string(before.substr(all.starts[start]));
  }
  return {};
}

void add(std::vector<Abbreviation>& out, std::string_view abbr, std::string expansion) {
  if (expansion.empty()) return;
  for (auto& a : out)
    if (a.abbr == abbr) return;
  out.push_back({std::string(abbr), std::move(expansion)});
}

// The anchors' positions in `p`, in order: "(", "[" and ", " before a
// capital, found with memchr (a byte loop cost a nanosecond a byte).
void anchors(std::string_view p, std::vector<std::size_t>& at) {
  at.clear();
  for (char c : {'(', '[', ','}) {
    for (const char* q = p.data(); q < p.data() + p.size();) {
      const void* hit = std::memchr(q, c, static_cast<std::size_t>(p.data() + p.size() - q));
      if (!hit) break;
      const std::size_t i = static_cast<std::size_t>(static_cast<const char*>(hit) - p.data());
      if (c != ',' || (i + 2 < p.size() && p[i + 1] == ' ' && upper(p[i + 2]))) at.push_back(i);
      q = static_cast<const char*>(hit) + 1;
    }
  }
  std::sort(at.begin(), at.end());
}

// The anchor at `i` of paragraph `p`.
void read_anchor(std::string_view p, std::size_t i, std::vector<Abbreviation>& out) {
  {
    char c = p[i];
    if (c == '(' || c == '[') {
      char close = c == '(' ? ')' : ']';
      // "(ODIHR)" is short; "[Office for ...]" after an abbreviation is not.
      std::size_t e = p.substr(0, std::min(p.size(), i + 1 + (c == '[' ? kMaxExpansionBytes : kMaxAbbreviationBytes + 1)))
                          .find(close, i + 1);
      if (e == std::string_view::npos) return;
      std::string_view inside = p.substr(i + 1, e - i - 1);
      std::string letters = abbreviation_letters(inside);
      // "Full Name (ABBR)" / "Full Name [ABBR]".
      if (!letters.empty()) {
        add(out, inside, expansion_before(p.substr(0, i), letters));
        return;
      }
      // "ABBR [Full Name]": the bracketed phrase, whole, spells the token before it.
      if (c == '[' && i >= 2 && p[i - 1] == ' ') {
        std::size_t b = p.rfind(' ', i - 2);
        b = b == std::string_view::npos ? 0 : b + 1;
        std::string_view token = p.substr(b, i - 1 - b);
        std::string token_letters = abbreviation_letters(token);
        Words phrase = split(inside);
        if (!token_letters.empty() && spells(phrase.words, token_letters)) add(out, token, std::string(inside));
      }
    } else if (c == ',' && i + 2 < p.size() && p[i + 1] == ' ' && upper(p[i + 2])) {
      // "Full Name, ABBR," : a one-token abbreviation between commas.
      std::string_view next = p.substr(i + 2, kMaxAbbreviationBytes + 1);
      std::size_t e = next.find_first_of(", ");
      if (e == std::string_view::npos || next[e] != ',') return;
      std::string_view token = next.substr(0, e);
      std::string letters = abbreviation_letters(token);
      if (!letters.empty()) add(out, token, expansion_before(p.substr(0, i), letters));
    }
  }
}

}  // namespace

std::vector<Abbreviation> find_defined_abbreviations(std::string_view text) {
  std::vector<Abbreviation> out;
  std::vector<std::size_t> at;
  anchors(text, at);
  // Anchors are in order: each paragraph's bounds are found once.
  std::size_t para_begin = 0, para_end = std::min(text.find('\n'), text.size());
  for (std::size_t i : at) {
    while (i > para_end) {  // forward, with memchr: every byte is passed once
      para_begin = para_end + 1;
      para_end = std::min(text.find('\n', para_begin), text.size());
    }
    read_anchor(text.substr(para_begin, para_end - para_begin), i - para_begin, out);
  }
  return out;
}

}  // namespace winnow
