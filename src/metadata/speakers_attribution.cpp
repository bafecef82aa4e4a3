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
// Cost: the patterns are compiled once; each quote costs a few anchored
// matches on its attribution sentence, only those its first byte allows (a
// lower-case word for the verb-first orders, a capital for the name-first
// ones), and a stretch of prose is scanned for reported speech only by the
// patterns whose words it holds ("that", a bare "said"/"says", ", who",
// "According"), looked for only after a whitespace byte followed by a
// trigger's first two letters, picked out sixteen bytes at a time (triggers_of).
// Capturing groups are what costs: a lazy group makes RE2 run its NFA over
// the whole match, so the commonest shape ("said NAME, ROLE.") captures the
// name only and its role is read by hand (role_tail), where a verb is
// looked for at every word, among the verbs sharing its first letter only.
// On the seeds the speaker pass costs about 33k instructions a page: the
// reported-speech scans 6.6k (the trigger test nearly all of it: "that"
// must follow a reporting verb or an addressee, a bare "said" precede a
// clause opener, before any pattern runs), attribution after a quote 12k.
// Each attribution pattern is asked only when a pretest finds the words it
// needs (a reporting verb beside "he"/"she" or "the", a verb or participle
// ending the text before a quote).

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <array>
#include <bit>
#include <cstring>
#include <string>

#include <re2/re2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text_bytes.hpp"
#include "speakers_internal.hpp"

namespace winnow::speakers_detail {
namespace {

// Reporting verbs, longest first so "pointed out" wins over a prefix.
constexpr auto kReportingVerbs = std::to_array<std::string_view>({
    "pointed out", "emphasized", "emphasised", "highlighted", "underscored", "acknowledged",
    "reiterated", "underlined", "explained", "concluded", "commented", "announced", "continued",
    "stressed", "stresses", "observed", "declared", "welcomed", "remarked", "affirmed", "insisted",
    "recalled", "cautioned", "estimated", "suggested", "confirmed", "predicted", "maintained",
    "asserted", "admitted", "argued", "replied", "stated", "states", "warned", "urged", "noted",
    "notes", "added", "adds", "said", "says", "told", "wrote", "writes"});

// Who a reporting verb may be addressed to before its "that": "told
// participants that", "told the audience that". Read by the patterns
// (kReported) and by the trigger test (may_report_that).
constexpr auto kAddressees = std::to_array<std::string_view>(
    {"participants", "journalists", "reporters", "delegates", "the audience", "the participants", "the meeting",
     "the conference", "the press", "them", "us"});

// Words that open a reported clause without "that": "said the teams had
// identified ...". Only these: "said in Vienna" or "said at the meeting"
// carries no clause. Read by the patterns (kReportedBare) and by the
// trigger test (may_open_bare_clause).
constexpr auto kBareClauseOpeners = std::to_array<std::string_view>(
    {"the", "a", "an", "it", "its", "this", "these", "those", "they", "there", "their", "he",
     "she", "his", "her", "we", "our", "many", "most", "all", "some", "more", "only", "no"});

// Participles that hand a quote to the speaker of the one before: "...,
// adding: “". Read by participle_before and by its end test (may_end_attribution).
constexpr auto kParticiples = std::to_array<std::string_view>({"adding", "noting", "stressing", "saying", "concluding"});

// Words that open a clause rather than an apposition after a name.
constexpr auto kClauseOpeners = std::to_array<std::string_view>({"who", "which", "that", "when", "while", "as", "and", "but", "in", "at",
                                     "during", "on", "after", "before", "to", "for", "from", "with", "it", "he", "she"});

// A table's phrases as an RE2 alternation, a space inside a phrase as \s+.
template <class Table>
std::string alternation(const Table& phrases) {
  std::string alt;
  for (std::string_view v : phrases) {
    if (!alt.empty()) alt += '|';
    std::string s(v);
    for (auto pos = s.find(' '); pos != std::string::npos; pos = s.find(' ', pos + 3))
      s.replace(pos, 1, "\\s+");
    alt += s;
  }
  return alt;
}

const std::string& kNamePhrase = name_phrase_pattern();
// An apposition: anything up to the verb or the end of the sentence.
// A dot inside a token ("PC.DEC/1039") does not end the role.
const std::string kRole = R"(((?:[^.;:“”"]|\.\S)+?))";
// After a verb that ends the attribution anything may follow ("said in his
// opening remarks", "told journalists in Kyiv"): the name before it and the
// quote mark before the name already anchor the match.
const std::string kAfterVerb = R"(\b)";
// A participle clause may close a role: "..., Head of the Centre, adding: “".
const std::string kRoleEnd = R"(\s*(?:[.!?](?:\s|$)|;|,\s*$|$|,\s+(?:adding|noting|stressing|saying)\b))";
// A lower-case title before the name: "said trainer Elena Cojocaru", or one
// that starts with a capital ("said Programme manager Ana Vuković"); the
// second word is long so that a particle ("Ana de Souza") is not taken.
// Captured: it is the role when no apposition follows.
const std::string kLowerTitle = R"((?:([a-z]+|[A-Z][a-z]+\s+[a-z]{5,})\s+)?)";
// The same before the subject of reported speech ("Station commander Arben
// Gashi said the ..."), which opens the sentence; an acronym may lead it
// ("ODIHR expert Jan van Dijk") and a second lower-case word may follow
// ("Youth council member Arta Krasniqi").
const std::string kLeadTitle = R"((?:((?:[A-Z][a-z]+|[A-Z]{2,})\s+[a-z]{5,}(?:\s+[a-z]{5,})?|[a-z]{5,})\s+)?)";
// The reported clause after "that"; after a bare "said"/"says" it must open
// with a determiner or pronoun ("warned the ministries to ..." is no
// reported speech, so other verbs need their "that").
const std::string kReported =
    R"((?:\s+(?:)" + alternation(kAddressees) + R"())?\s+that\s+([^!?]+?)[.!?](?:\s|$))";
