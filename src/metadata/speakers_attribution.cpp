// Speaker attribution: reading who said a quote from the words around it.
//
// The problem. Press offices attribute quotes in a few fixed word orders,
// and we must recover name, honorific, role and verb from each of them:
//
//   "...," said Ambassador Lubomir Kopaj, OSCE Project Co-ordinator in Ukraine.
//   "...," Tullio Del Sette, General Commander of the Carabinieri said.
//   "...," Secretary General Lamberto Zannier said.
//   "...," added Kopaj.            "...," he added.
//   Kopaj said: "..."              Ambassador X stressed that ... (indirect)
//   "...," according to Ambassador Jane Doe.
//   "...," said Programme manager Ana Vuković.   (a lower-case title)
//   X told participants that ...   X said the teams had ...   According to X, ...
//   "...," the Secretary General said.   The Head of Mission added: "..."
//
// The last shape names a title, not a person: it is returned with by_title
// set, and the roster (speakers.cpp) gives the quote to the person already
// quoted or reported with that honorific or role, or drops it.
//
// The method. Each word order is one RE2 pattern built from the same pieces:
// a name phrase (capitalised words, with lower-case particles such as "de"
// or "van" allowed between them), an optional comma-delimited apposition
// (the role), and a reporting verb from the table below. The patterns are
// anchored to the quote mark they describe (`^` for text after a closing
// mark, `$` for text before an opening one), so they never wander into the
// next sentence. The name phrase is then split into honorific, title and
// name, or refused when it is no person (speakers_names.cpp). When the
// first capitalised phrase is the role and the apposition the name ("The
// Mission's Head, Ambassador Kilian Wahl, said:"), the two are swapped.
//
// Why patterns and not a parser: the shapes are few and stable, and an
// anchored regex either matches the whole attribution or nothing, which
// keeps precision high; an unrecognised shape costs recall on that quote
// only. The role is taken lazily up to the verb or the sentence end, so a
// role containing a full stop ("Washington D.C.") is cut short: accepted.
//
// Where things are: the word tables are in speakers_words.hpp, the
// patterns built from them in speakers_patterns.cpp, reported speech
// without quote marks ("X said that ...") in speakers_reported.cpp; this
// file reads the words beside a quote.
//
// Cost: each quote costs a few anchored matches on its attribution
// sentence, linear in its length, and only those its first byte allows (a
// lower-case word for the verb-first orders, a capital for the name-first
// ones). Capturing groups are what costs: a lazy group makes RE2 run its
// NFA over the whole match, so the commonest shape ("said NAME, ROLE.")
// captures the name only and its role is read by hand (role_tail), where a
// verb is looked for at every word, among the verbs sharing its first
// letter only. Each other pattern is asked only when a pretest finds the
// words it needs (a reporting verb beside "he"/"she" or "the", a verb or
// participle ending the text before a quote). A quote thus costs on the
// order of a microsecond (bench/metadata measures the speaker pass).

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>

#include <re2/re2.h>

#include "speakers_internal.hpp"
#include "speakers_patterns.hpp"
#include "speakers_words.hpp"
#include "text_bytes.hpp"

