// Shared between the two halves of the figure extractor: figures.cpp reads
// numbers, figures_phrases.cpp reads the words around them (tokens, counted
// noun phrases, approximators). Private to src/.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "figures_words.hpp"
#include "winnow/figures.hpp"

namespace winnow::figures_detail {

struct Token {
  std::string_view core;     // without surrounding punctuation, a view into the text
  std::string_view lower;    // core in ASCII lower case (a view into tokenize's buffer)
  double word = -1;          // the value of a number word ("six", "Twenty-five"), else -1
  bool stop_after = false;   // followed by , . ; : ! ? ) or a closing quote
  bool break_before = false; // first token of a paragraph
  // May start a figure: holds an ASCII digit, or is a number word, or
  // starts with one before a dash ("two-day"). Set by the tokenizer, which
  // has the bytes' classes at hand, so read_paragraph turns words away
  // with one test.
  bool candidate = false;
};

// What tokenize keeps from one paragraph to the next, so that none
// allocates: the paragraph in ASCII lower case (the tokens' `lower` views
// point into it) and its bytes' class masks.
struct TokenizerBuffers {
  std::string lowered;
  std::vector<std::uint64_t> masks;
};

// The tokens of text[from, to) (one paragraph), into `out`, offsets into
// `text`; their `lower` views point into `buffers`, which the caller keeps
// alive while it uses them (one buffer, not a string per token: nearly every
// test on a word is on its lower-case form). figures_tokens.cpp.
void tokenize(std::string_view text, std::size_t from, std::size_t to, TokenizerBuffers& buffers,
              std::vector<Token>& out);

// Whether `a` is `lower_b` but for ASCII case ("Times" and "times").
bool same_letters(std::string_view a, std::string_view lower_b);

template <class Table>
bool in_table(const Table& table, std::string_view word) {
  for (std::string_view w : table)
    if (w == word) return true;
  return false;
}

// Which lengths the words of a fixed table have, by first byte (its low
// five bits, so both cases and a few marks share a slot).
template <const auto& Table>
inline constexpr auto kLengthsByFirst = [] {
  std::array<std::uint32_t, 32> by_first{};
  for (std::string_view w : Table) {
    if (w.empty() || w.size() > 31) throw "in_table<>: words of 1 to 31 bytes";
    by_first[static_cast<unsigned char>(w[0]) & 31] |= 1u << w.size();
  }
  return by_first;
}();

// in_table for the fixed tables of figures_words.hpp, asked about nearly
// every word of a counted phrase: a word whose first byte and length no
// table word has (most words) is turned away before any comparison.
template <const auto& Table>
bool in_table(std::string_view word) {
  if (word.empty() || word.size() > 31 ||
      !(kLengthsByFirst<Table>[static_cast<unsigned char>(word[0]) & 31] & (1u << word.size())))
    return false;
  return in_table(Table, word);
}

// Which lengths a number word has for each (first byte, last byte) pair,
// the bytes by their low five bits (so either case): "the" or "for" pass
// a first-letter test, not this one. The hyphenated tens and ones
// ("forty-one") are in the table too, so no word needs a search for its
// dash. Inline, with the test below, because number_word is asked about
// nearly every word. Non-letters share slots with letters: the lookup
// behind the test is exact, the test only turns words away.
inline constexpr auto kNumberWordShapes = [] {
  std::array<std::uint32_t, 32 * 32> by_ends{};
  const auto slot = [](char first, char last) {
    return static_cast<std::size_t>((static_cast<unsigned char>(first) & 31) * 32 + (static_cast<unsigned char>(last) & 31));
  };
  for (const auto& n : figures_words::kNumberWords) by_ends[slot(n.word.front(), n.word.back())] |= 1u << n.word.size();
  for (const auto& tens : figures_words::kNumberWords)
    for (const auto& ones : figures_words::kNumberWords)
      if (tens.value >= 20 && ones.value < 10)
        by_ends[slot(tens.word.front(), ones.word.back())] |= 1u << (tens.word.size() + 1 + ones.word.size());
  return by_ends;
}();

// False for every word that is no number word (and for nearly all others).
inline bool may_be_number_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 31) return false;
  const auto first = static_cast<unsigned char>(w.front()) & 31, last = static_cast<unsigned char>(w.back()) & 31;
  return kNumberWordShapes[first * 32 + last] & (1u << w.size());
}

std::optional<double> number_word_lookup(std::string_view w);  // once may_be_number_word(w)

inline std::optional<double> number_word(std::string_view w) {  // "six", "Twenty-five"
  return may_be_number_word(w) ? number_word_lookup(w) : std::nullopt;
}
// Whether a paragraph may hold a figure: it has an ASCII digit, or a run of
// ASCII letters after a non-letter that spells a number word (figures.cpp).
bool may_hold_figure(std::string_view paragraph);

// Number shapes, read by hand (figures_shapes.cpp; each follows the
// pattern written above it there).
bool is_plain(std::string_view s);  // "1,800", "34.6"
bool read_range(std::string_view s, std::string_view& low, std::string_view& high);   // "2012-2013", "5–10"
bool read_percent(std::string_view s, std::string_view& number);                      // "45%"
bool read_compound(std::string_view s, std::string_view& number, std::string_view& unit);  // "100-hour", "two-day"
bool is_ordinal(std::string_view s);  // "21st"
std::optional<double> scale_word(std::string_view lower_word);   // "million"
bool money_code(std::string_view w);                    // "EUR", "USD"
double to_double(std::string_view digits);              // "1,800" -> 1800
bool is_plural(std::string_view lower_word);
bool is_count_stop(std::string_view lower_word);  // in kCountStopWords
bool is_verb_form(const Token& w);
bool is_wordy(std::string_view w);
bool is_number_compound(std::string_view w);  // "two-day", "100-hour"
bool is_year(double v, std::string_view core);

// The noun phrase counted, read from token i on; `last` receives the index
// of its final token. `singular_ok` accepts a phrase with no plural noun.
// `whole` keeps every word up to the stop instead of cutting back to the
// last plural (for duration compounds, whose head is often singular).
std::string counted_phrase(const std::vector<Token>& t, std::size_t i, bool singular_ok, std::size_t& last,
                           bool whole = false);

// What an amount of money starting at token i pays for ("an overall budget
// of", "equipment worth"); empty if the sentence does not say.
std::string money_subject(const std::vector<Token>& t, std::size_t i);

// The subject of a percentage given by a linking verb ("Voter turnout was
// 51.34 per cent"), or empty.
std::string percent_subject(const std::vector<Token>& t, std::size_t i);

// The approximator phrase ending right before token i ("up to"): its first
// token, with the phrase in `out`.
std::optional<std::size_t> approximator_before(const std::vector<Token>& t, std::size_t i, std::string& out);

// The figures among one paragraph's tokens (tokenize's), appended to
// `out`, their offsets into `text`. figures_paragraph.cpp.
void read_paragraph(std::string_view text, const std::vector<Token>& t, std::vector<Figure>& out);

}  // namespace winnow::figures_detail
