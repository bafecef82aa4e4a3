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

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_three_digits(std::string_view s) { return s.size() == 3 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]); }

// The first bytes of the currencies written after an amount: the word
// after a number is compared with the sixteen spellings only if it could
// start one.
constexpr auto kCurrencySuffixStarts = [] {
  std::array<bool, 256> starts{};
  for (const auto& c : fw::kCurrencySuffixes) starts[static_cast<unsigned char>(c.spelling[0])] = true;
  return starts;
}();

// The value of token i if it is a number, with how many tokens it used.
std::optional<double> value_at(const std::vector<Token>& t, std::size_t i, std::size_t& used) {
  used = 1;
  if (is_plain(t[i].core)) {
    double v = to_double(t[i].core);
    // "816 000": digit groups separated by spaces.
    while (t[i].core.size() <= 3 && t[i].core.find(',') == std::string_view::npos &&
           i + used < t.size() && !t[i + used - 1].stop_after && !t[i + used].break_before &&
           is_three_digits(t[i + used].core)) {
      v = v * 1000 + to_double(t[i + used].core);
      ++used;
    }
    return v;
  }
  if (t[i].word >= 0) {
    if (i + 1 < t.size() && !t[i].stop_after && !t[i + 1].break_before && t[i + 1].lower == "hundred") {
      ++used;
      return t[i].word * 100;
    }
    return t[i].word;
  }
  return std::nullopt;
}


