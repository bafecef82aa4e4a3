// Figure phrases: the words around a number.
//
// The problem. Recognising "1,800" is easy; saying that it counts "police
// officers", is hedged by "up to", and that "550,000 euros" is the "overall
// budget" takes reading the neighbouring words, in prose where no tagger is
// available and none is wanted (the stage must stay cheap).
//
// The method. Word classes by table and suffix: stop words (prepositions,
// auxiliaries, determiners, pronouns) end a noun phrase; a plural noun (an -s
// ending that is not -ss/-us/-is, or an irregular plural from the table) is
// where a counted phrase may end, so trailing verbs are cut back ("officers
// passing" -> "officers"); a lower-case participle (-ed, or -ing once a
// plural was seen) ends it outright. "and" joins modifiers ("training and
// networking meetings") or a second closing plural ("judges and
// prosecutors"), never a new clause. Tokens keep the punctuation that
// followed them, so a comma or full stop ends a phrase.
//
// A plural followed by a comma or "and" may open a list of counted items
// ("70 journalists, editors and media lawyers"), each ending in a plural;
// the list is counted whole, as written.
//
// What this costs in accuracy: a verb in -s after a singular head ("the
// two-day conference focuses on") is only caught when it is in kVerbsInS.
// Accepted: the alternative is a part-of-speech model.
//
// Cost: each call looks at a bounded window of tokens (cut by
// figures_tokens.cpp). number_word's shape test (first byte, last byte,
// length, one table load) is inline, so an ordinary word costs a few
// instructions. Word tables are asked through a (first byte, length) mask
// first, so most words cost no comparison.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cctype>
#include <charconv>
#include <optional>
#include <unordered_set>

#include "text_bytes.hpp"
#include "figures_internal.hpp"

