// Figures: the numbers in a release, with what they count.
//
// The problem. "The series of 72 training and networking meetings for up to
// 1,800 police officers will take place in 12 regions" holds three figures,
// each with a hedge ("up to"), a value and a counted noun phrase. The same
// prose is full of numbers that are not quantities: years ("2008", "The 2014
// efforts"), dates ("16 July 2008"), times, phone numbers, document numbers
// ("PC.DEC/1234", "Decision No. 3"), ordinals, and "one" used as a pronoun
// ("one of the more active areas").
//
// The method. The text is cut into whitespace-separated tokens whose
// surrounding punctuation is remembered (a comma or full stop after a token
// ends any noun phrase). A plain or grouped number ("1,800", "816 000",
// "34.6") and the rarer cores, a range ("5-10"), a percentage ("15%"), a
// compound ("100-hour", "one-day") or an ordinal, are read by hand
// (figures_shapes.cpp, each checked against its RE2 pattern in the tests);
// a number word comes from figures_words.hpp. From a number we read forward (scale words,
// currency, "per cent", "and/to N" for ranges, then the counted noun phrase)
// and backward (currency codes, approximators, reference words, months).
//
// This file reads the numbers; figures_phrases.cpp reads the words around
// them. The counted noun phrase is taken greedily up to a stop word or
// punctuation, skipping comparatives ("six more regions" counts "regions"),
// then cut back to its last plural noun, which drops trailing verbs ("200
// officers passing the exam" counts "officers"). Duration compounds keep a
// singular head ("four-year plan"). Money counts what the sum pays for when
// the sentence says so ("an overall budget of 550,000 euros" counts "overall
// budget", "equipment worth €45,000" counts "equipment"), else nothing; a
// percentage counts its "of" phrase; a partitive counts what follows "of the"
// ("at least three of the NGOs").
//
// Decisions, all on the side of precision:
//  - a bare integer from 1900 to 2100 is a year unless hedged ("some 2000
//    people"); years are never figures;
//  - a number next to a month name is part of a date;
//  - a number after a reference word ("No.", "Article"), after or before
//    another bare number (phone numbers), or fused with letters or slashes
//    is not a figure;
//  - a plain number with no counted noun phrase and no unit is dropped,
//    unless it is hedged or a range ("fewer than 20 of the 400", "aged
//    between 18 and 30"), which are plainly quantities;
//  - "over" before a duration is a preposition ("over the next two years"),
//    not a hedge; "N times" is a ratio and is dropped;
//  - a capitalised word glued before a number names something ("Resolution
//    1325") unless it starts the sentence or is a hedge;
//  - "one-day training courses" is a duration compound: value 1, unit "day",
//    counts "training courses"; "the next two years" is value 2, unit "year",
//    counts "years" (a duration with the unit as its own noun);
//  - ordinals ("first", "1st") are never figures.
//
// Paragraphs are read one at a time and a figure never reads across a
// paragraph break, so a paragraph that cannot hold a figure is skipped
// before it is tokenized: every figure's number is a token holding an ASCII
// digit or one whose core starts with a number word, so a paragraph with no
// digit and no run of letters spelling a number word holds none
// (may_hold_figure). In a release most paragraphs are such.
//
// Cost: one pass over the text, sixteen bytes at a time (digits and the
// starts of letter runs as SSE2 bit masks; only runs whose first three
// letters begin a number word are looked up), then one pass over the
// tokens of the paragraphs that hold a candidate; each number looks at a
// bounded window of neighbours, so the whole is linear in the text. The
// tokenizer marks the tokens that may start a figure, so the token loop
// turns words away with one test, and the commonest per-number tests (a
// plain number, an approximator's last word, a currency suffix, a scale
// word, a month) cost no regular expression and no allocation, most of them one
// table test. On the seeds (about 70k instructions a page) the tokenizer
// (figures_tokens.cpp) is 39% of the pass, reading the tokens 42% and the
// paragraph filter most of the rest: whole paragraphs are still tokenized, not the
// sentences around the numbers; a window around each candidate would save
// little, since on the seeds 90% of a candidate paragraph's tokens lie
// within a figure's reach of one.
#include "winnow/figures.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "deadline.hpp"
#include "figures_internal.hpp"
#include "winnow/dates.hpp"

