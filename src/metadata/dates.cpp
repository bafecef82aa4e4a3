// Dates: every shape a news page writes, normalised to ISO 8601.
//
// The problem. A release carries its date in three or four places (the page's
// Date field, the dateline, the teaser, the lede) and each place has its own
// habits: "16 July 2008" in datelines, "Fri, 09/30/2022" in the Date field of
// newer pages, "July 16, 2008" in American-edited statements, "16.07.2008" in
// reposts from continental sites, and ISO in feeds. We want one canonical
// spelling so that the sources can be compared and disagreements reported.
//
// The method. A handful of RE2 patterns, one per shape, compiled once into
// function-local statics. `parse_date` wants the whole input to be a date;
// `find_date` searches with a single alternation of the same shapes so that
// one left-to-right pass finds the earliest date, then hands the match to
// `parse_date`. Month names come from a table (full names and the usual
// abbreviations, "Sept" included) so that the regex and the number lookup can
// never disagree.
//
// Slashed dates are read month-first (osce.org's Date field is American:
// "Fri, 09/30/2022") unless the first number cannot be a month, in which
// case they are read day-first. Dotted dates are always day-first.
//
// An impossible date ("31 February 2020") is never repaired: we return
// nothing and describe the problem, because a guessed date is worse than a
// missing one, and the caller turns the description into a warning.
//
// Cost: `find_date` first looks for a four-digit run (every shape has a
// year; text without one is turned away with no RE2 call), then runs one RE2
// search for the whole match only (two DFA passes, no capturing engine),
// starting where a date could first begin; `parse_date` then reads the
// span. The commonest shapes ("16 July 2008", "July 16, 2008") are read by
// hand before any RE2 call (a capturing FullMatch cost about 4,500
// instructions, more than the search); the rest go to RE2's capturing
// matches. No allocation beyond the result string.
#include "text_bytes.hpp"
#include "winnow/dates.hpp"

#include <array>
#include <cstdint>
#include <cctype>
#include <string>

#include <fmt/format.h>
#include <re2/re2.h>