namespace winnow::speakers_detail {
namespace {

using speakers_words::kCircumstances;
using speakers_words::kClauseOpeners;
using speakers_words::kParticiples;
using speakers_words::kReportingVerbs;

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// RE2's \s and \w.
constexpr bool is_re_space(char c) { return text::is_html_space(c); }
constexpr bool is_word_byte(char c) { return text::is_word_byte(c); }

bool starts_word(std::string_view s, std::size_t at, std::string_view w) {
  return s.substr(at, w.size()) == w &&
         (at + w.size() == s.size() || !std::isalnum(static_cast<unsigned char>(s[at + w.size()])));
}

// The reporting verbs by first letter, in the table's order: a word is
// compared with the few verbs sharing its initial, not with all 43 (verb_at
// is asked at every word of a role, so this was a third of attribution_after).
struct VerbsByInitial {
  std::array<std::uint8_t, 27> first{};                          // bucket c is order[first[c], first[c + 1])
  std::array<std::uint8_t, kReportingVerbs.size()> order{};  // indices into kReportingVerbs
};

constexpr VerbsByInitial kVerbsByInitial = [] {
  VerbsByInitial t;
  std::size_t n = 0;
  for (int c = 0; c < 26; ++c) {
    t.first[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(n);
    for (std::size_t v = 0; v < kReportingVerbs.size(); ++v)
      if (kReportingVerbs[v][0] - 'a' == c) t.order[n++] = static_cast<std::uint8_t>(v);
  }
  t.first[26] = static_cast<std::uint8_t>(n);
  return t;
}();


// Pretests. Each answers whether a pattern CAN match, by what its text
// must hold (a reporting verb where the pattern wants one, "he" or "she"
// beside it), so that RE2 is asked only then; a pretest may say yes in
// vain but never no in vain: it reads each word the way the pattern does
// (a space in a table's phrase as \s+, RE2's \s and \w). Most
// attributions are "said NAME" or "NAME said", and these turn away the
// pronoun, title and participle shapes there in a few compares.

// Past one or more whitespace bytes from `i`, or npos when there are none.
std::size_t past_spaces(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_re_space(s[j])) ++j;
  return j == i ? std::string_view::npos : j;
}

// The end of the reporting verb at `at` (its words apart by any whitespace,
// as the patterns have them) when no word byte follows it, or npos.
std::size_t reporting_verb_end(std::string_view s, std::size_t at) {
  if (at >= s.size() || s[at] < 'a' || s[at] > 'z') return std::string_view::npos;
  const auto c = static_cast<std::size_t>(s[at] - 'a');
  for (std::size_t k = kVerbsByInitial.first[c]; k < kVerbsByInitial.first[c + 1]; ++k) {
    std::size_t i = at;
    for (char v : kReportingVerbs[kVerbsByInitial.order[k]]) {
      if (v == ' ') i = past_spaces(s, i);
      else i = i < s.size() && s[i] == v ? i + 1 : std::string_view::npos;
      if (i == std::string_view::npos) break;
    }
    if (i != std::string_view::npos && (i == s.size() || !is_word_byte(s[i]))) return i;
  }
  return std::string_view::npos;
}

// The end of "he" or "she" at `i` in any case (RE2's (?i) folds the long
// s, U+017F, to s as well), or npos.
std::size_t pronoun_end(std::string_view s, std::size_t i) {
  if (i < s.size() && (s[i] | 0x20) == 's') ++i;
  else if (s.substr(i, 2) == "\xC5\xBF") i += 2;
  if (i + 2 <= s.size() && (s[i] | 0x20) == 'h' && (s[i + 1] | 0x20) == 'e') return i + 2;
  return std::string_view::npos;
}

// pronoun_after from `at`: "he (also) said" or "said he".
bool may_be_pronoun_after(std::string_view s, std::size_t at) {
  if (std::size_t p = pronoun_end(s, at); p != std::string_view::npos) {
    std::size_t q = past_spaces(s, p);
    if (q == std::string_view::npos) return false;
    if (reporting_verb_end(s, q) != std::string_view::npos) return true;
    if (s.substr(q, 4) != "also") return false;
    q = past_spaces(s, q + 4);
    return q != std::string_view::npos && reporting_verb_end(s, q) != std::string_view::npos;
  }
  std::size_t v = reporting_verb_end(s, at);
  if (v == std::string_view::npos) return false;
  v = past_spaces(s, v);
  return v != std::string_view::npos && pronoun_end(s, v) != std::string_view::npos;
}

// verb_role_name from `at`: "said the ...".
bool may_be_verb_the(std::string_view s, std::size_t at) {
  std::size_t v = reporting_verb_end(s, at);
  if (v == std::string_view::npos) return false;
  v = past_spaces(s, v);
  return v != std::string_view::npos && s.substr(v, 3) == "the" && v + 3 < s.size() && is_re_space(s[v + 3]);
}

// Whether `w` is the last word of a reporting verb ("said", "out").
bool ends_reporting_verb(std::string_view w) {
  for (std::string_view v : kReportingVerbs)
    if (last_word(v) == w) return true;
  return false;
}

// The attribution_before patterns all end in `\s*[:,]?\s*$` after a
// reporting verb, a participle, or a verb's addressee ("told journalists:",
// "told the press:"): the text's last word must be one of those, or follow
// a verb or "the".
bool may_end_attribution(std::string_view s) {
  std::size_t e = s.size();
  while (e > 0 && is_re_space(s[e - 1])) --e;
  if (e > 0 && (s[e - 1] == ':' || s[e - 1] == ',')) {
    --e;
    while (e > 0 && is_re_space(s[e - 1])) --e;
  }
  auto word_ending_at = [&](std::size_t end) {
    std::size_t b = end;
    while (b > 0 && is_word_byte(s[b - 1])) --b;
    return s.substr(b, end - b);
  };
  const std::string_view last = word_ending_at(e);
  if (last.empty()) return false;
  if (ends_reporting_verb(last)) return true;
  for (std::string_view w : kParticiples)
    if (last == w) return true;
  std::size_t b = e - last.size();
  if (b == 0 || !is_re_space(s[b - 1])) return false;
  while (b > 0 && is_re_space(s[b - 1])) --b;
  const std::string_view before = word_ending_at(b);
  return before == "the" || ends_reporting_verb(before);
}

// kRoleEnd at `i`: spaces, then a sentence end, ";", a comma closing the
// text, the text's end, or ", adding" and the like.
bool role_end_at(std::string_view s, std::size_t i) {
  while (i < s.size() && is_ws(s[i])) ++i;
  if (i == s.size()) return true;
  const char c = s[i];
  if ((c == '.' || c == '!' || c == '?') && (i + 1 == s.size() || is_ws(s[i + 1]))) return true;
  if (c == ';') return true;
  if (c != ',') return false;
  std::size_t j = i + 1;
  while (j < s.size() && is_ws(s[j])) ++j;
  if (j == s.size()) return true;
  if (j == i + 1) return false;
  for (std::string_view w : kParticiples)
    if (starts_word(s, j, w)) return true;
  return false;
}

// What verb_first accepts after the name, read by hand: an apposition (the
// role, lazily up to role_end_at) or the end of the attribution. Returns
// false when neither fits.
bool role_tail(std::string_view s, std::string& role) {
  std::size_t i = 0;
  while (i < s.size() && is_ws(s[i])) ++i;
  if (i < s.size() && s[i] == ',') {
    std::size_t b = i + 1;
    while (b < s.size() && is_ws(s[b])) ++b;
    // Role characters: anything but . ; : and quote marks, a dot inside a
    // token ("PC.DEC/1039") allowed.
    for (std::size_t e = b; e < s.size();) {
      const char c = s[e];
      if (c == ';' || c == ':' || c == '"') break;
      if (c == '.' && (e + 1 == s.size() || is_ws(s[e + 1]))) break;
      if (c == '\xE2' && (s.substr(e, 3) == "\xE2\x80\x9C" || s.substr(e, 3) == "\xE2\x80\x9D")) break;
      ++e;
      if (role_end_at(s, e)) {
        role = std::string(s.substr(b, e - b));
        return true;
      }
    }
  }
  // No apposition: the attribution ends, or a circumstance follows.
  if (i == s.size()) return true;
  const char c = s[i];
  if (c == '.' || c == ';' || c == '!' || c == '?') return true;
  if (c == ',') {
    std::size_t j = i + 1;
    while (j < s.size() && is_ws(s[j])) ++j;
    if (j == s.size()) return true;
  }
  if (i > 0)
    for (std::string_view w : kCircumstances)
      if (starts_word(s, i, w)) return true;
  return false;
}

// A reporting verb at `i` after at least one space (and an optional
// "also"), ending at a word boundary; its end, or npos.
std::size_t verb_at(std::string_view s, std::size_t i, std::string& verb) {
  std::size_t j = i;
  while (j < s.size() && is_ws(s[j])) ++j;
  if (j == i) return std::string_view::npos;
  if (starts_word(s, j, "also")) {
    std::size_t k = j + 4;
    while (k < s.size() && is_ws(s[k])) ++k;
    if (k > j + 4) j = k;
  }
  std::string_view v = reporting_verb_at(s, j);
  if (v.empty()) return std::string_view::npos;
  verb = std::string(v);
  return j + v.size();
}

// Verb, lower-case title and name of a verb_first_head match `m`, read the
// way the pattern groups them; false if the reading disagrees with it.
bool split_verb_first(std::string_view m, std::string& verb, std::string& title, std::string& name) {
  std::size_t i = 0;
  while (i < m.size() && (is_ws(m[i]) || m[i] == ',')) ++i;
  const std::string_view found = reporting_verb_at(m, i);
  if (found.empty()) return false;
  verb = std::string(found);
  const std::size_t v = i + found.size();
  auto word_end = [&](std::size_t from) {
    while (from < m.size() && !is_ws(m[from])) ++from;
    return from;
  };
  auto skip_ws = [&](std::size_t from) {
    while (from < m.size() && is_ws(m[from])) ++from;
    return from;
  };
  std::size_t w1 = skip_ws(v);
  if (w1 >= m.size()) return false;
  std::size_t e1 = word_end(w1);
  auto lower_word = [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k)
      if (m[k] < 'a' || m[k] > 'z') return false;
    return e > b;
  };
  title.clear();
  std::size_t name_from = w1;
  if (lower_word(w1, e1)) {
    title = std::string(m.substr(w1, e1 - w1));
    name_from = skip_ws(e1);
  } else if (m[w1] >= 'A' && m[w1] <= 'Z' && lower_word(w1 + 1, e1)) {
    std::size_t w2 = skip_ws(e1), e2 = word_end(w2);
    if (w2 > e1 && e2 - w2 >= 5 && lower_word(w2, e2) && skip_ws(e2) < m.size()) {
      title = std::string(m.substr(w1, e2 - w1));
      name_from = skip_ws(e2);
    }
  }
  if (name_from >= m.size() || m[name_from] == ' ') return false;
  name = std::string(m.substr(name_from));
  return true;
}

bool is_role_stop(std::string_view s, std::size_t k, bool comma_stops) {
  const char c = s[k];
  if (c == ';' || c == ':' || c == '"' || (comma_stops && c == ',')) return true;
  if (c == '.' && (k + 1 == s.size() || is_ws(s[k + 1]))) return true;
  return c == '\xE2' && (s.substr(k, 3) == "\xE2\x80\x9C" || s.substr(k, 3) == "\xE2\x80\x9D");
}

// What name_first accepts after the name, read by hand in the pattern's
// order of preference: ", ROLE," then the verb (the role as short as
// possible), an "of" phrase then the verb, or the verb at once.
bool name_first_tail(std::string_view s, std::string& role, std::string& verb) {
  std::size_t i = 0;
  while (i < s.size() && is_ws(s[i])) ++i;
  if (i < s.size() && s[i] == ',') {
    std::size_t b = i + 1;
    while (b < s.size() && is_ws(s[b])) ++b;
    for (std::size_t k = b; k < s.size() && !is_role_stop(s, k, false);) {
      ++k;
      std::size_t at = k < s.size() && s[k] == ',' ? k + 1 : k;
      // verb_at wants whitespace first: most bytes are turned away here.
      if (at < s.size() && is_ws(s[at]) && verb_at(s, at, verb) != std::string_view::npos) {
        role = std::string(s.substr(b, k - b));
        return true;
      }
    }
  }
  if (i > 0 && starts_word(s, i, "of")) {
    std::size_t b = i + 2;
    while (b < s.size() && is_ws(s[b])) ++b;
    if (b > i + 2)
      for (std::size_t k = b; k < s.size() && !is_role_stop(s, k, true);) {
        ++k;
        if (k < s.size() && is_ws(s[k]) && verb_at(s, k, verb) != std::string_view::npos) {
          role.clear();
          return true;
        }
      }
  }
  role.clear();
  return verb_at(s, 0, verb) != std::string_view::npos;
}

// The spaces and commas around an apposition.
std::string_view trim(std::string_view s) { return text::trim(s, " ,"); }


}  // namespace

