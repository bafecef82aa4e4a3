// Reading one paragraph's figures: from each number token outwards, in
// steps, each a function below.
//
// The problem. A figure is a number with what surrounds it: a currency
// before it ("EUR 2", "€4.25") or after ("2 million euros"), a hedge ("up
// to"), a scale ("million"), a unit ("per cent"), a second bound ("between
// 5 and 10"), and what it counts ("police officers"). Around the same
// number, other words say it is no figure at all: a reference word ("No.
// 3"), a month (a date), a capitalised name ("Resolution 1325"), "one" as a
// pronoun. figures.cpp holds the decisions (its essay lists them); this file
// applies them in order to one token.
//
// The method. A Reading carries one figure being read: the number's token,
// the first and last tokens it spans, the next token to read (`next`), and
// the Figure built so far. The steps run in the order the words are
// weighed, each returning false when the number turns out to be no figure:
//
//   read_number        the number itself (the token's shape, a currency
//                      written before it), and a currency code before it
//   read_hedge         "up to", "some", "over" (not a verb's particle)
//   is_named_or_dated  references, dates, ratios, names, pronoun "one"
//   read_unit_after    scale word, per cent, a currency written after it
//   read_range_after   "to N", "and N" after "between", with the unit after
//   read_counted       what it counts (money, a share, a noun phrase)
//   settle             the last refusals, a duration's unit
//
// Why steps over one loop: each decision is read, tested and changed where
// it is named; "per cent" is read once (percent_words_at), wherever a unit
// may stand.
//
// Cost: linear in the paragraph's tokens; a token that cannot start a
// figure (most of them: the tokenizer marks the candidates) costs one test,
// and every step looks at a few tokens around its number.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "figures_internal.hpp"
#include "winnow/dates.hpp"
#include "winnow/figures.hpp"

namespace winnow::figures_detail {
namespace {

namespace fw = figures_words;

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

// How many tokens at j spell "per cent" (2), "percent" or "%" (1), or 0.
std::size_t percent_words_at(const std::vector<Token>& t, std::size_t j) {
  const std::string_view l = t[j].lower;
  if (l == "per" && j + 1 < t.size() && !t[j + 1].break_before && t[j + 1].lower == "cent") return 2;
  return l == "percent" || l == "%" ? 1 : 0;
}

// One figure being read from its number token outwards.
struct Reading {
  const std::vector<Token>& t;
  std::size_t i;             // the number's token
  std::string_view core;     // its core
  std::string_view prev;     // the word before it, in the same paragraph
  std::string_view lead_prev;  // the word before the whole amount (currency code included)
  Figure f;
  double value = 0;
  std::size_t first, last, used = 1;
  std::size_t next = 0;      // the first token after what is read so far
  bool singular_ok = false;  // a compound's singular head counts ("four-year plan")
  bool hedged = false;

  Reading(const std::vector<Token>& tokens, std::size_t at)
      : t(tokens), i(at), core(tokens[at].core),
        prev(at > 0 && !tokens[at].break_before ? tokens[at - 1].lower : std::string_view{}), first(at), last(at) {}