namespace winnow {
namespace {

struct MonthName {
  std::string_view name;
  int number;
};

// Longest spellings first: the alternation built from this table must try
// "September" before "Sept" before "Sep".
constexpr std::array<MonthName, 24> kMonths{{
    {"January", 1},  {"February", 2}, {"March", 3},     {"April", 4},
    {"May", 5},      {"June", 6},     {"July", 7},      {"August", 8},
    {"September", 9}, {"October", 10}, {"November", 11}, {"December", 12},
    {"Sept", 9},     {"Jan", 1},      {"Feb", 2},       {"Mar", 3},
    {"Apr", 4},      {"Jun", 6},      {"Jul", 7},       {"Aug", 8},
    {"Sep", 9},      {"Oct", 10},     {"Nov", 11},      {"Dec", 12},
}};

constexpr const char* kWeekdayPrefix =
    R"((?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday|sday)?\.?,?\s+)?)";

std::string month_alternation() {
  std::string alt;
  for (const auto& m : kMonths) {
    if (!alt.empty()) alt += '|';
    alt += m.name;
  }
  return alt;
}

int month_number(std::string_view name) {
  // Asked about many words that are no month: a month name is 3 to 9
  // letters long, and only some lengths go with each first letter (by its
  // low five bits, either case): "and" passes (Apr), "members" does not.
  static constexpr auto kLengths = [] {
    std::array<std::uint32_t, 32> by_first{};
    for (const auto& m : kMonths) by_first[static_cast<unsigned char>(m.name[0]) & 31] |= 1u << m.name.size();
    return by_first;
  }();
  if (name.size() < 3 || name.size() > 9) return 0;
  if (!(kLengths[static_cast<unsigned char>(name[0]) & 31] & (1u << name.size()))) return 0;
  // A month's letters are all ASCII.
  const auto fold = text::ascii_lower;
  for (const auto& m : kMonths)
    if (name.size() == m.name.size() && fold(name[0]) == fold(m.name[0])) {
      bool same = true;
      for (std::size_t i = 1; i < name.size() && same; ++i) same = fold(name[i]) == fold(m.name[i]);
      if (same) return m.number;
    }
  return 0;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// The shapes, each with its own capture layout. Kept together so that the
// full-match parser and the search alternation stay in step.
struct Shapes {
  std::string months = month_alternation();
  RE2 dmy{std::string(kWeekdayPrefix) + R"((\d{1,2})(?:st|nd|rd|th)?\s+()" + months +
          R"()\.?,?\s+(\d{4}))"};
  RE2 mdy{std::string(kWeekdayPrefix) + "(" + months + R"()\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))"};
  RE2 dotted{std::string(kWeekdayPrefix) + R"((\d{1,2})\.(\d{1,2})\.(\d{4}))"};
  RE2 slashed{std::string(kWeekdayPrefix) + R"((\d{1,2})/(\d{1,2})/(\d{4}))"};
  RE2 iso{R"((\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)"};
  // A time of day after a whole date, as CMS date fields print it
  // ("Sat, 04/09/2016 - 12:00", "16 July 2008, 10:15 AM"): parse_date drops it.
  RE2 time_suffix{R"((.*?\d{4})\s*(?:-|–|,|at)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)"};
  // For searching: word boundaries keep "2016-09-130" or "116 July" out.
  RE2 any{R"(\b()" + std::string(kWeekdayPrefix) + R"(\d{1,2}(?:st|nd|rd|th)?\s+(?:)" + months +
          R"()\.?,?\s+\d{4}|(?:)" + months + R"()\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|)" +
          R"(\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})\b)"};
};

const Shapes& shapes() {
  static const Shapes s;
  return s;
}

std::optional<std::string> checked(int y, int m, int d, std::string_view text, std::string* problem) {
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    if (problem) *problem = fmt::format("impossible date: {}", text);
    return std::nullopt;
  }
  // "YYYY-MM-DD" by hand (y has four digits, m and d two at most): fmt
  // costs more than the rest of the date.
  std::string iso = "0000-00-00";
  const auto put = [&](std::size_t at, int v, int width) {
    for (int k = width - 1; k >= 0; --k, v /= 10) iso[at + static_cast<std::size_t>(k)] = static_cast<char>('0' + v % 10);
  };
  put(0, y, 4);
  put(5, m, 2);
  put(8, d, 2);
  return iso;
}

// Spaces at both ends, and a comma after the date ("16 July 2008, ").
std::string_view trim(std::string_view s) { return text::trim_back(text::trim_front(s), text::kAsciiSpaceComma); }

// "16 July 2008" and "July 16, 2008", the commonest dates, read by hand: a
// capturing RE2 FullMatch costs more than the rest of a date. Each reader
// accepts only text its pattern (dmy, mdy) matches whole, with the same
// day, month and year, and declines the rest (a weekday, a tab, a case it
// does not know), which goes to RE2 as before. A month is a whole run of
// letters spelt as in kMonths (the patterns are case-sensitive), since
// what follows one in either pattern is a dot, a comma or a space.
struct DayMonthYear {
  int day = 0, month = 0, year = 0;
};

class DateReader {
 public:
  explicit DateReader(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  bool skip(char c) {  // one `c`, if it is next
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool spaces() {  // \s+, spaces only
    const std::size_t from = i_;
    while (skip(' ')) {}
    return i_ > from;
  }
  bool digits(std::size_t min, std::size_t max, int& v) {  // \d{min,max}, greedy
    std::size_t n = 0;
    v = 0;
    for (; n < max && i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; ++n, ++i_) v = v * 10 + (s_[i_] - '0');
    return n >= min;
  }
  void ordinal() {  // (?:st|nd|rd|th)?
    const std::string_view rest = s_.substr(i_);
    for (std::string_view o : {"st", "nd", "rd", "th"})
      if (rest.starts_with(o)) {
        i_ += 2;
        return;
      }
  }
  int month() {  // one of kMonths, as spelt there
    std::size_t end = i_;
    while (end < s_.size() && ((s_[end] | 0x20) >= 'a' && (s_[end] | 0x20) <= 'z')) ++end;
    const std::string_view run = s_.substr(i_, end - i_);
    for (const auto& m : kMonths)
      if (m.name == run) {
        i_ = end;
        return m.number;
      }
    return 0;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

std::optional<DayMonthYear> day_month_year(std::string_view s) {  // dmy, no weekday
  DateReader r(s);
  DayMonthYear d;
  if (!r.digits(1, 2, d.day)) return std::nullopt;
  r.ordinal();
  if (!r.spaces() || !(d.month = r.month())) return std::nullopt;
  r.skip('.');
  r.skip(',');
  if (!r.spaces() || !r.digits(4, 4, d.year) || !r.done()) return std::nullopt;
  return d;
}

std::optional<DayMonthYear> month_day_year(std::string_view s) {  // mdy, no weekday
  DateReader r(s);
  DayMonthYear d;
  if (!(d.month = r.month())) return std::nullopt;
  r.skip('.');
  if (!r.spaces() || !r.digits(1, 2, d.day)) return std::nullopt;
  r.ordinal();
  r.skip(',');
  if (!r.spaces() || !r.digits(4, 4, d.year) || !r.done()) return std::nullopt;
  return d;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text, std::string* problem) {
  text = trim(text);
  // A month-first text never matches dmy (no month begins with a
  // weekday), so reading it as mdy first changes nothing.
  if (auto d = day_month_year(text)) return checked(d->year, d->month, d->day, text, problem);
  if (auto d = month_day_year(text)) return checked(d->year, d->month, d->day, text, problem);
  const Shapes& re = shapes();
  re2::StringPiece in(text.data(), text.size());
  int a = 0, b = 0, y = 0;
  std::string month;
  if (RE2::FullMatch(in, re.dmy, &a, &month, &y)) return checked(y, month_number(month), a, text, problem);
  // Each shape is tried only when the text has what it cannot match
  // without: a month-first date starts with a letter, the others need
  // their separator.
  const bool letter_first = !text.empty() && !(text[0] >= '0' && text[0] <= '9');
  const auto has = [&](char c) { return text.find(c) != std::string_view::npos; };
  if (letter_first && RE2::FullMatch(in, re.mdy, &month, &a, &y)) return checked(y, month_number(month), a, text, problem);
  if (has('.') && RE2::FullMatch(in, re.dotted, &a, &b, &y)) return checked(y, b, a, text, problem);
  if (has('/') && RE2::FullMatch(in, re.slashed, &a, &b, &y))
    return a > 12 ? checked(y, b, a, text, problem) : checked(y, a, b, text, problem);
  if (has('-') && RE2::FullMatch(in, re.iso, &y, &a, &b)) return checked(y, a, b, text, problem);
  re2::StringPiece date;
  if (has(':') && RE2::FullMatch(in, re.time_suffix, &date) && date.size() < text.size())
    return parse_date(std::string_view(date.data(), date.size()), problem);
  return std::nullopt;
}

std::optional<std::string> find_date(std::string_view text, std::size_t* span_begin,
                                     std::size_t* span_end, std::string* problem) {
  // Every shape holds a four-digit year: text without one holds no date.
  std::size_t run = 0, from = text.size();
  for (std::size_t k = 0; k < text.size() && run < 4; ++k) {
    run = text[k] >= '0' && text[k] <= '9' ? run + 1 : 0;
    if (run == 1 && from == text.size()) from = k;
  }
  if (run < 4) return std::nullopt;
  // A match holds a digit and, before its first one, only letters, dots,
  // commas and spaces (a weekday, a month): the search may start after the
  // last other byte before the text's first digit (`from`).
  while (from > 0) {
    const char c = text[from - 1];
    const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (!letter && c != '.' && c != ',' && !std::isspace(static_cast<unsigned char>(c))) break;
    --from;
  }
  re2::StringPiece in(text.data(), text.size());
  // The whole match only: \b is empty, so group 0 is group 1, and asking for
  // no group lets RE2 stop after its two DFA passes.
  re2::StringPiece match;
  if (!shapes().any.Match(in, from, text.size(), RE2::UNANCHORED, &match, 1)) return std::nullopt;
  const auto begin = static_cast<std::size_t>(match.data() - text.data());
  if (span_begin) *span_begin = begin;
  if (span_end) *span_end = begin + match.size();
  return parse_date(std::string_view(match.data(), match.size()), problem);
}

// Exposed for the dateline and figure extractors, which need to know whether
// a capitalised word is a month without duplicating the table.
bool is_month_name(std::string_view word) { return month_number(word) != 0; }

}  // namespace winnow