const std::string kReportedBare =
    R"(\s+((?:)" + alternation(kBareClauseOpeners) + R"(|\d[\d,]*)\s[^!?]+?)[.!?](?:\s|$))";

// A title standing for a person already named: "Secretary General", "Head
// of Mission", "Chairperson-in-Office". Captured.
const std::string kTitleWords =
    R"(([A-Z][A-Za-z'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][A-Za-z'’-]+){0,4}))";

// The patterns are large (a verb alternation, Unicode letter classes); at
// RE2's default memory budget their DFAs overflow the cache and are rebuilt
// over and over, which made the speaker pass the slowest part of `extract`.
RE2::Options options() {
  RE2::Options o;
  o.set_max_mem(64 << 20);
  return o;
}

struct Patterns {
  std::string verbs = "(" + alternation(kReportingVerbs) + ")";
  // With a role the sentence must end after it (a lazy role would otherwise
  // stop at the first "in"); without one, a circumstance may follow the name.
  RE2 verb_first{R"(^\s*,?\s*)" + verbs + R"(\s+)" + kLowerTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                 kRoleEnd + R"(|\s*(?:[.;!?]|,\s*$|$|\s+(?:in|at|during|on|after|before|when|while|as|upon|of)\b)))", options()};
  // verb_first without what follows the name, which role_tail reads by
  // hand: capturing the lazy role made RE2 run its slowest engine over the
  // whole attribution, several microseconds a quote.
  RE2 verb_first_head{R"(^\s*,?\s*)" + verbs + R"(\s+)" + kLowerTitle + kNamePhrase, options()};
  // name_first without what follows the name, which name_first_tail reads.
  RE2 name_first_head{R"(^\s*,?\s*)" + kNamePhrase, options()};
  // "..., according to Ambassador Jane Doe, Head of Mission."
  RE2 according{R"(^\s*,?\s*(according\s+to)\s+)" + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                R"()?\s*(?:[.!?](?:\s|$)|;|,\s*$|$))", options()};
  // "said the Representative, Teresa Ribeiro."
  RE2 verb_role_name{R"(^\s*,?\s*)" + verbs + R"(\s+the\s+)" + kRole + R"(,\s+)" + kNamePhrase +
                     R"(\s*(?:[.!?](?:\s|$)|;|,\s*$|$))", options()};
  // "Colonel Ruslan Akhmetov of the Kazakh Ministry of Defence told ...".
  RE2 name_first{R"(^\s*,?\s*)" + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                 R"(,?|\s+of\s+[^.;:“”",]+?)?\s+(?:also\s+)?)" + verbs + kAfterVerb, options()};
  RE2 pronoun_after{R"(^\s*,?\s*(?:(?i:he|she)\s+(?:also\s+)?)" + verbs + R"(|)" + verbs +
                    R"(\s+(?i:he|she))\b)", options()};
  // "Marian Stoica from Cluj, said:" allows a "from" phrase after the name.
  RE2 name_before{kLeadTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole + R"(,|\s+from\s+[^,.;:“”"]+?,)?\s+(?:also\s+)?)" + verbs +
                  R"((?:\s+(?:participants|journalists|reporters|delegates|the\s+\w+))?\s*[:,]?\s*$)", options()};
  RE2 pronoun_before{R"((?:^|\s)(?i:he|she)\s+(?:also\s+)?)" + verbs + R"(\s*[:,]?\s*$)", options()};
  // "..., the Secretary General said.", "..., said the Head of Mission.":
  // a title of capitalised words (with "of"/"the" inside) instead of a name.
  RE2 title_after{R"(^\s*,?\s*(?:the\s+)" + kTitleWords + R"(\s+(?:also\s+)?)" + verbs + R"(\b|)" + verbs +
                  R"(\s+the\s+)" + kTitleWords + R"(\s*(?:[.,;!?]|$)))", options()};
  RE2 title_before{R"((?:^|\s)[Tt]he\s+)" + kTitleWords + R"(\s+(?:also\s+)?)" + verbs + R"(\s*[:,]?\s*$)", options()};
  // "..., adding: “": the speaker of the quote just closed goes on.
  RE2 participle_before{R"((?:^|,)\s*()" + alternation(kParticiples) + R"()\s*[:,]?\s*$)", options()};
  // "... chaired by Ambassador Alena Kupchyna, who said that ...": the
  // subject may stand anywhere when a relative clause introduces the verb.
  RE2 indirect_who{R"(\s)" + kNamePhrase + R"(()?,\s+who\s+(?:also\s+)?)" + verbs + kReported, options()};
  RE2 indirect{R"((?:^|[.!?;]\s+|,\s+))" + kLeadTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole +
               R"(,)?\s+(?:also\s+)?)" + verbs + kReported, options()};
  RE2 indirect_who_bare{R"(\s)" + kNamePhrase + R"(()?,\s+who\s+(?:also\s+)?(said|says))" + kReportedBare,
                        options()};
  RE2 indirect_bare{R"((?:^|[.!?;]\s+|,\s+))" + kLeadTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                    R"(,)?\s+(?:also\s+)?(said|says))" + kReportedBare, options()};
  // "According to Commission Chair Alina Russu, the new procedures ...".
  RE2 indirect_according{R"((?:^|[.!?]\s+)(According\s+to)\s+)" + kNamePhrase + R"(,\s+([^!?]+?)[.!?](?:\s|$))",
                         options()};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// RE2's \s.