  // Whether token k follows the last one read in the same phrase.
  bool continues(std::size_t k) const { return k < t.size() && !t[last].stop_after && !t[k].break_before; }
};

// The number itself, from the token's shape, with a currency written
// before it (fused "€4.25" or a code apart, "EUR 2").
bool read_number(Reading& r) {
  const auto& t = r.t;
  const std::string_view core = r.core;
  // Each shape is tried only when the token has the byte it needs.
  // A hyphen or an en dash (E2 80 93), by a byte loop: find() calls memchr.
  bool dashed = false;
  for (std::size_t k = 0; k < core.size() && !dashed; ++k)
    dashed = core[k] == '-' || (core[k] == '\xE2' && core.substr(k).starts_with("\xE2\x80\x93"));
  const bool suffixed = core.size() > 2 && std::isalpha(static_cast<unsigned char>(core.back())) &&
                        std::isdigit(static_cast<unsigned char>(core.front()));
  if (suffixed && is_ordinal(core)) return false;
  std::string_view number = core;
  for (const auto& c : fw::kCurrencyPrefixes)
    if (core.starts_with(c.spelling) && core.size() > c.spelling.size() &&
        std::isdigit(static_cast<unsigned char>(core[c.spelling.size()]))) {
      r.f.unit = c.code;
      number = core.substr(c.spelling.size());
      break;
    }
  std::string_view a, b, unit_word;
  std::optional<double> value;
  if (number != core) {
    if (is_plain(number)) value = to_double(number);
  } else if (dashed && read_range(core, a, b)) {
    value = to_double(a);
    r.f.max = to_double(b);
    if (is_year(*value, a) && is_year(*r.f.max, b)) return false;
  } else if (core.back() == '%' && read_percent(core, a)) {
    value = to_double(a);
    r.f.unit = "%";
  } else if (dashed && !number_word(core) && read_compound(core, a, unit_word)) {
    auto w = number_word(a);
    if (!w && std::isdigit(static_cast<unsigned char>(a[0]))) w = to_double(a);
    if (!w || !is_wordy(unit_word) || unit_word.size() < 3) return false;
    value = w;
    // Only durations give a unit; "five-member team" counts "team".
    if (in_table<fw::kDurationUnits>(unit_word)) r.f.unit = unit_word;
    r.singular_ok = true;
  } else {
    value = value_at(t, r.i, r.used);
  }
  if (!value) return false;
  r.value = *value;
  r.last = r.i + r.used - 1;
  if (r.f.unit.empty())
    for (const auto& c : fw::kCurrencyPrefixes)
      if (c.spelling.size() == 3 && r.prev.size() == 3 && same_letters(c.spelling, r.prev)) {
        r.f.unit = c.code;
        r.first = r.i - 1;
      }
  r.lead_prev = r.first > 0 && !t[r.first].break_before ? t[r.first - 1].lower : std::string_view{};
  return true;
}

// "up to", "some", "more than" before the amount; "handed over 30 patrol
// cars" is a verb's particle, no hedge.
void read_hedge(Reading& r) {
  const auto& t = r.t;
  std::string approximator;
  if (auto s = approximator_before(t, r.first, approximator)) {
    const bool particle = approximator == "over" && *s > 0 && !t[*s].break_before &&
                          in_table<fw::kOverParticleVerbs>(t[*s - 1].lower);
    if (!particle) {
      r.f.approximator = std::move(approximator);
      r.first = *s;
      r.hedged = true;
    }
  }
}

// Numbers that name or date something rather than count it.
bool is_named_or_dated(const Reading& r) {
  const auto& t = r.t;
  const std::size_t i = r.i, last = r.last;
  const std::string_view prev = r.prev;
  // "one more session": an idiom, not a count.
  if (r.value == 1 && !r.hedged && last + 1 < t.size() && !t[last + 1].break_before && t[last + 1].lower == "more")
    return true;
  // Reference numbers, phone numbers, dates, numbers fused with names.
  if (in_table<fw::kReferenceWords>(prev) || (!prev.empty() && std::isdigit(static_cast<unsigned char>(prev.back()))) ||
      (i > 0 && !t[i].break_before && is_month_name(t[i - 1].core)) ||
      (last + 1 < t.size() && !t[last + 1].break_before && is_month_name(t[last + 1].core)))
    return true;
  // "one in three requests": a ratio.
  if (prev == "in" && i >= 2 && !t[i - 1].break_before &&
      ((t[i - 2].word >= 0) || std::isdigit(static_cast<unsigned char>(t[i - 2].core.empty() ? 'x' : t[i - 2].core.back()))))
    return true;
  const bool possessive = prev.ends_with("'s") || prev.ends_with("\xE2\x80\x99s");  // "the Organization's 57"
  if (!r.hedged && !possessive && i > 0 && !t[i].break_before && !t[i - 1].stop_after && t[i - 1].core.size() > 1 &&
      r.f.unit.empty() && std::isupper(static_cast<unsigned char>(t[i - 1].core[0]))) {
    // "Resolution 1325", "OSCE 2020": a capitalised word glued to a number
    // names something, unless it only starts the sentence.
    // "... 2018 – Only 31 per cent": a dash before the word starts a sentence too.
    const bool sentence_start = i == 1 || t[i - 1].break_before || t[i - 2].stop_after || t[i - 2].core == "-" ||
                                t[i - 2].core == "\xE2\x80\x93" || t[i - 2].core == "\xE2\x80\x94";
    if (!sentence_start) return true;
  }
  return (r.core == "one" || r.core == "One") && in_table<fw::kOnePronounBefore>(prev);
}

// A scale word, then a per cent or a currency written after the amount.
void read_unit_after(Reading& r) {
  const auto& t = r.t;
  std::size_t& j = r.next;
  j = r.last + 1;
  if (r.continues(j))
    if (auto s = scale_word(t[j].lower)) {
      r.value *= *s;
      if (r.f.max) *r.f.max *= *s;
      r.last = j++;
    }
  if (!r.continues(j)) return;
  if (std::size_t n = percent_words_at(t, j)) {
    r.f.unit = "%";
    r.last = j + n - 1;
    j += n;
    return;
  }
  if (!r.f.unit.empty() || t[j].core.empty() || !kCurrencySuffixStarts[static_cast<unsigned char>(t[j].core[0])]) return;
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
      r.f.unit = c.code;
      r.last = j + n - 1;
      j += n;
      return;
    }
  }
}

