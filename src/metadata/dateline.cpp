// Datelines: "KHMELNYTSKY, Ukraine, 16 July 2008 - The OSCE ..."
//
// The problem. A press release opens its first paragraph with where and when
// it was issued, but the shape drifts from one desk to another: a dash of
// any kind or none at all ("NEW YORK CITY, 28 September 2015 A good ..."),
// no space after the dash, several places joined by "/" or "," ("TIRANA /
// BRUSSELS / GENEVA"), the date before or after the dash ("GENEVA – 6
// October 2020."), dotted names ("WASHINGTON D.C."), and a country that may
// or may not be there.
//
// The method. Rather than one regex for all of that, we anchor on the date,
// which `find_date` already recognises in every spelling, and look at what
// stands before it. A dateline exists when the date starts near the top of
// the paragraph and everything before it splits (on "/" and ",", minus the
// trailing dash) into upper-case place names, optionally closed by one
// title-case country. What follows the date (a dash, a full stop, or
// nothing) is swallowed up to the lede. The upper-case test is what makes
// this safe: an ordinary sentence that happens to start with a date ("On 22
// July 2022, ...") has lower-case letters before it and is refused.
//
// Datelines without a date ("VIENNA – The OSCE ...") are accepted too, by the
// same place test on what stands before the first dash.
//
// Some desks write the place in title case ("Vienna, 12 June 2024 – ...",
// "Chisinau, Moldova, February 4, 2019 —"). Case then no longer tells a
// place from a sentence, so a title-case dateline must earn its place three
// ways: every part before the date is a short run of capitalised words that
// is not a sentence opener ("On", "Since", a weekday), the date is followed
// by a dash, a full stop or a new capitalised sentence (never a comma: "On
// 22 July 2022, ..." and "Vienna, 12 June 2024, was ..." are sentences),
// and the country, when there is one, is a known state from the table in
// dateline_words.hpp, since a title-case "Geneva" would otherwise pass for
// one. Undated title-case openings ("Vienna – ...") stay refused: without
// the date as an anchor nothing separates them from a sentence.
//
// Title-casing is done with utf8proc so that "ČERNIVTSI" or "ZÜRICH" come
// out right; a letter is capitalised after a space, hyphen, slash or dot,
// which turns "WASHINGTON D.C." into "Washington D.C." and "IVANO-FRANKIVSK"
// into "Ivano-Frankivsk".
//
// Cost: one date search in the first 200 bytes of one paragraph; letter
// case is read by hand for ASCII bytes, through utf8proc for the rest.
#include "text_bytes.hpp"
#include "winnow/dateline.hpp"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include <utf8proc.h>

#include "dateline_words.hpp"
#include "winnow/dates.hpp"

namespace winnow {
namespace {

// Datelines are short; a date further in belongs to the lede.
constexpr std::size_t kMaxPrefix = 120;

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Dashes a desk may use between dateline and lede, longest byte form first.
constexpr std::string_view kDashes[] = {"\xE2\x80\x94", "\xE2\x80\x93", "-"};

// A dateline's words are apart by spaces and tabs only (its line is one line).
constexpr std::string_view kLineSpace = " \t";
std::string_view trim(std::string_view s) { return text::trim(s, kLineSpace); }

// Strips one trailing separator (comma or dash) and surrounding spaces.
std::string_view strip_separator(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.back() == ',') return trim(s.substr(0, s.size() - 1));
  for (auto dash : kDashes)
    if (s.ends_with(dash)) return trim(s.substr(0, s.size() - dash.size()));
  return s;
}

struct LetterCase {
  bool has_upper = false;
  bool has_lower = false;
};

LetterCase letter_case(std::string_view s) {
  LetterCase lc;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0 && !(lc.has_upper && lc.has_lower)) {
    // ASCII by hand (utf8proc's answer for it: A-Z upper, a-z lower, the
    // rest neither), utf8proc for the rest.
    if (*p < 0x80) {
      lc.has_upper = lc.has_upper || (*p >= 'A' && *p <= 'Z');
      lc.has_lower = lc.has_lower || (*p >= 'a' && *p <= 'z');
      ++p;
      --left;
      continue;
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;
    if (utf8proc_isupper(cp)) lc.has_upper = true;
    if (utf8proc_islower(cp)) lc.has_lower = true;
    p += n;
    left -= n;
  }
  return lc;
}

bool first_is_upper(std::string_view s) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                            static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 && utf8proc_isupper(cp);
}