bool is_re_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
// RE2's \w.
bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

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

// The reporting verb that is the whole word at `at`, or an empty view.
std::string_view reporting_verb_at(std::string_view s, std::size_t at) {
  if (at >= s.size() || s[at] < 'a' || s[at] > 'z') return {};
  const auto c = static_cast<std::size_t>(s[at] - 'a');
  for (std::size_t k = kVerbsByInitial.first[c]; k < kVerbsByInitial.first[c + 1]; ++k) {
    std::string_view v = kReportingVerbs[kVerbsByInitial.order[k]];
    if (starts_word(s, at, v)) return v;
  }
  return {};
}

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

// The last word of a table's phrase ("out" of "pointed out").
constexpr std::string_view last_word(std::string_view phrase) { return phrase.substr(phrase.rfind(' ') + 1); }

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
  for (std::string_view w : {"adding", "noting", "stressing", "saying"})
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
    for (std::string_view w : {"in", "at", "during", "on", "after", "before", "when", "while", "as", "upon", "of"})
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

}  // namespace

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

namespace {

// The words the reported-speech patterns cannot match without: " that "
// (every pattern with a verb other than said/says), " said "/" says " (the
// bare-clause patterns), ", who " (the relative-clause ones) and "According "
// (indirect_according), each bounded by the whitespace (RE2's \s) the
// patterns put around it. Every such word starts right after a whitespace
// byte and begins with "th", "sa", "wh" or "Ac", so only those are looked
// at: the prose is read sixteen bytes at a time (SSE2; byte by byte
// elsewhere and for the tail), each byte below '!' (whitespace among them)
// followed by one of those pairs is picked out as a bit mask, and only the
// words after them are tested.
struct Triggers {
  bool that = false, said = false, who = false, according = false;
};

// Whether the word starting at b is `w` followed by whitespace.
bool word_is(std::string_view prose, std::size_t b, std::string_view w) {
  return b + w.size() < prose.size() && prose.compare(b, w.size(), w) == 0 && is_re_space(prose[b + w.size()]);
}

// Whether the four bytes at `at` open a trigger word ("that", "said",
// "says", "who", "Acco"rding), compared as one 32-bit load: most words are
// turned away here. Every trigger is followed by whitespace, so four bytes
// are there to read whenever one can match.
bool opens_trigger(std::string_view prose, std::size_t at) {
  if (at + 4 > prose.size()) return false;
  static constexpr auto word = [](const char* w) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(w[0])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(w[1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(w[2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(w[3])) << 24;
  };
  const std::uint32_t x = word(prose.data() + at);
  return x == word("that") || x == word("said") || x == word("says") || x == word("Acco") ||
         (x & 0xFFFFFFu) == (word("who ") & 0xFFFFFFu);
}

// The whitespace-delimited word ending before the whitespace that ends
// right before `b`.
std::string_view word_before(std::string_view prose, std::size_t b) {
  std::size_t e = b;
  while (e > 0 && is_re_space(prose[e - 1])) --e;
  std::size_t from = e;
  while (from > 0 && !is_re_space(prose[from - 1])) --from;
  return prose.substr(from, e - from);
}

// The last words of the multi-word verbs and of the addressees, gathered
// once from their tables (a "that" costs a scan of these few, not of every
// verb).
struct LastWords {
  std::array<std::string_view, kReportingVerbs.size() + kAddressees.size()> words{};
  std::size_t size = 0;
};
constexpr LastWords kLastWordsBeforeThat = [] {
  LastWords t;
  for (std::string_view v : kReportingVerbs)
    if (v.find(' ') != std::string_view::npos) t.words[t.size++] = last_word(v);  // "pointed out"
  for (std::string_view a : kAddressees) t.words[t.size++] = last_word(a);
  return t;
}();

// The last words that may stand right before the " that " of reported
// speech in the patterns (kReported): a reporting verb ("pointed out"
// ends in "out") or an addressee. "that" is common; after other words
// ("the fact that", "NGOs that") no pattern can use it.
bool may_report_that(std::string_view prose, std::size_t that_at) {
  const std::string_view w = word_before(prose, that_at);
  if (w.empty()) return false;
  if (reporting_verb_at(w, 0).size() == w.size()) return true;  // a one-word verb, by its first letter
  for (std::size_t k = 0; k < kLastWordsBeforeThat.size; ++k)
    if (kLastWordsBeforeThat.words[k] == w) return true;
  return false;
}

// Whether the "said"/"says" at `b` is followed by a word that opens a
// reported clause without "that" (kBareClauseOpeners, then whitespace), as
// the bare patterns require: "said Ambassador ..." is no such clause.
bool may_open_bare_clause(std::string_view prose, std::size_t b) {
  std::size_t i = b + 4;
  const std::size_t spaces = i;
  while (i < prose.size() && is_re_space(prose[i])) ++i;
  if (i == spaces) return false;
  std::size_t e = i;
  while (e < prose.size() && !is_re_space(prose[e])) ++e;
  if (e == prose.size()) return false;
  const std::string_view w = prose.substr(i, e - i);
  if (std::isdigit(static_cast<unsigned char>(w[0]))) return true;  // "said 300 officers would ..."
  for (std::string_view o : kBareClauseOpeners)
    if (w == o) return true;
  return false;
}

// The word starting at b (after whitespace, or at 0), tested against each trigger.
void note_word(std::string_view prose, std::size_t b, Triggers& t) {
  switch (prose[b]) {
    case 't':
      t.that = t.that || (b > 0 && word_is(prose, b, "that") && may_report_that(prose, b));
      break;
    case 's':
      t.said = t.said || (b > 0 && (word_is(prose, b, "said") || word_is(prose, b, "says")) &&
                          may_open_bare_clause(prose, b));
      break;
    case 'w':
      if (!t.who && b > 0 && word_is(prose, b, "who")) {
        std::size_t k = b;
        while (k > 0 && is_re_space(prose[k - 1])) --k;
        t.who = k > 0 && prose[k - 1] == ',';
      }
      break;
    case 'A':
      t.according = t.according || word_is(prose, b, "According");
      break;
    default:
      break;
  }
}

// The first letters of the trigger words: most words after a space start
// with another letter and are turned away with one load.
constexpr auto kTriggerInitial = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'t', 's', 'w', 'A'}) t[c] = true;
  return t;
}();