std::string_view reporting_verb_at(std::string_view s, std::size_t at) {
  if (at >= s.size() || s[at] < 'a' || s[at] > 'z') return {};
  const auto c = static_cast<std::size_t>(s[at] - 'a');
  for (std::size_t k = kVerbsByInitial.first[c]; k < kVerbsByInitial.first[c + 1]; ++k) {
    std::string_view v = kReportingVerbs[kVerbsByInitial.order[k]];
    if (starts_word(s, at, v)) return v;
  }
  return {};
}

// A role must read like an apposition, not the rest of a sentence
// ("Kopaj, adding that ..."): it starts with a capital or with "the"/"a".
std::string clean_role(std::string_view role) {
  role = trim(role);
  if (role.empty()) return {};
  // A lower-case role is accepted unless it opens a clause: "head of the
  // mission" is a role, "adding that ..." or "who ..." is not.
  auto first = role.substr(0, role.find(' '));
  bool capital = starts_upper(role);
  if (!capital && (first.ends_with("ing") || first.ends_with("ed") ||
                   std::any_of(kClauseOpeners.begin(), kClauseOpeners.end(), [&](std::string_view w) { return first == w; })))
    return {};
  // "Director of the College, at the ceremony": the apposition ends where a
  // comma introduces a lower-case circumstance.
  for (auto comma = role.find(", "); comma != std::string_view::npos; comma = role.find(", ", comma + 1))
    if (comma + 2 < role.size() && role[comma + 2] >= 'a' && role[comma + 2] <= 'z') return std::string(trim(role.substr(0, comma)));
  return std::string(role);
}

