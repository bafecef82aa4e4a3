// Number shapes: the forms a figure's number token takes, read by hand.
//
// The problem. A candidate token is a plain number ("1,800", "34.6"), a
// range ("2012-2013", "5–10"), a percentage ("45%"), a compound with what
// it counts ("100-hour", "two-day", "1,800-strong", "five-year-old") or an
// ordinal ("21st", never a figure). Each shape was once an RE2 FullMatch;
// the compound's lazy capture made RE2 run its backtracking engine, about
// 2,600 instructions a call, and a page of prose has a few such tokens.
//
// The method. Each shape is a small regular language whose match is
// decided by one left-to-right reading, so each reader follows its pattern
// (written above it) exactly, captures included: where the pattern could
// backtrack, the reading shows that only one choice can reach the end of
// the token. tests/unit/metadata/test_figures_shapes.cpp holds the patterns and
// checks every reader against RE2 on random tokens.
//
// Cost: a few instructions a byte, no allocation.
#include "figures_internal.hpp"

namespace winnow::figures_detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }

std::size_t digits_from(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// Past ",ddd" groups from i. After a group the next byte must be another
// group's comma or what the pattern wants next (never a digit or a comma),
// so taking every whole group is the only reading that can go on.
std::size_t groups_from(std::string_view s, std::size_t i) {
  while (i + 4 <= s.size() && s[i] == ',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3])) i += 4;
  return i;
}

// The compound's tail after its dash: ([a-z]+?)s?(?:-long|-old)?, the
// whole rest. The lazy group is the shortest run of lower-case letters
// after which the rest is one of the six endings.
bool compound_tail(std::string_view t, std::string_view& unit) {
  for (std::size_t k = 1; k <= t.size(); ++k) {
    if (!is_lower(t[k - 1])) return false;
    const std::string_view rest = t.substr(k);
    if (rest.empty() || rest == "s" || rest == "-long" || rest == "-old" || rest == "s-long" || rest == "s-old") {
      unit = t.substr(0, k);
      return true;
    }
  }
  return false;
}

}  // namespace

// \d+ or \d{1,3}(,\d{3})+, then an optional .\d+
bool is_plain(std::string_view s) {
  std::size_t i = digits_from(s, 0);
  if (i == 0) return false;
  if (i < s.size() && s[i] == ',') {
    if (i > 3) return false;
    const std::size_t g = groups_from(s, i);
    if (g == i) return false;
    i = g;
  }
  if (i == s.size()) return true;
  if (s[i] != '.' || i + 1 == s.size()) return false;
  return digits_from(s, i + 1) == s.size();
}

// (\d+(?:,\d{3})*)(?:-|–)(\d+(?:,\d{3})*)
bool read_range(std::string_view s, std::string_view& low, std::string_view& high) {
  const std::size_t d = digits_from(s, 0);
  if (d == 0) return false;
  const std::size_t e = groups_from(s, d);
  std::size_t h;
  if (e < s.size() && s[e] == '-') h = e + 1;
  else if (s.substr(e, 3) == "\xE2\x80\x93") h = e + 3;
  else return false;
  const std::size_t hd = digits_from(s, h);
  if (hd == h || groups_from(s, hd) != s.size()) return false;
  low = s.substr(0, e);
  high = s.substr(h);
  return true;
}

// (\d+(?:\.\d+)?)%
bool read_percent(std::string_view s, std::string_view& number) {
  if (s.size() < 2 || s.back() != '%') return false;
  const std::string_view n = s.substr(0, s.size() - 1);
  std::size_t i = digits_from(n, 0);
  if (i == 0) return false;
  if (i < n.size() && (n[i] != '.' || digits_from(n, i + 1) == i + 1 || digits_from(n, i + 1) != n.size())) return false;
  number = n;
  return true;
}

// ([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+|[A-Za-z]+(?:-[a-z]+)?)-([a-z]+?)s?(?:-long|-old)?
// The alternatives are tried in order, the optional (-[a-z]+) first taken
// then left, as RE2 prefers them. Each run (digits, letters) can only end
// where the byte after it is what the pattern wants next, so it is taken
// whole.
bool read_compound(std::string_view s, std::string_view& number, std::string_view& unit) {
  const std::size_t d = digits_from(s, 0);
  if (d > 0) {
    if (d <= 3 && d < s.size() && s[d] == ',') {
      const std::size_t g = groups_from(s, d);
      if (g > d && g < s.size() && s[g] == '-' && compound_tail(s.substr(g + 1), unit)) {
        number = s.substr(0, g);
        return true;
      }
    }
    if (d < s.size() && s[d] == '-' && compound_tail(s.substr(d + 1), unit)) {
      number = s.substr(0, d);
      return true;
    }
    return false;
  }
  std::size_t l = 0;
  while (l < s.size() && is_letter(s[l])) ++l;
  if (l == 0 || l == s.size() || s[l] != '-') return false;
  std::size_t m = l + 1;
  while (m < s.size() && is_lower(s[m])) ++m;
  if (m > l + 1 && m < s.size() && s[m] == '-' && compound_tail(s.substr(m + 1), unit)) {
    number = s.substr(0, m);
    return true;
  }
  if (compound_tail(s.substr(l + 1), unit)) {
    number = s.substr(0, l);
    return true;
  }
  return false;
}

// \d+(?:st|nd|rd|th)
bool is_ordinal(std::string_view s) {
  const std::size_t d = digits_from(s, 0);
  if (d == 0 || s.size() != d + 2) return false;
  const std::string_view suffix = s.substr(d);
  return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

}  // namespace winnow::figures_detail