Triggers triggers_of(std::string_view prose) {
  Triggers t;
  const std::size_t n = prose.size();
  if (n > 0 && !is_re_space(prose[0])) note_word(prose, 0, t);
  auto try_word_after = [&](std::size_t at) {  // `at`: a byte below '!'
    if (opens_trigger(prose, at + 1) && is_re_space(prose[at])) note_word(prose, at + 1, t);
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  // Bit k of `hit` is set when byte i+k is below '!' and bytes i+k+1 and
  // i+k+2 open a trigger: "th", "sa", "wh" or "Ac" (most words are turned
  // away by these two letters; the 32-bit test then reads four).
  const auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  const __m128i below = _mm_set1_epi8(' ');
  for (; i + 18 <= n; i += 16) {
    const auto load = [&](std::size_t k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(prose.data() + k)); };
    const __m128i x = load(i), c1 = load(i + 1), c2 = load(i + 2);
    const __m128i space = _mm_cmpeq_epi8(_mm_min_epu8(x, below), x);  // x <= ' ', unsigned
    const __m128i pair = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(_mm_or_si128(eq(c1, 't'), eq(c1, 'w')), eq(c2, 'h')),
                     _mm_and_si128(eq(c1, 's'), eq(c2, 'a'))),
        _mm_and_si128(eq(c1, 'A'), eq(c2, 'c')));
    for (auto hit = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(space, pair))); hit != 0; hit &= hit - 1)
      try_word_after(i + static_cast<std::size_t>(std::countr_zero(hit)));
  }