std::optional<Attribution> attribution_after(std::string_view after) {
  const Patterns& p = patterns();
  re2::StringPiece in(after.data(), after.size());
  // Every pattern here opens with `^\s*,?\s*` and then a reporting verb
  // (lower case), "he"/"she" (any case), "according", or a name (a capital
  // or a non-ASCII letter): that first byte rules out half the patterns
  // before RE2 is asked.
  std::size_t at = 0;
  auto skip_space = [&] {
    while (at < after.size() && (is_ws(after[at]) || after[at] == '\f')) ++at;
  };
  skip_space();
  if (at < after.size() && after[at] == ',') ++at;
  skip_space();
  const unsigned char lead = at < after.size() ? static_cast<unsigned char>(after[at]) : 0;
  const bool verb_led = (lead >= 'a' && lead <= 'z') || lead == 'H' || lead == 'S';
  const bool name_led = (lead >= 'A' && lead <= 'Z') || lead >= 0x80;
  std::string verb, name, role, verb2;
  if (verb_led && may_be_pronoun_after(after, at) && RE2::PartialMatch(in, p.pronoun_after, &verb, &verb2))
    return Attribution{verb.empty() ? verb2 : verb, {}, {}, true};
  // Before verb_first, whose optional lower-case title would take "the".
  if (verb_led && may_be_verb_the(after, at) && RE2::PartialMatch(in, p.verb_role_name, &verb, &role, &name) &&
      split_name(name))
    return Attribution{verb, name, clean_role(role), false};
  std::string title;
  re2::StringPiece g[4];
  // The whole match only (RE2's DFA); verb, title and name are then read
  // off its span by the same rules as the pattern's groups.
  bool head = verb_led && p.verb_first_head.Match(in, 0, in.size(), RE2::ANCHOR_START, g, 1);
  if (head) {
    auto end = static_cast<std::size_t>(g[0].data() + g[0].size() - in.data());
    head = split_verb_first(after.substr(0, end), verb, title, name);
    role.clear();
    head = head && role_tail(after.substr(end), role);
  }
  if (verb_led && (head || RE2::PartialMatch(in, p.verb_first, &verb, &title, &name, &role)) && split_name(name)) {
    auto r = clean_role(role);
    // "said trainer Elena Cojocaru": a one-word lower-case title is no role
    // by itself ("said journalist X" is), but two words are ("Programme manager").
    if (r.empty() && title.find(' ') != std::string::npos) r = title;
    return Attribution{verb, name, r, false};
  }
  // Only the whole match is asked for, which RE2 answers with its DFA; the
  // name is what it spans after the leading spaces and comma.
  bool first = name_led && p.name_first_head.Match(in, 0, in.size(), RE2::ANCHOR_START, g, 1);
  if (first) {
    auto end = static_cast<std::size_t>(g[0].data() + g[0].size() - in.data());
    std::size_t b = 0;
    while (b < end && (is_ws(after[b]) || after[b] == ',')) ++b;
    name = std::string(after.substr(b, end - b));
    first = name_first_tail(after.substr(end), role, verb);
  }
  if (name_led && (first || RE2::PartialMatch(in, p.name_first, &name, &role, &verb))) {
    if (split_name(name)) return Attribution{verb, name, clean_role(role), false};
    if (!role.empty() && split_name(role)) return Attribution{verb, role, clean_role(name), false};
  }
  if (lead == 'a' && RE2::PartialMatch(in, p.according, &verb, &name, &role) && split_name(name))
    return Attribution{"according to", name, clean_role(role), false};
  std::string title2;
  verb.clear();
  verb2.clear();
  title.clear();
  // title_after: "the TITLE said" or "said the TITLE".
  const bool the_led = after.substr(at, 3) == "the" && past_spaces(after, at + 3) != std::string_view::npos;
  if (verb_led && (the_led || may_be_verb_the(after, at)) &&
      RE2::PartialMatch(in, p.title_after, &title, &verb, &verb2, &title2)) {
    Attribution who{verb.empty() ? verb2 : verb, title.empty() ? title2 : title, {}, false};
    who.by_title = true;
    return who;
  }
  return std::nullopt;
}