void append_utf8(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// A country is one to four words, each starting upper-case ("Bosnia and
// Herzegovina" allows "and"), and not entirely upper-case.
bool looks_like_country(std::string_view s) {
  auto lc = letter_case(s);
  if (!lc.has_upper || !lc.has_lower) return false;
  std::size_t words = 0, pos = 0;
  while (pos < s.size()) {
    auto end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    auto w = s.substr(pos, end - pos);
    if (!w.empty()) {
      ++words;
      bool connector = w == "and" || w == "of" || w == "the";
      if (!connector && letter_case(w.substr(0, 1)).has_lower) return false;
      if (!connector && !(static_cast<unsigned char>(w[0]) >= 0x80 || (w[0] >= 'A' && w[0] <= 'Z')))
        return false;
    }
    pos = end + 1;
  }
  return words >= 1 && words <= 4;
}

bool looks_like_place(std::string_view s) {
  auto lc = letter_case(s);
  if (!lc.has_upper || lc.has_lower || s.size() > 40) return false;
  for (char c : s)
    if (c >= '0' && c <= '9') return false;
  return true;
}

bool in_words(std::span<const std::string_view> table, std::string_view w) {
  return std::find(table.begin(), table.end(), w) != table.end();
}

// "Vienna", "Frankfurt am Main", "Ivano-Frankivsk": one to four words, the
// first capitalised and no sentence opener, the others capitalised or a
// lower-case particle; some lower case somewhere (else it is upper case).
bool looks_like_title_place(std::string_view s) {
  auto lc = letter_case(s);
  if (!lc.has_upper || !lc.has_lower || s.size() > 40) return false;
  std::size_t words = 0, pos = 0;
  while (pos < s.size()) {
    auto end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    auto w = s.substr(pos, end - pos);
    pos = end + 1;
    if (w.empty()) continue;
    for (char c : w)
      if ((c >= '0' && c <= '9') || c == ':' || c == '(' || c == '"') return false;
    const bool capital = first_is_upper(w);
    if (words == 0 && (!capital || in_words(dateline_words::kNotPlaces, w))) return false;
    if (!capital && !in_words(dateline_words::kPlaceParticles, w)) return false;
    ++words;
  }
  return words >= 1 && words <= 4;
}

// Splits "TIRANA / BRUSSELS / GENEVA" or "VIENNA, BRUSSELS, GENEVA, Austria"
// into places and country; false if anything does not fit. With
// `title_case`, the places are written "Vienna/Warsaw" and a country must
// be a known one.
bool split_places(std::string_view prefix, Dateline& out, bool title_case = false) {
  prefix = strip_separator(prefix);
  if (prefix.empty()) return false;
  std::vector<std::string_view> parts;
  std::vector<char> after_slash;  // per part: it follows a "/"
  std::size_t pos = 0;
  char sep = ',';
  while (pos <= prefix.size()) {
    auto end = prefix.find_first_of("/,", pos);
    if (end == std::string_view::npos) end = prefix.size();
    parts.push_back(trim(prefix.substr(pos, end - pos)));
    after_slash.push_back(sep == '/');
    sep = end < prefix.size() ? prefix[end] : ',';
    pos = end + 1;
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) return false;
    if (title_case) {
      if (i > 0 && i + 1 == parts.size() && in_words(dateline_words::kCountries, parts[i])) {
        out.country = std::string(parts[i]);
      } else if (looks_like_title_place(parts[i])) {
        out.places.emplace_back(parts[i]);
      } else {
        return false;
      }
      continue;
    }
    if (looks_like_place(parts[i])) {
      if (!out.country.empty()) return false;  // a place after the country
      out.places.emplace_back(parts[i]);
    } else if (i > 0 && after_slash[i] && out.country.empty() && looks_like_title_place(parts[i])) {
      out.places.emplace_back(parts[i]);  // "PRISTINA/Vienna": a slash joins places, never a country
    } else if (i > 0 && i + 1 == parts.size() && looks_like_country(parts[i])) {
      out.country = std::string(parts[i]);
    } else {
      return false;
    }
  }
  return !out.places.empty();
}