// "between 5 and 10", "from 5 to 10", "5 to 10", then the unit a range
// puts after it ("between 2 and 5 per cent"). False for a range of years,
// with `skip_to` the token to go on from.
bool read_range_after(Reading& r, std::size_t& skip_to) {
  const auto& t = r.t;
  std::size_t& j = r.next;
  if (!r.f.max && j + 1 < t.size() && r.continues(j)) {
    const std::string_view l = t[j].lower;
    std::size_t used2 = 1;
    const bool joiner = l == "to" || (l == "and" && r.lead_prev == "between");
    // "between EUR 2,000 and EUR 5,000": the currency may be repeated.
    std::size_t k = j + 1;
    if (money_code(t[k].core) && k + 1 < t.size()) ++k;
    if (joiner && !t[j + 1].break_before && !t[k].break_before)
      if (auto m = value_at(t, k, used2)) {
        if (is_year(r.value, r.core) && is_year(*m, t[j + 1].core)) {
          skip_to = j + 1;
          return false;
        }
        // A range rises: "USD 210,000 to four border checkpoints" is not one.
        if (*m > r.value) {
          r.f.max = *m;
          if ((r.lead_prev == "between" || r.lead_prev == "from") && r.first > 0) --r.first;
          r.last = k + used2 - 1;
          j = r.last + 1;
        }
      }
  }
  if (r.f.max && r.f.unit.empty() && r.continues(j))
    if (std::size_t n = percent_words_at(t, j)) {
      r.f.unit = "%";
      r.last = j + n - 1;
      j += n;
    }
  return true;
}

// What the figure counts: what a sum pays for, the whole a share is of, or
// the noun phrase after the number ("at least three of the NGOs" too).
std::string read_counted(Reading& r, bool money) {
  const auto& t = r.t;
  std::size_t& j = r.next;
  // "7 out of 10 women journalists": 7 counts what 10 would.
  if (!t[r.last].stop_after && j + 2 < t.size() && !t[j].break_before && !t[j + 2].break_before &&
      t[j].lower == "out" && !t[j + 1].break_before && t[j + 1].lower == "of") {
    std::size_t used3 = 1;
    if (value_at(t, j + 2, used3)) j += 2 + used3;
  }
  std::string counts;
  if (money) {
    counts = money_subject(t, r.first);
  } else if (r.f.unit == "%") {
    if (j < t.size() && !t[j].break_before && t[j].lower == "of" && !t[r.last].stop_after) {
      std::size_t k = j + 1;
      // "3 per cent of a regional budget": a share of one thing takes "a" too.
      if (k < t.size() && !t[k].break_before &&
          (in_table<fw::kDeterminers>(t[k].lower) || t[k].lower == "a" || t[k].lower == "an"))
        ++k;
      std::size_t end = r.last;
      counts = counted_phrase(t, k, true, end);
      if (!counts.empty()) r.last = end;
    }
    if (counts.empty()) counts = percent_subject(t, r.first);
  } else if (!t[r.last].stop_after && j < t.size()) {
    std::size_t end = r.last;
    counts = counted_phrase(t, j, r.singular_ok || r.value == 1, end, r.singular_ok);
    // Partitive: "at least three of the NGOs". Not for an unhedged "one",
    // which is nearly always "one of the ..." in the sense of "a".
    if (counts.empty() && j + 1 < t.size() && !t[j].break_before && t[j].lower == "of" && (r.hedged || r.value > 1)) {
      std::size_t k = j + 1;
      if (!t[k].break_before && in_table<fw::kDeterminers>(t[k].lower)) ++k;
      counts = counted_phrase(t, k, false, end);
    }
    if (!counts.empty()) r.last = end;
  }
  return counts;
}

