// Byte-level text helpers shared by the stages: byte classes, ASCII lower
// case, and trimming by a named set of bytes. Private to src/.
//
// The problem. Every stage reads text byte by byte somewhere (a WARC header
// value, a date, a dateline, an excerpt mark, a CSS class), and each had
// grown its own `trim` and its own lower-caser: six trims with six
// character sets, five lower-casers, some through <cctype> (a library call
// per byte whose answer depends on the C locale), some by hand.
//
// The method. One narrow header, not a `utils` bag: what a byte is (the
// classes below, ASCII only: a byte >= 0x80 is no space, letter or digit
// here; UTF-8 letters are the business of the callers that need them),
// ASCII lower case, and `trim` of a set the caller names. The sets are
// named after what they are (`kAsciiSpace`, `kHtmlSpace`), so that a call
// says which whitespace it means: HTML's five (no vertical tab), C's six,
// a header's space and tab.
//
// Why bytes and not characters: the sets here are ASCII, where a byte is a
// character. A set holding the bytes of multi-byte characters would trim
// byte by byte and could cut a character in two ("\xE2\x86\x92", an arrow,
// shares its lead byte with "\xE2\x80\xA6", an ellipsis); trim whole
// strings for those, as the excerpt marks do (dedup_excerpt.cpp).
//
// Two readings of text above the byte are here too because three stages
// need them alike: the lowered words of a line (for comparing titles and
// headings, and lines across pages) and whether a line ends like a
// sentence (a title or a byline does not).
//
// Cost: all constexpr and inline; a trim is a scan of the ends only, a
// word walk one pass.
//
//   std::string_view v = winnow::text::trim("  Vienna, \n");          // "Vienna,"
//   std::string_view d = winnow::text::trim("16 July 2008,", winnow::text::kAsciiSpaceComma);
//   std::string host = winnow::text::ascii_lowered("WWW.OSCE.org");  // "www.osce.org"
#pragma once

#include <string>
#include <string_view>

namespace winnow::text {

// C's isspace in the "C" locale: space, \t \n \v \f \r.
inline constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";
// HTML's ASCII whitespace, and RE2's \s: space, \t \n \f \r (no \v).
inline constexpr std::string_view kHtmlSpace = " \t\n\f\r";
// C's whitespace and the comma: what ends "16 July 2008, " in a list.
inline constexpr std::string_view kAsciiSpaceComma = " \t\n\v\f\r,";

constexpr bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
// RE2's \w: ASCII letters, digits and the underscore.
constexpr bool is_word_byte(char c) { return is_ascii_alnum(c) || c == '_'; }

constexpr char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

inline std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Whether `a` equals `lower`, a text already in ASCII lower case, when
// `a`'s ASCII letters are lowered.
constexpr bool equals_lowered(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != lower[i]) return false;
  return true;
}

// `s` without the bytes of `set` at its start / its end / both.
constexpr std::string_view trim_front(std::string_view s, std::string_view set = kAsciiSpace) {
  while (!s.empty() && set.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  return s;
}
constexpr std::string_view trim_back(std::string_view s, std::string_view set = kAsciiSpace) {
  while (!s.empty() && set.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}
constexpr std::string_view trim(std::string_view s, std::string_view set = kAsciiSpace) {
  return trim_back(trim_front(s, set), set);
}

// Calls `f(word)` (a std::string&, which `f` may move from) for each word
// of `s` in ASCII lower case. A word is a run of ASCII letters and digits
// and of bytes >= 0x80: every non-ASCII character counts as a letter, so
// Cyrillic or Greek words are words, and a no-break space or a dash is
// not a separator (callers compare such words as they are).
template <class F>
void for_each_lowered_word(std::string_view s, F&& f) {
  std::string word;
  for (char c : s) {
    if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(ascii_lower(c));
    } else if (!word.empty()) {
      f(word);
      word.clear();
    }
  }
  if (!word.empty()) f(word);
}

// Whether `s` ends like a sentence: its last character, past closing
// quotes and brackets (" ' ), is . ! ? : or ” … 。. A title, a byline or a
// menu item does not.
constexpr bool ends_like_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == ')' || s.back() == '\'')) s.remove_suffix(1);
  if (s.empty()) return false;
  const char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':') return true;
  return s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE3\x80\x82") || s.ends_with("\xE2\x80\xA6");  // ” 。 …
}

}  // namespace winnow::text