namespace winnow {
namespace {

namespace fw = figures_words;
using namespace figures_detail;

// Whether a paragraph may hold a figure: every figure's number is a token
// holding an ASCII digit or one whose core starts with a number word ("six",
// "Twenty-five", "two-day"), and a core starts after a non-letter, so a
// paragraph with no digit and no whole run of letters spelling a number
// word holds none.
// Letters (1), ASCII digits (2), and letters that can start a number word
// (3: "o", "t", "f", "s", "e", "n", "d", either case), by table for
// may_hold_figure's byte loop.
constexpr auto kScanClass = [] {
  std::array<std::uint8_t, 256> c{};
  for (int b = 'a'; b <= 'z'; ++b) c[b] = c[b - 'a' + 'A'] = 1;
  for (int b = '0'; b <= '9'; ++b) c[b] = 2;
  for (const auto& n : fw::kNumberWords) c[static_cast<unsigned char>(n.word[0])] = c[n.word[0] - 'a' + 'A'] = 3;
  return c;
}();

// The first three letters of every number word (the hyphenated ones start
// with a tens word), by their low five bits: a bit set of 2^15 keys.
std::size_t prefix_key(const unsigned char* b) {
  return static_cast<std::size_t>((b[0] & 31) << 10 | (b[1] & 31) << 5 | (b[2] & 31));
}
constexpr auto kNumberWordPrefixes = [] {
  std::array<std::uint64_t, (1 << 15) / 64> bits{};
  for (const auto& n : fw::kNumberWords) {
    const std::size_t key = static_cast<std::size_t>((n.word[0] & 31) << 10 | (n.word[1] & 31) << 5 | (n.word[2] & 31));
    bits[key / 64] |= std::uint64_t{1} << (key % 64);
  }
  return bits;
}();

// Whether a run of letters starting at `b` (before `end`) may spell a
// number word: its first letter can start one (kScanClass 3) and its first
// three bytes begin one. "the" and "of" are turned away by that ("for"
// passes: "forty"). Inline: it is asked at most word starts.
[[gnu::always_inline]] inline bool may_start_number_word(const unsigned char* b, const unsigned char* end) {
  if (kScanClass[*b] != 3 || end - b < 3) return false;
  const std::size_t key = prefix_key(b);
  return kNumberWordPrefixes[key / 64] >> (key % 64) & 1;
}

// Whether the run of letters starting at `b`, which may_start_number_word
// let through, spells a number word.
bool number_word_run(const unsigned char* b, const unsigned char* end) {
  const auto* p = b;
  while (++p < end && (kScanClass[*p] & 1)) {}
  const auto n = static_cast<std::size_t>(p - b);
  return n >= 3 && n <= 9 && number_word(std::string_view(reinterpret_cast<const char*>(b), n));
}

}  // namespace

bool figures_detail::may_hold_figure(std::string_view para) {
  const auto* p = reinterpret_cast<const unsigned char*>(para.data());
  const auto* const end = p + para.size();
#if defined(__SSE2__)
  // Sixteen bytes at a time: a paragraph's bytes are mostly letters and
  // spaces, and a byte loop spends about five instructions on each. Each
  // block gives its digits (any: done) and the starts of its letter runs
  // (a letter after a non-letter) as bit masks; only the starts are looked
  // at, and only those whose first letter can start a number word are
  // looked up.
  unsigned letter_before = 0;  // the last block's last byte is a letter
  const __m128i case_bit = _mm_set1_epi8(0x20);
  auto in_range = [](__m128i x, char lo, int span) {  // x - lo < span, as unsigned bytes
    return _mm_cmplt_epi8(_mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo + 128))),
                          _mm_set1_epi8(static_cast<char>(-128 + span)));
  };
  for (; end - p >= 16; p += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    if (_mm_movemask_epi8(in_range(x, '0', 10))) return true;
    const auto letters = static_cast<unsigned>(_mm_movemask_epi8(in_range(_mm_or_si128(x, case_bit), 'a', 26)));
    for (unsigned starts = letters & ~(letters << 1 | letter_before); starts; starts &= starts - 1)
      if (const auto* b = p + std::countr_zero(starts); may_start_number_word(b, end) && number_word_run(b, end))
        return true;
    letter_before = letters >> 15;
  }
  // The tail by bytes; a run begun in the last block was read whole.
  if (letter_before)
    while (p < end && (kScanClass[*p] & 1)) ++p;
#endif
  while (p < end) {
    // Non-letters up to the next letter run or digit.
    std::uint8_t c = 0;
    while (p < end && (c = kScanClass[*p]) == 0) ++p;
    if (p == end) return false;
    if (c == 2) return true;
    if (c == 3 && may_start_number_word(p, end) && number_word_run(p, end)) return true;
    while (++p < end && (kScanClass[*p] & 1)) {}
  }
  return false;
}

std::vector<Figure> find_figures(std::string_view text) {
  // Kept by the thread from page to page: after the first pages no
  // paragraph allocates.
  thread_local TokenizerBuffers buffers;
  thread_local std::vector<Token> tokens;
  std::vector<Figure> out;
  for (std::size_t pos = 0; pos <= text.size();) {
    poll_deadline();
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (may_hold_figure(text.substr(pos, nl - pos))) {
      tokenize(text, pos, nl, buffers, tokens);
      read_paragraph(text, tokens, out);
    }
    pos = nl + 1;
  }
  return out;
}

}  // namespace winnow