namespace winnow::figures_detail {
namespace fw = figures_words;

bool same_letters(std::string_view a, std::string_view lower_b) { return text::equals_lowered(a, lower_b); }

std::optional<double> number_word_lookup(std::string_view w) {
  const char first = static_cast<char>(w.front() | 0x20);
  for (const auto& n : fw::kNumberWords)
    if (n.word.size() == w.size() && n.word[0] == first && same_letters(w, n.word)) return n.value;
  // "twenty-five" (the tests above ignore case, so no lowered copy)
  const auto dash = w.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto tens = number_word(w.substr(0, dash));
  auto ones = number_word(w.substr(dash + 1));
  if (tens && ones && *tens >= 20 && *ones < 10) return *tens + *ones;
  return std::nullopt;
}

std::optional<double> scale_word(std::string_view lower_word) {
  // Asked of the word after every number: most start with no scale's letter.
  static constexpr auto kStarts = [] {
    std::array<bool, 256> starts{};
    for (const auto& s : fw::kScales) starts[static_cast<unsigned char>(s.word[0])] = true;
    return starts;
  }();
  if (lower_word.empty() || !kStarts[static_cast<unsigned char>(lower_word[0])]) return std::nullopt;
  for (const auto& s : fw::kScales)
    if (s.word == lower_word) return s.value;
  return std::nullopt;
}

bool money_code(std::string_view w) {
  if (w.size() != 3) return false;  // asked of the word after every number
  for (const auto& c : fw::kCurrencyPrefixes)
    if (c.spelling == w && c.spelling.size() == 3) return true;
  return false;
}

double to_double(std::string_view digits) {
  // Most numbers are whole and short: summed by hand, exactly what
  // from_chars gives for fewer than 16 digits.
  if (digits.size() < 16) {
    double whole = 0;
    bool plain = !digits.empty();
    for (char c : digits) {
      if (c >= '0' && c <= '9') whole = whole * 10 + (c - '0');
      else if (c != ',' && c != ' ') plain = false;
    }
    if (plain) return whole;
  }
  // The digits without their group separators, on the stack: a number
  // token is short, and this runs for every candidate.
  std::array<char, 64> buffer;
  std::string heap;
  char* clean = buffer.data();
  if (digits.size() > buffer.size()) {
    heap.resize(digits.size());
    clean = heap.data();
  }
  std::size_t n = 0;
  for (char c : digits)
    if (c != ',' && c != ' ') clean[n++] = c;
  double v = 0;
  std::from_chars(clean, clean + n, v);
  return v;
}

bool is_count_stop(std::string_view lower_word) {
  // Asked for nearly every word of a counted phrase, most of them no stop
  // word: the first-letter and length test turns those away, and a hash
  // set, not a scan of the 84-word table, answers for the rest.
  const auto& by_first = kLengthsByFirst<fw::kCountStopWords>;
  if (lower_word.empty() || lower_word.size() > 31 ||
      !(by_first[static_cast<unsigned char>(lower_word[0]) & 31] & (1u << lower_word.size())))
    return false;
  static const std::unordered_set<std::string_view> set(fw::kCountStopWords.begin(), fw::kCountStopWords.end());
  return set.count(lower_word) != 0;
}

// No irregular plural ends in -s, so a word's last letter says which test
// applies.
static_assert(std::none_of(fw::kIrregularPlurals.begin(), fw::kIrregularPlurals.end(),
                           [](std::string_view w) { return w.ends_with('s'); }));

bool is_plural(std::string_view l) {
  if (l.ends_with('s'))
    return l.size() > 3 && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is");
  return in_table<fw::kIrregularPlurals>(l) || in_table<fw::kMeasureAbbreviations>(l);
}

// Verbs that follow a counted phrase: "conference focuses", "commissioners
// worked". Only the unambiguous participle and past forms are caught.
bool is_verb_form(const Token& w) {
  if (w.core.empty() || !std::islower(static_cast<unsigned char>(w.core[0]))) return false;  // "Unified Budget"
  const std::string_view l = w.lower;
  return l.ends_with("ed") || l.ends_with("ing");
}

bool is_number_compound(std::string_view w) {
  // A byte loop, not find(): the words are short, and find calls memchr.
  std::size_t dash = 0;
  while (dash < w.size() && w[dash] != '-') ++dash;
  if (dash == w.size() || dash == 0) return false;
  auto head = w.substr(0, dash);
  return number_word(head) || std::all_of(head.begin(), head.end(), [](char c) { return (c >= '0' && c <= '9') || c == ','; });
}

bool is_wordy(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if ((c >= '0' && c <= '9') || c == '/' || c == '%') return false;
  return true;
}

bool is_year(double v, std::string_view core) {
  return v >= 1900 && v <= 2100 && v == static_cast<long>(v) && core.find(',') == std::string_view::npos &&
         core.size() == 4;
}

namespace {

bool is_conjunction(std::string_view l) { return l == "and" || l == "or"; }

// The punctuation right after a token's core (tokens are views into the
// text, and stop_after says a mark follows).
char mark_after(const Token& t) { return t.stop_after ? t.core.data()[t.core.size()] : ' '; }

// Where a counted phrase may stop after token j: punctuation, a paragraph
// end, a stop word, a verb, a number, or a conjunction opening a clause.
bool phrase_boundary(const std::vector<Token>& t, std::size_t j) {
  if (t[j].stop_after || j + 1 >= t.size() || t[j + 1].break_before) return true;
  const Token& n = t[j + 1];
  auto l = n.lower;
  return !is_wordy(n.core) || is_count_stop(l) || is_verb_form(n) ||
         in_table<fw::kVerbsInS>(l) || is_conjunction(l) || (n.word >= 0);
}

// "70 journalists, editors and media lawyers", "6 ministries and state
// agencies": after the plural noun at token k, items of one to three words
// each ending in a plural, separated by commas, the last by "and"/"or".
// Returns the last token of the list, when the list closes the phrase.
std::optional<std::size_t> list_end(const std::vector<Token>& t, std::size_t k) {
  std::size_t j = k;
  for (int items = 0; items < 6; ++items) {
    const bool comma = mark_after(t[j]) == ',';
    if (t[j].stop_after && !comma) return std::nullopt;
    std::size_t n = j + 1;
    if (n >= t.size() || t[n].break_before) return std::nullopt;
    const bool conj = is_conjunction(t[n].lower);
    if (!comma && !conj) return std::nullopt;
    if (conj) {
      if (t[n].stop_after) return std::nullopt;
      ++n;
    }
    std::size_t plural = 0;
    for (std::size_t m = n; m < t.size() && m < n + 3 && !t[m].break_before; ++m) {
      auto l = t[m].lower;
      if (!is_wordy(t[m].core) || (t[m].word >= 0) || is_count_stop(l) || is_conjunction(l))
        break;
      if (is_plural(t[m].lower) && !in_table<fw::kVerbsInS>(l)) plural = m;
      if (t[m].stop_after) break;
    }
    if (plural == 0) return std::nullopt;
    j = plural;
    if (!conj) continue;
    // Two items joined by "and" alone may be two clauses ("3,500 farming
    // households and cut water losses by ..."): the second must end the
    // sentence or be followed by a verb.
    const bool strong = items > 0 || t[j].stop_after || j + 1 >= t.size() || t[j + 1].break_before ||
                        is_verb_form(t[j + 1]) || in_table<fw::kVerbsInS>(t[j + 1].lower) ||
                        is_conjunction(t[j + 1].lower);
    return strong && phrase_boundary(t, j) ? std::optional<std::size_t>(j) : std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

// The noun phrase counted, read from token i on; `last` receives the index
// of its final token.
std::string counted_phrase(const std::vector<Token>& t, std::size_t i, bool singular_ok, std::size_t& last,
                           bool whole) {
  // At most six words are kept (five, or four and an "and" pair): on the
  // stack, not in a vector allocated per call.
  struct {
    std::array<std::size_t, 8> at{};
    std::size_t n = 0;
    std::size_t size() const { return n; }
    bool empty() const { return n == 0; }
    std::size_t back() const { return at[n - 1]; }
    void push_back(std::size_t k) { at[n++] = k; }
    std::size_t operator[](std::size_t k) const { return at[k]; }
  } words;
  bool seen_plural = false;
  // Comparatives and a following duration compound stay out of the phrase:
  // "six more regions", "five two-day seminars" (the compound is a figure
  // of its own).
  while (i < t.size() && !t[i].break_before &&
         (in_table<fw::kComparatives>(t[i].lower) || is_number_compound(t[i].core))) {
    if (t[i].stop_after) return {};
    ++i;
  }
  std::size_t list_last = 0;  // last token of a list of counted items, if any
  for (; i < t.size() && words.size() < 5 && !t[i].break_before; ++i) {
    auto l = t[i].lower;
    if (!is_wordy(t[i].core) || (t[i].word >= 0) || is_count_stop(l)) break;
    // A verb in -s after the head: "the two-day conference focuses on".
    if (!words.empty() && in_table<fw::kVerbsInS>(l)) break;
    if (is_plural(t[i].lower) && (mark_after(t[i]) == ',' || (i + 1 < t.size() && is_conjunction(t[i + 1].lower))))
      if (auto e = list_end(t, i)) {
        words.push_back(i);
        list_last = *e;
        break;
      }
    if (l == "and") {
      if (words.empty() || t[i].stop_after || i + 1 >= t.size() || t[i + 1].break_before || !is_wordy(t[i + 1].core) ||
          is_count_stop(t[i + 1].lower) || (t[i + 1].word >= 0))
        break;
      if (seen_plural) {
        // "judges and prosecutors": a second plural closing the phrase joins
        // it; "regions and Kyiv" or "regions and the city" do not.
        const Token& next = t[i + 1];
        bool closes = next.stop_after || i + 2 >= t.size() || t[i + 2].break_before ||
                      !is_wordy(t[i + 2].core) || is_count_stop(t[i + 2].lower) ||
                      is_verb_form(t[i + 2]);
        if (!is_plural(next.lower) || !closes) break;
        words.push_back(i);
        words.push_back(i + 1);
        break;
      }
      words.push_back(i);
      continue;
    }
    // A participle ends the phrase: "officers passing", "programme funded".
    if (!words.empty() && t[words.back()].lower != "and" &&
        !t[words.back()].lower.ends_with("ly") &&  // "internally displaced persons"
        ((seen_plural && l.ends_with("ing")) || l.ends_with("ed")))
      break;
    words.push_back(i);
    seen_plural = seen_plural || is_plural(t[i].lower);
    if (t[i].stop_after) break;
  }
  // Cut back to the last plural noun ("officers passing" -> "officers").
  std::size_t keep = 0;
  for (std::size_t k = 0; k < words.size(); ++k)
    if (is_plural(t[words[k]].lower) && t[words[k]].lower != "and") keep = k + 1;
  if (keep == 0 && singular_ok) keep = words.size();
  // A duration compound may count a singular head after a plural modifier
  // ("72-hour human rights course"): keep the whole phrase.
  if (whole) keep = words.size();
  if (keep == 0) return {};
  last = words[keep - 1];
  if (list_last > 0 && last == words.back()) {
    // The list as written, its commas kept.
    last = list_last;
    const char* b = t[words[0]].core.data();
    return std::string(b, t[last].core.data() + t[last].core.size() - b);
  }
  std::string out;
  for (std::size_t k = 0; k < keep; ++k) {
    if (!out.empty()) out += ' ';
    out += t[words[k]].core;
  }
  return out;
}

// "an overall budget of 550,000 euros": the words between the article and
// "of" before the amount at token i.
std::string money_subject(const std::vector<Token>& t, std::size_t i) {
  if (i < 2 || !in_table<fw::kMoneyLinks>(t[i - 1].lower) || t[i].break_before || t[i - 1].break_before) return {};
  std::size_t k = i - 2, n = 0;
  // "The 20 vehicles, worth ...": the comma before the link is allowed.
  while (n < 3 && (!t[k].stop_after || k == i - 2) && is_wordy(t[k].core) &&
         !is_count_stop(t[k].lower) && !(n > 0 && is_verb_form(t[k])) &&
         !(n > 0 && (t[k].core.ends_with("'s") || t[k].core.ends_with("\xE2\x80\x99s")))) {  // "the Organization's"
    ++n;
    if (k == 0 || t[k].break_before) break;
    --k;
  }
  if (n == 0) return {};
  std::size_t from = i - 1 - n;
  std::string out;
  for (std::size_t j = from; j < i - 1; ++j) {
    if (!out.empty()) out += ' ';
    out += t[j].core;
  }
  return out;
}

// "Voter turnout was 51.34 per cent": the subject before a linking verb
// right before the percentage at token i, up to three words back to a stop
// word or the start of the clause.
std::string percent_subject(const std::vector<Token>& t, std::size_t i) {
  if (i < 2 || t[i].break_before) return {};
  std::size_t k = i - 1;
  if (t[k].lower == "at" && k >= 2 && !t[k].break_before && t[k - 1].lower == "stood") --k;  // "stood at"
  if (!in_table<fw::kPercentLinks>(t[k].lower) || t[k].break_before || t[k - 1].stop_after) return {};
  std::size_t from = k, n = 0;
  while (from > 0 && n < 3) {
    const Token& w = t[from - 1];
    if (!is_wordy(w.core) || is_count_stop(w.lower) || (n > 0 && w.stop_after)) break;
    --from;
    ++n;
    if (w.break_before) break;
  }
  if (n == 0) return {};
  std::string out;
  for (std::size_t j = from; j < k; ++j) {
    if (!out.empty()) out += ' ';
    out += t[j].core;
  }
  return out;
}

// Approximator phrase ending right before token i: returns its first token.
std::optional<std::size_t> approximator_before(const std::vector<Token>& t, std::size_t i, std::string& out) {
  if (i == 0 || t[i].break_before) return std::nullopt;
  // Every approximator ends in one of a dozen words: the token before the
  // number turns nearly all numbers away here, by the first byte and length
  // of those words.
  static constexpr auto kLastWords = [] {
    std::array<std::uint32_t, 32> by_first{};
    for (std::string_view a : fw::kApproximators) {
      const std::string_view last = a.substr(a.rfind(' ') + 1);  // npos + 1 == 0: the whole
      by_first[static_cast<unsigned char>(last[0]) & 31] |= 1u << last.size();
    }
    return by_first;
  }();
  const std::string_view before = t[i - 1].lower;
  if (before.empty() || before.size() > 31 ||
      !(kLastWords[static_cast<unsigned char>(before[0]) & 31] & (1u << before.size())))
    return std::nullopt;
  // The approximators split into words once; compared in place, longest first.
  static const auto split = [] {
    std::vector<std::vector<std::string_view>> all;
    for (std::string_view a : fw::kApproximators) {
      std::vector<std::string_view> words;
      for (std::size_t pos = 0; pos <= a.size();) {
        auto sp = a.find(' ', pos);
        if (sp == std::string_view::npos) sp = a.size();
        words.push_back(a.substr(pos, sp - pos));
        pos = sp + 1;
      }
      all.push_back(std::move(words));
    }
    return all;
  }();
  // Every approximator ends in one of a dozen words: the token before the
  // number (its lower-case form) picks the approximators ending in it, in
  // table order (longest first), and only those are compared.
  static const auto by_last_word = [] {
    std::vector<std::pair<std::string_view, std::vector<std::size_t>>> all;
    for (std::size_t a = 0; a < split.size(); ++a) {
      const std::string_view last = split[a].back();
      auto it = std::find_if(all.begin(), all.end(), [&](const auto& e) { return e.first == last; });
      if (it == all.end()) it = all.insert(all.end(), {last, {}});
      it->second.push_back(a);
    }
    return all;
  }();
  const auto entry = std::find_if(by_last_word.begin(), by_last_word.end(),
                                  [&](const auto& e) { return e.first == before; });
  if (entry == by_last_word.end()) return std::nullopt;
  for (const std::size_t a : entry->second) {
    const auto& words = split[a];
    const std::size_t n = words.size();
    if (n > i) continue;
    // The last word is `before`; the others from the last back.
    bool ok = true;
    for (std::size_t k = n; k-- > 0 && ok;) {
      const Token& tok = t[i - n + k];
      ok = !tok.stop_after && !(k > 0 && tok.break_before) && tok.lower == words[k];
    }
    if (ok) {
      out = std::string(fw::kApproximators[a]);
      return i - n;
    }
  }
  return std::nullopt;
}
}  // namespace winnow::figures_detail