#endif
  for (; i < n; ++i)
    if (static_cast<unsigned char>(prose[i]) < '!' && i + 1 < n && kTriggerInitial[static_cast<unsigned char>(prose[i + 1])])
      try_word_after(i);
  return t;
}

// Where a reported-speech pattern keeps its parts (0: absent).
struct Groups {
  int subject, role, verb, clause, clause_bare, lead = 0;  // lead: a title before the subject
};

// One pass of one reported-speech pattern.
void scan_indirect(const RE2& re, Groups gi, std::string_view prose, std::vector<Indirect>& out) {
  re2::StringPiece groups[6];
  const int n = 1 + std::max({gi.subject, gi.role, gi.verb, gi.clause, gi.clause_bare, gi.lead});
  auto view = [&](int g) {
    return g > 0 && groups[g].data() ? std::string_view(groups[g].data(), groups[g].size()) : std::string_view{};
  };
  std::size_t pos = 0;
  while (pos < prose.size() &&
         re.Match(re2::StringPiece(prose.data(), prose.size()), pos, prose.size(), RE2::UNANCHORED,
                  groups, n)) {
    std::string_view subject = view(gi.subject), role = view(gi.role);
    Attribution who;
    who.verb = std::string(view(gi.verb));
    if (who.verb.starts_with("According")) who.verb = "according to";
    if (subject == "He" || subject == "She") {
      who.pronoun = true;
    } else if (split_name(subject)) {
      who.name_phrase = std::string(subject);
      who.role = clean_role(role);
      if (who.role.empty() && view(gi.lead).find(' ') != std::string_view::npos) who.role = std::string(view(gi.lead));
    } else if (!role.empty() && split_name(role)) {
      // "The Deputy Head of the Mission, Kathrin Auer, recalled that".
      who.name_phrase = std::string(role);
      who.role = clean_role(subject);
    } else {
      pos = static_cast<std::size_t>(subject.data() + subject.size() - prose.data());
      continue;
    }
    std::string_view clause = view(gi.clause).data() ? view(gi.clause) : view(gi.clause_bare);
    auto b = static_cast<std::size_t>(clause.data() - prose.data());
    out.push_back({std::move(who), b, b + clause.size()});
    pos = b + clause.size();
  }
}

}  // namespace

std::vector<Indirect> find_indirect(std::string_view prose) {
  std::vector<Indirect> out;
  // Each pattern runs only on prose holding the words it cannot match
  // without: most prose holds none of them.
  const Patterns& p = patterns();
  const Triggers t = triggers_of(prose);
  if (t.that) scan_indirect(p.indirect, {2, 3, 4, 5, 0, 1}, prose, out);
  if (t.said) scan_indirect(p.indirect_bare, {2, 3, 4, 5, 0, 1}, prose, out);
  if (t.who && t.that) scan_indirect(p.indirect_who, {1, 2, 3, 4, 0}, prose, out);
  if (t.who && t.said) scan_indirect(p.indirect_who_bare, {1, 2, 3, 4, 0}, prose, out);
  if (t.according) scan_indirect(p.indirect_according, {2, 0, 1, 3, 0}, prose, out);
  std::sort(out.begin(), out.end(), [](const Indirect& a, const Indirect& b) { return a.begin < b.begin; });
  // Two patterns may read the same clause ("X, who said that" is also "X said that" to the general one).
  out.erase(std::unique(out.begin(), out.end(), [](const Indirect& a, const Indirect& b) { return a.begin == b.begin; }),
            out.end());
  return out;
}

}  // namespace winnow::speakers_detail