// Swallows a dash or full stop after the date, then spaces.
std::size_t skip_after_date(std::string_view p, std::size_t pos) {
  while (pos < p.size() && is_space(p[pos])) ++pos;
  bool took = false;
  for (auto dash : kDashes)
    if (p.substr(pos).starts_with(dash)) {
      pos += dash.size();
      took = true;
      break;
    }
  if (!took && pos < p.size() && (p[pos] == '.' || p[pos] == ':' || p[pos] == ',')) ++pos;
  while (pos < p.size() && is_space(p[pos])) ++pos;
  return pos;
}

std::string_view raw_of(std::string_view p, std::size_t end) { return trim(p.substr(0, end)); }

// What a title-case dateline's date must be followed by: a dash, a full
// stop, or a new sentence (a capital or an opening quote after a space).
bool ends_dateline(std::string_view p, std::size_t pos) {
  std::size_t at = pos;
  while (at < p.size() && is_space(p[at])) ++at;
  if (at >= p.size()) return false;
  for (auto dash : kDashes)
    if (p.substr(at).starts_with(dash)) return true;
  if (p[at] == '.') return true;
  if (at == pos) return false;
  auto rest = p.substr(at);
  return rest.starts_with("\xE2\x80\x9C") || rest.front() == '"' || first_is_upper(rest);
}

}  // namespace

std::string title_case(std::string_view upper) {
  std::string out;
  bool start = true;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(upper.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(upper.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;
    append_utf8(out, start ? utf8proc_toupper(cp) : utf8proc_tolower(cp));
    start = cp == ' ' || cp == '-' || cp == '/' || cp == '.' || cp == '\'';
    p += n;
    left -= n;
  }
  return out;
}

std::optional<Dateline> parse_dateline(std::string_view paragraph, std::size_t* consumed) {
  Dateline d;
  std::size_t b = 0, e = 0;
  std::string problem;
  auto head = paragraph.substr(0, std::min(paragraph.size(), kMaxPrefix + 40));
  auto date = find_date(head, &b, &e, &problem);
  bool dated = (date || !problem.empty()) && b <= kMaxPrefix;
  std::size_t end = 0;
  bool placed = dated && split_places(paragraph.substr(0, b), d);
  if (dated && !placed && ends_dateline(paragraph, e)) {
    d = Dateline{};
    placed = split_places(paragraph.substr(0, b), d, /*title_case=*/true);
  }
  if (placed) {
    if (date) d.date = *date;
    end = skip_after_date(paragraph, e);
    // The raw dateline stops before the lede: keep the dash or stop we took.
    d.raw = std::string(raw_of(paragraph, end));
  } else {
    // Undated: "VIENNA – The OSCE ..." (a dash is then required).
    d = Dateline{};
    std::size_t dash_at = std::string_view::npos, dash_len = 0;
    for (auto dash : kDashes) {
      auto at = head.find(dash);
      if (at != std::string_view::npos && at < dash_at && at > 0) {
        dash_at = at;
        dash_len = dash.size();
      }
    }
    if (dash_at == std::string_view::npos || dash_at > 60 || !split_places(head.substr(0, dash_at), d))
      return std::nullopt;
    end = dash_at + dash_len;
    while (end < paragraph.size() && is_space(paragraph[end])) ++end;
    d.raw = std::string(raw_of(paragraph, end));
  }
  // A place written in title case is kept as written ("Frankfurt am Main").
  d.place = title_case_if_shouting(d.places.front());
  if (consumed) *consumed = end;
  return d;
}

std::string title_case_if_shouting(std::string_view s) {
  return letter_case(s).has_lower ? std::string(s) : title_case(s);
}

}  // namespace winnow