// "X emphasized that “...”" and "X pointed out that the work had begun:
// “...”": the words before the quote, less the "that" (and the reported
// clause before a colon), end in the verb like any other attribution.
std::string_view without_that(std::string_view before) {
  std::size_t e = before.size();
  while (e > 0 && is_re_space(before[e - 1])) --e;
  std::string_view t = before.substr(0, e);
  if (t.ends_with(" that")) return t.substr(0, t.size() - 5);
  if (t.ends_with(":"))
    if (auto at = t.rfind(" that "); at != std::string_view::npos) {
      std::string_view head = t.substr(0, at);
      std::size_t b = head.size();
      while (b > 0 && is_word_byte(head[b - 1])) --b;
      if (ends_reporting_verb(head.substr(b))) return head;
    }
  return before;
}

std::optional<Attribution> attribution_before(std::string_view before) {
  const Patterns& p = patterns();
  before = without_that(before);
  if (!may_end_attribution(before)) return std::nullopt;
  re2::StringPiece in(before.data(), before.size());
  std::string verb, name, role;
  if (RE2::PartialMatch(in, p.pronoun_before, &verb)) return Attribution{verb, {}, {}, true};
  if (RE2::PartialMatch(in, p.participle_before, &verb)) return Attribution{verb, {}, {}, true};
  std::string title;
  if (RE2::PartialMatch(in, p.name_before, &title, &name, &role, &verb)) {
    if (split_name(name)) {
      auto r = clean_role(role);
      if (r.empty() && title.find(' ') != std::string::npos) r = title;  // "Programme manager Ana Vuković said:"
      return Attribution{verb, name, r, false};
    }
    // "The Mission's Head, Ambassador Kilian Wahl, said:": role first.
    if (!role.empty() && split_name(role)) return Attribution{verb, role, clean_role(name), false};
  }
  if (RE2::PartialMatch(in, p.title_before, &title, &verb)) {
    Attribution who{verb, title, {}, false};
    who.by_title = true;
    return who;
  }
  return std::nullopt;
}

}  // namespace winnow::speakers_detail