// The refusals that need the counted phrase, and a duration's unit ("two
// years" counts years and has them as its unit).
bool settle(Reading& r, std::string_view counts, bool money) {
  const auto& t = r.t;
  const std::size_t last = r.last;
  // A number with nothing counted is kept only when it is plainly a
  // quantity: money, a percentage, a range or a hedged amount ("aged
  // between 18 and 30", "fewer than 20 of the 400 women").
  if (counts.empty() && !money && r.f.unit != "%" && !r.f.max && !r.hedged) return false;
  if (counts.empty() && !r.f.unit.empty() && !money && r.f.unit != "%") return false;  // "a 100-hour" alone
  if (r.value == 1 && !r.hedged && last + 3 < t.size() && t[last + 1].lower == "at" && t[last + 2].lower == "a" &&
      (t[last + 3].lower == "time" || t[last + 3].lower == "time."))
    return false;  // "one patrol at a time"
  // The counted phrase against lower-case words, compared in place.
  if (same_letters(counts, "times")) return false;  // "3.5 times more": a ratio
  if (std::any_of(fw::kFractions.begin(), fw::kFractions.end(), [&](std::string_view w) { return same_letters(counts, w); }))
    return false;  // "two thirds": a fraction
  if (r.f.unit.empty()) {
    for (std::string_view u : fw::kDurationUnits)
      if (same_letters(counts, u) || (counts.size() == u.size() + 1 && same_letters(counts.substr(0, u.size()), u) &&
                                      (counts.back() == 's' || counts.back() == 'S')))
        r.f.unit = u;
    // "over four days", "over the next two years": a preposition of time;
    // "for over 20 years" is a hedge.
    const bool after_for = r.first > 0 && !t[r.first].break_before && t[r.first - 1].lower == "for";
    if (!r.f.unit.empty() && r.f.approximator == "over" && !after_for) r.f.approximator.clear();
  }
  return true;
}

}  // namespace

void read_paragraph(std::string_view text, const std::vector<Token>& t, std::vector<Figure>& out) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    // Most tokens are words: only digits, currency signs and number words
    // (alone or before a hyphen) can start a figure; the tokenizer marked
    // those.
    if (!t[i].candidate) continue;
    Reading r(t, i);
    if (!read_number(r)) continue;
    read_hedge(r);
    if (is_named_or_dated(r)) continue;
    read_unit_after(r);
    std::size_t skip_to = i;
    if (!read_range_after(r, skip_to)) {
      i = skip_to;
      continue;
    }
    if (is_year(r.value, r.core) && r.f.unit.empty() && !r.hedged) continue;
    if (r.f.max && r.last + 1 < t.size() && !t[r.last + 1].break_before && is_month_name(t[r.last + 1].core))
      continue;  // "from 5 to 9 April"
    const bool money = r.f.unit.size() == 3 && std::isupper(static_cast<unsigned char>(r.f.unit[0]));
    std::string counts = read_counted(r, money);
    if (!settle(r, counts, money)) continue;
    Figure& f = r.f;
    f.value = r.value;
    f.counts = std::move(counts);
    f.begin = static_cast<std::size_t>(t[r.first].core.data() - text.data());
    f.end = static_cast<std::size_t>(t[r.last].core.data() + t[r.last].core.size() - text.data());
    f.text = std::string(text.substr(f.begin, f.end - f.begin));
    // A compound inside the counted phrase is read again on its own.
    std::size_t resume = r.last;
    for (std::size_t k = i + r.used; k <= r.last && k < t.size(); ++k)
      if (k > i && is_number_compound(t[k].core)) {
        resume = k - 1;
        break;
      }
    out.push_back(std::move(f));
    i = resume;
  }
}

}  // namespace winnow::figures_detail
