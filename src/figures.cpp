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
// ends any noun phrase). A small set of RE2 shapes classifies a token's core:
// a plain or grouped number ("1,800", "816 000", "34.6"), a range ("5-10"),
// a percentage ("15%"), a compound ("100-hour", "one-day"), or a number word
// from figures_words.hpp. From a number we read forward (scale words,
// currency, "per cent", "and/to N" for ranges, then the counted noun phrase)
// and backward (currency codes, approximators, reference words, months).
//
// The counted noun phrase is taken greedily up to a stop word or punctuation,
// skipping comparatives ("six more regions" counts "regions"), then cut back
// to its last plural noun, which drops trailing verbs ("200 officers passing
// the exam" counts "officers"). Duration compounds keep a singular head
// ("four-year plan"). Money counts what the sum is "of" ("an overall budget of
// 550,000 euros" counts "overall budget").
//
// Decisions, all on the side of precision:
//  - a bare integer from 1900 to 2100 is a year unless hedged ("some 2000
//    people"); years are never figures;
//  - a number next to a month name is part of a date;
//  - a number after a reference word ("No.", "Article"), after or before
//    another bare number (phone numbers), or fused with letters or slashes
//    is not a figure;
//  - a plain number with no counted noun phrase and no unit is dropped;
//  - "one-day training courses" is a duration compound: value 1, unit "day",
//    counts "training courses"; "the next two years" is value 2, unit "year",
//    counts "years" (a duration with the unit as its own noun);
//  - ordinals ("first", "1st") are never figures.
//
// Cost: one pass over the tokens; each number looks at a bounded window of
// neighbours, so the whole is linear in the text.
#include "winnow/figures.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include <re2/re2.h>

#include "figures_words.hpp"
#include "winnow/dates.hpp"

namespace winnow {
namespace {

namespace fw = figures_words;

struct Token {
  std::size_t begin = 0, end = 0;  // core, without surrounding punctuation
  std::string_view core;
  bool stop_after = false;   // followed by , . ; : ! ? ) or a closing quote
  bool break_before = false; // first token of a paragraph
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::size_t pos = 0;
  bool newline = true;
  while (pos < text.size()) {
    if (is_space(text[pos])) {
      newline = newline || text[pos] == '\n';
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && !is_space(text[end])) ++end;
    std::size_t b = pos, e = end;
    auto strip_front = [&](std::string_view mark) {
      if (text.substr(b, e - b).starts_with(mark)) { b += mark.size(); return true; }
      return false;
    };
    while (b < e && (strip_front("\"") || strip_front("(") || strip_front("'") ||
                     strip_front("\xE2\x80\x9C") || strip_front("\xE2\x80\x98") || strip_front("["))) {}
    bool stop = false;
    for (bool more = true; more && e > b;) {
      auto tail = text.substr(b, e - b);
      more = false;
      for (std::string_view mark : {",", ".", ";", ":", "!", "?", ")", "]", "\"", "'",
                                    "\xE2\x80\x9D", "\xE2\x80\x99"})
        if (tail.ends_with(mark)) {
          e -= mark.size();
          stop = more = true;
          break;
        }
    }
    out.push_back({b, e, text.substr(b, e - b), stop, newline});
    newline = false;
    pos = end;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <class Table>
bool in_table(const Table& table, std::string_view word) {
  for (std::string_view w : table)
    if (w == word) return true;
  return false;
}

bool same_letters(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != lower_b[i]) return false;
  return true;
}

std::optional<double> number_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 20) return std::nullopt;
  for (const auto& n : fw::kNumberWords)
    if (same_letters(w, n.word)) return n.value;
  if (w.find('-') == std::string_view::npos) return std::nullopt;
  auto l = lower(w);
  // "twenty-five"
  auto dash = l.find('-');
  if (dash != std::string::npos) {
    auto tens = number_word(std::string_view(l).substr(0, dash));
    auto ones = number_word(std::string_view(l).substr(dash + 1));
    if (tens && ones && *tens >= 20 && *ones < 10) return *tens + *ones;
  }
  return std::nullopt;
}

std::optional<double> scale_word(std::string_view w) {
  auto l = lower(w);
  for (const auto& s : fw::kScales)
    if (s.word == l) return s.value;
  return std::nullopt;
}

struct Shapes {
  RE2 plain{R"((\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?)"};
  RE2 three_digits{R"(\d{3})"};
  RE2 range{R"((\d+(?:,\d{3})*)(?:-|–)(\d+(?:,\d{3})*))"};
  RE2 percent{R"((\d+(?:\.\d+)?)%)"};
  RE2 compound{R"(([0-9]+|[A-Za-z]+(?:-[a-z]+)?)-([a-z]+?)s?(?:-long|-old)?)"};
  RE2 ordinal{R"(\d+(?:st|nd|rd|th))"};
};

const Shapes& shapes() {
  static const Shapes s;
  return s;
}

bool money_code(std::string_view w) {
  for (const auto& c : fw::kCurrencyPrefixes)
    if (c.spelling == w && c.spelling.size() == 3) return true;
  return false;
}

double to_double(std::string_view digits) {
  std::string clean;
  for (char c : digits)
    if (c != ',' && c != ' ') clean += c;
  double v = 0;
  std::from_chars(clean.data(), clean.data() + clean.size(), v);
  return v;
}

// The value of token i if it is a number, with how many tokens it used.
std::optional<double> value_at(const std::vector<Token>& t, std::size_t i, std::size_t& used) {
  const Shapes& re = shapes();
  re2::StringPiece core(t[i].core.data(), t[i].core.size());
  used = 1;
  if (RE2::FullMatch(core, re.plain)) {
    double v = to_double(t[i].core);
    // "816 000": digit groups separated by spaces.
    while (t[i].core.size() <= 3 && t[i].core.find(',') == std::string_view::npos &&
           i + used < t.size() && !t[i + used - 1].stop_after &&
           RE2::FullMatch(re2::StringPiece(t[i + used].core.data(), t[i + used].core.size()), re.three_digits)) {
      v = v * 1000 + to_double(t[i + used].core);
      ++used;
    }
    return v;
  }
  if (auto w = number_word(t[i].core)) {
    if (i + 1 < t.size() && !t[i].stop_after && lower(t[i + 1].core) == "hundred") {
      ++used;
      return *w * 100;
    }
    return w;
  }
  return std::nullopt;
}

bool is_plural(std::string_view w) {
  auto l = lower(w);
  if (in_table(fw::kIrregularPlurals, l)) return true;
  return l.size() > 3 && l.back() == 's' && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is");
}

// Verbs that follow a counted phrase: "conference focuses", "commissioners
// worked". Only the unambiguous participle and past forms are caught.
bool is_verb_form(std::string_view w) {
  if (w.empty() || !std::islower(static_cast<unsigned char>(w[0]))) return false;  // "Unified Budget"
  auto l = lower(w);
  return l.ends_with("ed") || l.ends_with("ing");
}

bool is_wordy(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '/' || c == '%') return false;
  return true;
}