// The figures among one paragraph's tokens, appended to `out`.
void read_paragraph(std::string_view text, const std::vector<Token>& t, std::vector<Figure>& out) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    // Most tokens are words: only digits, currency signs and number words
    // (alone or before a hyphen) can start a figure; the tokenizer marked
    // those.
    if (!t[i].candidate) continue;
    std::string_view core = t[i].core;
    // Each shape is tried only when the token has the byte it needs.
    // A hyphen or an en dash (E2 80 93), by a byte loop: find() calls memchr.
    bool dashed = false;
    for (std::size_t k = 0; k < core.size() && !dashed; ++k)
      dashed = core[k] == '-' || (core[k] == '\xE2' && core.substr(k).starts_with("\xE2\x80\x93"));
    const bool suffixed = core.size() > 2 && std::isalpha(static_cast<unsigned char>(core.back())) &&
                          std::isdigit(static_cast<unsigned char>(core.front()));
    if (suffixed && is_ordinal(core)) continue;
    Figure f;
    std::size_t first = i, last = i, used = 1;
    bool singular_ok = false, hedged = false;
    const std::string_view prev = i > 0 && !t[i].break_before ? t[i - 1].lower : std::string_view{};
    // Currency written before the amount, fused ("€4.25") or apart ("EUR 2").
    std::string_view number = core;
    for (const auto& c : fw::kCurrencyPrefixes)
      if (core.starts_with(c.spelling) && core.size() > c.spelling.size() &&
          std::isdigit(static_cast<unsigned char>(core[c.spelling.size()]))) {
        f.unit = c.code;
        number = core.substr(c.spelling.size());
        break;
      }
    std::string_view a, b, unit_word;
    std::optional<double> value;
    if (number != core) {
      if (is_plain(number)) value = to_double(number);
    } else if (dashed && read_range(core, a, b)) {
      value = to_double(a);
      f.max = to_double(b);
      if (is_year(*value, a) && is_year(*f.max, b)) continue;
    } else if (core.back() == '%' && read_percent(core, a)) {
      value = to_double(a);
      f.unit = "%";
    } else if (dashed && !number_word(core) && read_compound(core, a, unit_word)) {
      auto w = number_word(a);
      if (!w && std::isdigit(static_cast<unsigned char>(a[0]))) w = to_double(a);
      if (!w || !is_wordy(unit_word) || unit_word.size() < 3) continue;
      value = w;
      // Only durations give a unit; "five-member team" counts "team".
      if (in_table<fw::kDurationUnits>(unit_word)) f.unit = unit_word;
      singular_ok = true;
    } else {
      value = value_at(t, i, used);
    }
    if (!value) continue;
    last = i + used - 1;
    if (f.unit.empty()) {
      for (const auto& c : fw::kCurrencyPrefixes)
        if (c.spelling.size() == 3 && prev.size() == 3 && same_letters(c.spelling, prev)) {
          f.unit = c.code;
          first = i - 1;
        }
    }
    // The word before the whole amount (currency code included).
    const std::string_view lead_prev = first > 0 && !t[first].break_before ? t[first - 1].lower : std::string_view{};
    std::string approximator;
    if (auto s = approximator_before(t, first, approximator)) {
      // "handed over 30 patrol cars": the particle of a verb, no hedge.
      const bool particle = approximator == "over" && *s > 0 && !t[*s].break_before &&
                            in_table<fw::kOverParticleVerbs>(t[*s - 1].lower);
      if (!particle) {
        f.approximator = std::move(approximator);
        first = *s;
        hedged = true;
      }
    }
    // "one more session", "one patrol at a time": idioms, not counts.
    if (*value == 1 && !hedged && last + 1 < t.size() && !t[last + 1].break_before && t[last + 1].lower == "more")
      continue;
    // Reference numbers, phone numbers, dates, numbers fused with names.
    if (in_table<fw::kReferenceWords>(prev) || (!prev.empty() && std::isdigit(static_cast<unsigned char>(prev.back()))) ||
        (i > 0 && !t[i].break_before && is_month_name(t[i - 1].core)) ||
        (last + 1 < t.size() && !t[last + 1].break_before && is_month_name(t[last + 1].core)))
      continue;
    // "one in three requests": a ratio.
    if (prev == "in" && i >= 2 && !t[i - 1].break_before && ((t[i - 2].word >= 0) ||
        std::isdigit(static_cast<unsigned char>(t[i - 2].core.empty() ? 'x' : t[i - 2].core.back()))))
      continue;
    const bool possessive = prev.ends_with("'s") || prev.ends_with("\xE2\x80\x99s");  // "the Organization's 57"
    if (!hedged && !possessive && i > 0 && !t[i].break_before && !t[i - 1].stop_after && t[i - 1].core.size() > 1 &&
        f.unit.empty() && std::isupper(static_cast<unsigned char>(t[i - 1].core[0]))) {
      // "Resolution 1325", "OSCE 2020": a capitalised word glued to a number
      // names something, unless it only starts the sentence.
      // "... 2018 – Only 31 per cent": a dash before the word starts a sentence too.
      bool sentence_start = i == 1 || t[i - 1].break_before || t[i - 2].stop_after || t[i - 2].core == "-" ||
                            t[i - 2].core == "\xE2\x80\x93" || t[i - 2].core == "\xE2\x80\x94";
      if (!sentence_start) continue;
    }
    if (core == "one" || core == "One") {
      if (in_table<fw::kOnePronounBefore>(prev)) continue;
    }
    // Scale, percent, currency after the number.
    std::size_t j = last + 1;
    if (j < t.size() && !t[last].stop_after && !t[j].break_before)
      if (auto s = scale_word(t[j].lower)) {
        *value *= *s;
        if (f.max) *f.max *= *s;
        last = j++;
      }
    if (j < t.size() && !t[last].stop_after && !t[j].break_before) {
      auto l = t[j].lower;
      if (l == "per" && j + 1 < t.size() && !t[j + 1].break_before && t[j + 1].lower == "cent") {
        f.unit = "%";
        last = j + 1;
        j += 2;
      } else if (l == "percent" || l == "%") {
        f.unit = "%";
        last = j++;
      } else if (f.unit.empty() && !t[j].core.empty() && kCurrencySuffixStarts[static_cast<unsigned char>(t[j].core[0])]) {
        for (const auto& c : fw::kCurrencySuffixes) {
          // The spelling's words against the tokens from j on, in place.
          std::size_t n = 0;
          bool same = true;
          for (std::size_t pos = 0; same && pos <= c.spelling.size(); ++n) {
            auto sp = c.spelling.find(' ', pos);
            if (sp == std::string_view::npos) sp = c.spelling.size();
            const std::size_t k = j + n;
            same = k < t.size() && (n == 0 || !t[k].break_before) && t[k].core == c.spelling.substr(pos, sp - pos);
            pos = sp + 1;
          }
          if (same) {
            f.unit = c.code;
            last = j + n - 1;
            j += n;
            break;
          }
        }
      }
    }
    // Ranges: "between 5 and 10", "from 5 to 10", "5 to 10".
    if (!f.max && j + 1 < t.size() && !t[last].stop_after && !t[j].break_before) {
      auto l = t[j].lower;
      std::size_t used2 = 1;
      bool joiner = l == "to" || (l == "and" && lead_prev == "between");
      // "between EUR 2,000 and EUR 5,000": the currency may be repeated.
      std::size_t k = j + 1;
      if (money_code(t[k].core) && k + 1 < t.size()) ++k;
      if (joiner && !t[j + 1].break_before && !t[k].break_before)
        if (auto m = value_at(t, k, used2)) {
          if (is_year(*value, core) && is_year(*m, t[j + 1].core)) {
            i = j + 1;
            continue;
          }
          // A range rises: "USD 210,000 to four border checkpoints" is not one.
          if (*m > *value) {
            f.max = *m;
            if ((lead_prev == "between" || lead_prev == "from") && first > 0) --first;
            last = k + used2 - 1;
            j = last + 1;
          }
        }
    }
    // "between 2 and 5 per cent": the unit follows the range.
    if (f.max && f.unit.empty() && j < t.size() && !t[last].stop_after && !t[j].break_before) {
      auto l = t[j].lower;
      if (l == "per" && j + 1 < t.size() && !t[j + 1].break_before && t[j + 1].lower == "cent") {
        f.unit = "%";
        last = j + 1;
        j += 2;
      } else if (l == "percent") {
        f.unit = "%";
        last = j++;
      }
    }
    if (is_year(*value, core) && f.unit.empty() && !hedged) continue;
    if (f.max && last + 1 < t.size() && !t[last + 1].break_before && is_month_name(t[last + 1].core)) continue;  // "from 5 to 9 April"
    // "7 out of 10 women journalists": 7 counts what 10 would.
    if (!t[last].stop_after && j + 2 < t.size() && !t[j].break_before && !t[j + 2].break_before &&
        t[j].lower == "out" && !t[j + 1].break_before && t[j + 1].lower == "of") {
      std::size_t used3 = 1;
      if (value_at(t, j + 2, used3)) j += 2 + used3;
    }
    // What is counted.
    std::string counts;
    const bool money = f.unit.size() == 3 && std::isupper(static_cast<unsigned char>(f.unit[0]));
    if (money) {
      counts = money_subject(t, first);
    } else if (f.unit == "%") {
      if (j < t.size() && !t[j].break_before && t[j].lower == "of" && !t[last].stop_after) {
        std::size_t k = j + 1;
        // "3 per cent of a regional budget": a share of one thing takes "a" too.
        if (k < t.size() && !t[k].break_before &&
            (in_table<fw::kDeterminers>(t[k].lower) || t[k].lower == "a" || t[k].lower == "an"))
          ++k;
        std::size_t end = last;
        counts = counted_phrase(t, k, true, end);
        if (!counts.empty()) last = end;
      }
      if (counts.empty()) counts = percent_subject(t, first);
    } else if (!t[last].stop_after && j < t.size()) {
      std::size_t end = last;
      counts = counted_phrase(t, j, singular_ok || *value == 1, end, singular_ok);
      // Partitive: "at least three of the NGOs". Not for an unhedged "one",
      // which is nearly always "one of the ..." in the sense of "a".
      if (counts.empty() && j + 1 < t.size() && !t[j].break_before && t[j].lower == "of" && (hedged || *value > 1)) {
        std::size_t k = j + 1;
        if (!t[k].break_before && in_table<fw::kDeterminers>(t[k].lower)) ++k;
        counts = counted_phrase(t, k, false, end);
      }
      if (!counts.empty()) last = end;
    }
    // A number with nothing counted is kept only when it is plainly a
    // quantity: money, a percentage, a range or a hedged amount ("aged
    // between 18 and 30", "fewer than 20 of the 400 women").
    if (counts.empty() && !money && f.unit != "%" && !f.max && !hedged) continue;
    if (counts.empty() && !f.unit.empty() && !money && f.unit != "%") continue;  // "a 100-hour" alone
    if (*value == 1 && !hedged && last + 3 < t.size() && t[last + 1].lower == "at" && t[last + 2].lower == "a" &&
        (t[last + 3].lower == "time" || t[last + 3].lower == "time."))
      continue;  // "one patrol at a time"
    // The counted phrase against lower-case words, compared in place.
    if (same_letters(counts, "times")) continue;  // "3.5 times more": a ratio
    if (std::any_of(fw::kFractions.begin(), fw::kFractions.end(),
                    [&](std::string_view w) { return same_letters(counts, w); }))
      continue;  // "two thirds": a fraction
    if (f.unit.empty()) {
      // "two years": a duration whose unit is its own noun.
      const std::string_view l = counts;
      for (std::string_view u : fw::kDurationUnits)
        if (same_letters(l, u) ||
            (l.size() == u.size() + 1 && same_letters(l.substr(0, u.size()), u) && (l.back() == 's' || l.back() == 'S')))
          f.unit = u;
      // "over four days", "over the next two years": a preposition of time;
      // "for over 20 years" is a hedge.
      const bool after_for = first > 0 && !t[first].break_before && t[first - 1].lower == "for";
      if (!f.unit.empty() && f.approximator == "over" && !after_for) f.approximator.clear();
    }
    f.value = *value;
    f.counts = std::move(counts);
    f.begin = static_cast<std::size_t>(t[first].core.data() - text.data());
    f.end = static_cast<std::size_t>(t[last].core.data() + t[last].core.size() - text.data());
    f.text = std::string(text.substr(f.begin, f.end - f.begin));
    // A compound inside the counted phrase is read again on its own.
    std::size_t resume = last;
    for (std::size_t k = i + used; k <= last && k < t.size(); ++k)
      if (k > i && is_number_compound(t[k].core)) {
        resume = k - 1;
        break;
      }
    out.push_back(std::move(f));
    i = resume;
  }
}

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