bool is_year(double v, std::string_view core) {
  return v >= 1900 && v <= 2100 && v == static_cast<long>(v) && core.find(',') == std::string_view::npos &&
         core.size() == 4;
}

// The noun phrase counted, read from token i on; `last` receives the index
// of its final token.
std::string counted_phrase(const std::vector<Token>& t, std::size_t i, bool singular_ok, std::size_t& last) {
  std::vector<std::size_t> words;
  bool seen_plural = false;
  while (i < t.size() && in_table(fw::kComparatives, lower(t[i].core)) && !t[i].break_before) {
    if (t[i].stop_after) return {};
    ++i;
  }
  for (; i < t.size() && words.size() < 5 && !t[i].break_before; ++i) {
    auto l = lower(t[i].core);
    if (!is_wordy(t[i].core) || number_word(t[i].core) || in_table(fw::kCountStopWords, l)) break;
    if (l == "and") {
      if (words.empty() || t[i].stop_after || i + 1 >= t.size() || !is_wordy(t[i + 1].core) ||
          in_table(fw::kCountStopWords, lower(t[i + 1].core)) || number_word(t[i + 1].core))
        break;
      if (seen_plural) {
        // "judges and prosecutors": a second plural closing the phrase joins
        // it; "regions and Kyiv" or "regions and the city" do not.
        const Token& next = t[i + 1];
        bool closes = next.stop_after || i + 2 >= t.size() || t[i + 2].break_before ||
                      !is_wordy(t[i + 2].core) || in_table(fw::kCountStopWords, lower(t[i + 2].core)) ||
                      is_verb_form(t[i + 2].core);
        if (!is_plural(next.core) || !closes) break;
        words.push_back(i);
        words.push_back(i + 1);
        break;
      }
      words.push_back(i);
      continue;
    }
    // A participle ends the phrase: "officers passing", "programme funded".
    if (!words.empty() && lower(t[words.back()].core) != "and" &&
        ((seen_plural && l.ends_with("ing")) || l.ends_with("ed")))
      break;
    words.push_back(i);
    seen_plural = seen_plural || is_plural(t[i].core);
    if (t[i].stop_after) break;
  }
  // Cut back to the last plural noun ("officers passing" -> "officers").
  std::size_t keep = 0;
  for (std::size_t k = 0; k < words.size(); ++k)
    if (is_plural(t[words[k]].core) && lower(t[words[k]].core) != "and") keep = k + 1;
  if (keep == 0 && singular_ok) keep = words.size();
  if (keep == 0) return {};
  last = words[keep - 1];
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
  if (i < 2 || !in_table(fw::kMoneyLinks, lower(t[i - 1].core)) || t[i].break_before) return {};
  std::size_t k = i - 2, n = 0;
  // "The 20 vehicles, worth ...": the comma before the link is allowed.
  while (n < 3 && (!t[k].stop_after || k == i - 2) && is_wordy(t[k].core) &&
         !in_table(fw::kCountStopWords, lower(t[k].core)) && !(n > 0 && is_verb_form(t[k].core))) {
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

// Approximator phrase ending right before token i: returns its first token.
std::optional<std::size_t> approximator_before(const std::vector<Token>& t, std::size_t i, std::string& out) {
  for (std::string_view a : fw::kApproximators) {
    std::size_t n = 1 + static_cast<std::size_t>(std::count(a.begin(), a.end(), ' '));
    if (n > i) continue;
    std::string joined;
    bool ok = !t[i].break_before;
    for (std::size_t k = i - n; k < i && ok; ++k) {
      if (k > i - n && t[k].break_before) ok = false;
      if (t[k].stop_after) ok = false;
      if (!joined.empty()) joined += ' ';
      joined += lower(t[k].core);
    }
    if (ok && joined == a) {
      out = std::string(a);
      return i - n;
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<Figure> find_figures(std::string_view text) {
  const Shapes& re = shapes();
  auto t = tokenize(text);
  std::vector<Figure> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    std::string_view core = t[i].core;
    if (core.empty()) continue;
    // Most tokens are words: only digits, currency signs and number words
    // (alone or before a hyphen) can start a figure.
    if (std::none_of(core.begin(), core.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        !number_word(core.substr(0, core.find('-'))))
      continue;
    re2::StringPiece piece(core.data(), core.size());
    if (RE2::FullMatch(piece, re.ordinal)) continue;
    Figure f;
    std::size_t first = i, last = i, used = 1;
    bool singular_ok = false, hedged = false;
    std::string prev = i > 0 && !t[i].break_before ? lower(t[i - 1].core) : std::string{};
    // Currency written before the amount, fused ("€4.25") or apart ("EUR 2").
    std::string_view number = core;
    for (const auto& c : fw::kCurrencyPrefixes)
      if (core.starts_with(c.spelling) && core.size() > c.spelling.size() &&
          std::isdigit(static_cast<unsigned char>(core[c.spelling.size()]))) {
        f.unit = c.code;
        number = core.substr(c.spelling.size());
        break;
      }
    std::string a, b, unit_word;
    std::optional<double> value;
    if (number != core) {
      if (RE2::FullMatch(re2::StringPiece(number.data(), number.size()), re.plain)) value = to_double(number);
    } else if (RE2::FullMatch(piece, re.range, &a, &b)) {
      value = to_double(a);
      f.max = to_double(b);
      if (is_year(*value, a) && is_year(*f.max, b)) continue;
    } else if (RE2::FullMatch(piece, re.percent, &a)) {
      value = to_double(a);
      f.unit = "%";
    } else if (!number_word(core) && RE2::FullMatch(piece, re.compound, &a, &unit_word)) {
      auto w = number_word(a);
      if (!w && std::isdigit(static_cast<unsigned char>(a[0]))) w = to_double(a);
      if (!w || !is_wordy(unit_word) || unit_word.size() < 3) continue;
      value = w;
      // Only durations give a unit; "five-member team" counts "team".
      if (in_table(fw::kDurationUnits, unit_word)) f.unit = unit_word;
      singular_ok = true;
    } else {
      value = value_at(t, i, used);
    }
    if (!value) continue;
    last = i + used - 1;
    if (f.unit.empty()) {
      for (const auto& c : fw::kCurrencyPrefixes)
        if (prev == lower(c.spelling) && c.spelling.size() == 3) {
          f.unit = c.code;
          first = i - 1;
        }
    }
    // The word before the whole amount (currency code included).
    const std::string lead_prev = first > 0 && !t[first].break_before ? lower(t[first - 1].core) : std::string{};
    if (auto s = approximator_before(t, first, f.approximator)) {
      first = *s;
      hedged = true;
    }
    // Reference numbers, phone numbers, dates, numbers fused with names.
    if (in_table(fw::kReferenceWords, prev) || (!prev.empty() && std::isdigit(static_cast<unsigned char>(prev.back()))) ||
        (i > 0 && !t[i].break_before && is_month_name(t[i - 1].core)) ||
        (last + 1 < t.size() && is_month_name(t[last + 1].core)))
      continue;
    if (!hedged && i > 0 && !t[i].break_before && !t[i - 1].stop_after && t[i - 1].core.size() > 1 &&
        f.unit.empty() && std::isupper(static_cast<unsigned char>(t[i - 1].core[0]))) {
      // "Resolution 1325", "OSCE 2020": a capitalised word glued to a number
      // names something, unless it only starts the sentence.
      bool sentence_start = i == 1 || t[i - 1].break_before || t[i - 2].stop_after;
      if (!sentence_start) continue;
    }
    if (core == "one" || core == "One") {
      if (in_table(fw::kOnePronounBefore, prev)) continue;
    }
    // Scale, percent, currency after the number.
    std::size_t j = last + 1;
    if (j < t.size() && !t[last].stop_after && !t[j].break_before)
      if (auto s = scale_word(t[j].core)) {
        *value *= *s;
        if (f.max) *f.max *= *s;
        last = j++;
      }
    if (j < t.size() && !t[last].stop_after && !t[j].break_before) {
      auto l = lower(t[j].core);
      if (l == "per" && j + 1 < t.size() && lower(t[j + 1].core) == "cent") {
        f.unit = "%";
        last = j + 1;
        j += 2;
      } else if (l == "percent" || l == "%") {
        f.unit = "%";
        last = j++;
      } else if (f.unit.empty()) {
        for (const auto& c : fw::kCurrencySuffixes) {
          auto n = 1 + static_cast<std::size_t>(std::count(c.spelling.begin(), c.spelling.end(), ' '));
          std::string joined;
          for (std::size_t k = j; k < j + n && k < t.size(); ++k) joined += (joined.empty() ? "" : " ") + std::string(t[k].core);
          if (joined == c.spelling) {
            f.unit = c.code;
            last = j + n - 1;
            j += n;
            break;
          }
        }
      }
    }
    // Ranges: "between 5 and 10", "from 5 to 10", "5 to 10".
    if (!f.max && j + 1 < t.size() && !t[last].stop_after) {
      auto l = lower(t[j].core);
      std::size_t used2 = 1;
      bool joiner = l == "to" || (l == "and" && lead_prev == "between");
      // "between EUR 2,000 and EUR 5,000": the currency may be repeated.
      std::size_t k = j + 1;
      if (money_code(t[k].core) && k + 1 < t.size()) ++k;
      if (joiner && !t[j + 1].break_before)
        if (auto m = value_at(t, k, used2)) {
          if (is_year(*value, core) && is_year(*m, t[j + 1].core)) {
            i = j + 1;
            continue;
          }
          f.max = *m;
          if ((lead_prev == "between" || lead_prev == "from") && first > 0) --first;
          last = k + used2 - 1;
          j = last + 1;
        }
    }
    if (is_year(*value, core) && f.unit.empty() && !hedged) continue;
    if (f.max && last + 1 < t.size() && is_month_name(t[last + 1].core)) continue;  // "from 5 to 9 April"
    // What is counted.
    std::string counts;
    const bool money = f.unit.size() == 3 && std::isupper(static_cast<unsigned char>(f.unit[0]));
    if (money) {
      counts = money_subject(t, first);
    } else if (f.unit == "%") {
      if (j < t.size() && lower(t[j].core) == "of" && !t[last].stop_after) {
        std::size_t k = j + 1;
        if (k < t.size() && in_table(fw::kDeterminers, lower(t[k].core))) ++k;
        std::size_t end = last;
        counts = counted_phrase(t, k, true, end);
        if (!counts.empty()) last = end;
      }
    } else if (!t[last].stop_after && j < t.size()) {
      std::size_t end = last;
      counts = counted_phrase(t, j, singular_ok || *value == 1, end);
      if (!counts.empty()) last = end;
    }
    // A number with nothing counted is kept only when it is plainly a
    // quantity: money, a percentage, a range or a hedged amount ("aged
    // between 18 and 30", "fewer than 20 of the 400 women").
    if (counts.empty() && !money && f.unit != "%" && !f.max && !hedged) continue;
    if (counts.empty() && !f.unit.empty() && !money && f.unit != "%") continue;  // "a 100-hour" alone
    if (lower(counts) == "times") continue;  // "3.5 times more": a ratio
    if (f.unit.empty()) {
      // "two years": a duration whose unit is its own noun.
      auto l = lower(counts);
      for (std::string_view u : fw::kDurationUnits)
        if (l == u || l == std::string(u) + "s") f.unit = u;
      // "over four days", "over the next two years": a preposition of time.
      if (!f.unit.empty() && f.approximator == "over") f.approximator.clear();
    }
    f.value = *value;
    f.counts = std::move(counts);
    f.begin = t[first].begin;
    f.end = t[last].end;
    f.text = std::string(text.substr(f.begin, f.end - f.begin));
    out.push_back(std::move(f));
    i = last;
  }
  return out;
}

}  // namespace winnow
