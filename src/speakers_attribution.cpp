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
//
// The method. Each word order is one RE2 pattern built from the same pieces:
// a name phrase (capitalised words, with lower-case particles such as "de"
// or "van" allowed between them), an optional comma-delimited apposition
// (the role), and a reporting verb from the table below. The patterns are
// anchored to the quote mark they describe (`^` for text after a closing
// mark, `$` for text before an opening one), so they never wander into the
// next sentence. The name phrase is then split into honorific and name by
// longest match against the honorific table, and refused when it does not
// look like a person (an acronym, "The", a month).
//
// Why patterns and not a parser: the shapes are few and stable, and an
// anchored regex either matches the whole attribution or nothing, which
// keeps precision high; an unrecognised shape costs recall on that quote
// only. The role is taken lazily up to the verb or the sentence end, so a
// role containing a full stop ("Washington D.C.") is cut short: accepted.
//
// Cost: the patterns are compiled once; each quote costs two anchored
// matches on the text next to it, and each paragraph one scan for reported
// speech.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <re2/re2.h>

#include "speakers_internal.hpp"
#include "winnow/dates.hpp"

namespace winnow::speakers_detail {
namespace {

// Reporting verbs, longest first so "pointed out" wins over a prefix.
constexpr std::array kReportingVerbs{
    "pointed out", "emphasized", "emphasised", "highlighted", "underscored", "acknowledged",
    "reiterated", "underlined", "explained", "concluded", "commented", "announced", "continued",
    "stressed", "stresses", "observed", "declared", "welcomed", "remarked", "affirmed", "insisted",
    "recalled", "stated", "states", "warned", "urged", "noted", "notes", "added", "adds", "said",
    "says", "told"};

// Honorifics and titles that stand before a name, longest first.
constexpr std::array kHonorifics{
    "Deputy Secretary General", "Chairperson-in-Office", "Chairman-in-Office", "Secretary General",
    "Secretary-General", "Special Representative", "High Commissioner", "Lieutenant Colonel",
    "Deputy Minister", "Foreign Minister", "Prime Minister", "Vice President", "Vice-President",
    "Ambassador", "Professor", "Minister", "President", "Commissioner", "Ombudsperson", "Director",
    "Colonel", "General", "Captain", "Major", "Senator", "Mayor", "Governor", "Judge", "Sir", "Dame",
    "Prof.", "Prof", "Mrs.", "Mrs", "Mr.", "Mr", "Ms.", "Ms", "Dr.", "Dr"};

// Lower-case words allowed inside a name ("Tullio Del Sette" is covered by
// capitals; these cover "Ursula von der Leyen", "Luis de Almeida").
constexpr const char* kNameParticles = "de|del|della|der|den|van|von|da|di|du|la|le|bin|ibn|al|dos|das|ten|ter";

// Capitalised words that start sentences, never part of a person's name.
constexpr std::array kNotNames{
    "The", "This", "That", "These", "Those", "It", "We", "They", "He", "She", "I", "You", "Our",
    "His", "Her", "Its", "Their", "In", "On", "At", "As", "By", "For", "From", "With", "According",
    "Both", "Some", "All", "Many", "Participants", "Opening", "Speaking", "Addressing"};

// Words naming institutions: in front of a name they belong to the role
// ("Mission Jan Braathu" from "Head of Mission Jan Braathu"), alone they are
// not a person.
constexpr std::array kInstitutionWords{
    "Ministry", "Mission", "Office", "Centre", "Center", "Organization", "Government", "Police",
    "Council", "Parliament", "Assembly", "Commission", "Agency", "Presence", "Secretariat"};

std::string honorific_alternation() {
  std::string alt;
  for (const char* h : kHonorifics) {
    if (!alt.empty()) alt += '|';
    alt += RE2::QuoteMeta(h);
  }
  return alt;
}

// Words that open a clause rather than an apposition after a name.
constexpr std::array kClauseOpeners{"who", "which", "that", "when", "while", "as", "and", "but", "in", "at",
                                     "during", "on", "after", "before", "to", "for", "from", "with", "it", "he", "she"};

std::string verb_alternation() {
  std::string alt;
  for (const char* v : kReportingVerbs) {
    if (!alt.empty()) alt += '|';
    std::string s(v);
    for (auto pos = s.find(' '); pos != std::string::npos; pos = s.find(' ', pos + 3))
      s.replace(pos, 1, "\\s+");
    alt += s;
  }
  return alt;
}

// A name word: an initial, an abbreviated honorific, or a capitalised word
// with letters, marks, apostrophes and hyphens ("Jarbussynova", "O’Neill").
const std::string kTok = R"((?:\p{Lu}\.|(?:Mrs|Mr|Ms|Dr|Prof|St)\.|\p{Lu}[\p{L}\p{M}'’\-]*))";
// Titles joined by "of"/"for" ride along ("Deputy Minister of Justice Nazira
// Rahimzoda"); split_name takes them apart.
const std::string kNamePhrase = "(" + kTok + R"((?:\s+(?:(?:)" + kNameParticles + R"()\s+)*)" + kTok +
                                R"(|\s+(?:of|for)(?:\s+the)?\s+)" + kTok + ")*)";
// An apposition: anything up to the verb or the end of the sentence.
// A dot inside a token ("PC.DEC/1039") does not end the role.
const std::string kRole = R"(((?:[^.;:“”"]|\.\S)+?))";
// After a verb that ends the attribution anything may follow ("said in his
// opening remarks", "told journalists in Kyiv"): the name before it and the
// quote mark before the name already anchor the match.
const std::string kAfterVerb = R"(\b)";
// A participle clause may close a role: "..., Head of the Centre, adding: “".
const std::string kRoleEnd = R"(\s*(?:[.!?](?:\s|$)|;|,\s*$|$|,\s+(?:adding|noting|stressing|saying)\b))";
// A lower-case title before the name: "said trainer Elena Cojocaru".
const std::string kLowerTitle = R"((?:[a-z]+\s+)?)";

struct Patterns {
  std::string verbs = "(" + verb_alternation() + ")";
  // With a role the sentence must end after it (a lazy role would otherwise
  // stop at the first "in"); without one, a circumstance may follow the name.
  RE2 verb_first{R"(^\s*,?\s*)" + verbs + R"(\s+)" + kLowerTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                 kRoleEnd + R"(|\s*(?:[.;!?]|,\s*$|$|\s+(?:in|at|during|on|after|before|when|while|as|upon|of)\b)))"};
  // "..., according to Ambassador Jane Doe, Head of Mission."
  RE2 according{R"(^\s*,?\s*(according\s+to)\s+)" + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                R"()?\s*(?:[.!?](?:\s|$)|;|,\s*$|$))"};
  // "said the Representative, Teresa Ribeiro."
  RE2 verb_role_name{R"(^\s*,?\s*)" + verbs + R"(\s+the\s+)" + kRole + R"(,\s+)" + kNamePhrase +
                     R"(\s*(?:[.!?](?:\s|$)|;|,\s*$|$))"};
  // "Colonel Ruslan Akhmetov of the Kazakh Ministry of Defence told ...".
  RE2 name_first{R"(^\s*,?\s*)" + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                 R"(,?|\s+of\s+[^.;:“”",]+?)?\s+(?:also\s+)?)" + verbs + kAfterVerb};
  RE2 pronoun_after{R"(^\s*,?\s*(?:(?i:he|she)\s+(?:also\s+)?)" + verbs + R"(|)" + verbs +
                    R"(\s+(?i:he|she))\b)"};
  RE2 name_before{kNamePhrase + R"((?:\s*,\s*)" + kRole + R"(,)?\s+(?:also\s+)?)" + verbs +
                  R"((?:\s+(?:participants|journalists|reporters|delegates|the\s+\w+))?\s*[:,]?\s*$)"};
  RE2 pronoun_before{R"((?:^|\s)(?i:he|she)\s+(?:also\s+)?)" + verbs + R"(\s*[:,]?\s*$)"};
  // "..., adding: “": the speaker of the quote just closed goes on.
  RE2 participle_before{R"((?:^|,)\s*(adding|noting|stressing|saying|concluding)\s*[:,]?\s*$)"};
  RE2 mention{R"((?:[A-Z]{2,}\s+)?()" + honorific_alternation() + R"()\s+)" + kNamePhrase};
  // "... chaired by Ambassador Alena Kupchyna, who said that ...": the
  // subject may stand anywhere when a relative clause introduces the verb.
  RE2 indirect_who{R"(\s)" + kNamePhrase + R"(()?,\s+who\s+(?:also\s+)?)" + verbs +
                   R"(\s+that\s+([^!?]+?)[.!?](?:\s|$))"};
  RE2 indirect{R"((?:^|[.!?;]\s+|,\s+))" + kNamePhrase + R"((?:\s*,\s*)" + kRole +
               R"(,)?\s+(?:also\s+)?)" + verbs + R"(\s+that\s+([^!?]+?)[.!?](?:\s|$))"};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\n' || s[pos] == '\t')) ++pos;
    auto end = pos;
    while (end < s.size() && s[end] != ' ' && s[end] != '\n' && s[end] != '\t') ++end;
    if (end > pos) out.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

// Length in words of the honorific starting at words[i], 0 if none.
std::size_t honorific_at(const std::vector<std::string_view>& words, std::size_t i) {
  static const auto split = [] {
    std::vector<std::vector<std::string_view>> out;
    for (const char* h : kHonorifics) out.push_back(words_of(h));
    return out;
  }();
  for (const auto& hw : split) {
    if (i + hw.size() > words.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < hw.size() && same; ++k) same = words[i + k] == hw[k];
    if (same) return hw.size();
  }
  return 0;
}

bool is_acronym(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// A role must read like an apposition, not the rest of a sentence
// ("Kopaj, adding that ..."): it starts with a capital or with "the"/"a".
std::string clean_role(std::string_view role) {
  role = trim(role);
  if (role.empty()) return {};
  // A lower-case role is accepted unless it opens a clause: "head of the
  // mission" is a role, "adding that ..." or "who ..." is not.
  auto first = role.substr(0, role.find(' '));
  bool capital = (role[0] >= 'A' && role[0] <= 'Z') || static_cast<unsigned char>(role[0]) >= 0x80;
  if (!capital && (first.ends_with("ing") || first.ends_with("ed") ||
                   std::any_of(kClauseOpeners.begin(), kClauseOpeners.end(), [&](const char* w) { return first == w; })))
    return {};
  // "Director of the College, at the ceremony": the apposition ends where a
  // comma introduces a lower-case circumstance.
  for (auto comma = role.find(", "); comma != std::string_view::npos; comma = role.find(", ", comma + 1))
    if (comma + 2 < role.size() && role[comma + 2] >= 'a' && role[comma + 2] <= 'z') return std::string(trim(role.substr(0, comma)));
  return std::string(role);
}

}  // namespace

namespace {

std::optional<PersonName> split_plain(const std::vector<std::string_view>& words) {
  if (words.empty()) return std::nullopt;
  PersonName out;
  // The first honorific may follow a prefix such as "OSCE" or "Italian".
  std::size_t i = 0;
  for (std::size_t j = 0; j < words.size(); ++j)
    if (auto n = honorific_at(words, j)) {
      if (j > 0) out.role_prefix = join(words, 0, j + n);
      out.honorific = join(words, j, j + n);
      i = j + n;
      break;
    }
  while (i < words.size())  // "Ambassador Dr. ..."
    if (auto n = honorific_at(words, i)) {
      out.honorific += ' ';
      out.honorific += join(words, i, i + n);
      i += n;
    } else {
      break;
    }
  if (i >= words.size()) return std::nullopt;
  // "Public Defender Nino Lomjaria": a title missing from the table. Four or
  // more capitalised words with no honorific are read as title + two-word name.
  const bool all_capitalised = std::all_of(words.begin(), words.end(), [](std::string_view w) {
    return (w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0x80;
  });
  if (i == 0 && words.size() >= 4 && all_capitalised) {
    out.role_prefix = join(words, 0, words.size() - 2);
    i = words.size() - 2;
  }
  // Institution words and acronyms in front of a two-word name are role.
  std::size_t lead = i;
  while (words.size() - lead > 2 &&
         (is_acronym(words[lead]) ||
          std::any_of(kInstitutionWords.begin(), kInstitutionWords.end(), [&](const char* w) { return words[lead] == w; })))
    ++lead;
  if (lead > i) {
    if (out.role_prefix.empty()) out.role_prefix = join(words, 0, lead);
    i = lead;
  }
  for (std::size_t k = i; k < words.size(); ++k) {
    // "Jan", "May" and "June" are first names too: a month only disqualifies
    // a one-word name.
    if (is_acronym(words[k]) || (words.size() - i == 1 && is_month_name(words[k]))) return std::nullopt;
    for (const char* bad : kNotNames)
      if (words[k] == bad) return std::nullopt;
    for (const char* bad : kInstitutionWords)
      if (words[k] == bad) return std::nullopt;
  }
  out.name = join(words, i, words.size());
  return out;
}

bool is_connector(std::string_view w) { return w == "of" || w == "for"; }
bool is_particle(std::string_view w) {
  std::string_view all = kNameParticles;
  for (std::size_t pos = 0; pos <= all.size();) {
    auto bar = all.find('|', pos);
    if (bar == std::string_view::npos) bar = all.size();
    if (all.substr(pos, bar - pos) == w) return true;
    pos = bar + 1;
  }
  return false;
}

}  // namespace

std::optional<PersonName> split_name(std::string_view phrase) {
  auto words = words_of(phrase);
  std::size_t first = words.size(), last = words.size();
  for (std::size_t k = 0; k < words.size(); ++k)
    if (is_connector(words[k])) {
      if (first == words.size()) first = k;
      last = k;
    }
  if (first == words.size()) return split_plain(words);
  // A title with "of": the name is the last two words when three or more
  // capitalised words follow the last connector ("... of Justice Nazira
  // Rahimzoda", "Head of Mission Jan Braathu"); otherwise the "of" phrase
  // follows the name ("Colonel Bakyt Osmonov of the Batken").
  std::size_t tail = last + 1;
  if (tail < words.size() && words[tail] == "the") ++tail;
  if (words.size() - tail >= 3) {
    std::size_t name_from = words.size() - 2;
    if (is_particle(words[name_from]) && name_from > tail) --name_from;
    std::vector<std::string_view> title(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(name_from));
    std::vector<std::string_view> name(words.begin() + static_cast<std::ptrdiff_t>(name_from), words.end());
    auto out = split_plain(name);
    if (!out) return std::nullopt;
    if (title.empty() || std::any_of(kNotNames.begin(), kNotNames.end(), [&](const char* w) { return title[0] == w; }))
      return std::nullopt;
    out->role_prefix = join(title, 0, title.size());
    if (out->honorific.empty())
      if (auto n = honorific_at(title, 0)) out->honorific = join(title, 0, n);
    return out;
  }
  return split_plain(std::vector<std::string_view>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first)));
}

std::optional<Attribution> attribution_after(std::string_view after) {
  const Patterns& p = patterns();
  re2::StringPiece in(after.data(), after.size());
  std::string verb, name, role, verb2;
  if (RE2::PartialMatch(in, p.pronoun_after, &verb, &verb2))
    return Attribution{verb.empty() ? verb2 : verb, {}, {}, true};
  // Before verb_first, whose optional lower-case title would take "the".
  if (RE2::PartialMatch(in, p.verb_role_name, &verb, &role, &name) && split_name(name))
    return Attribution{verb, name, clean_role(role), false};
  if (RE2::PartialMatch(in, p.verb_first, &verb, &name, &role) && split_name(name))
    return Attribution{verb, name, clean_role(role), false};
  if (RE2::PartialMatch(in, p.name_first, &name, &role, &verb)) {
    if (split_name(name)) return Attribution{verb, name, clean_role(role), false};
    if (!role.empty() && split_name(role)) return Attribution{verb, role, clean_role(name), false};
  }
  if (RE2::PartialMatch(in, p.according, &verb, &name, &role) && split_name(name))
    return Attribution{"according to", name, clean_role(role), false};
  return std::nullopt;
}

std::optional<Attribution> attribution_before(std::string_view before) {
  const Patterns& p = patterns();
  re2::StringPiece in(before.data(), before.size());
  std::string verb, name, role;
  if (RE2::PartialMatch(in, p.pronoun_before, &verb)) return Attribution{verb, {}, {}, true};
  if (RE2::PartialMatch(in, p.participle_before, &verb)) return Attribution{verb, {}, {}, true};
  if (RE2::PartialMatch(in, p.name_before, &name, &role, &verb)) {
    if (split_name(name)) return Attribution{verb, name, clean_role(role), false};
    // "The Mission's Head, Ambassador Kilian Wahl, said:": role first.
    if (!role.empty() && split_name(role)) return Attribution{verb, role, clean_role(name), false};
  }
  return std::nullopt;
}

std::vector<Mention> find_mentions(std::string_view text) {
  std::vector<Mention> out;
  const RE2& re = patterns().mention;
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[3];
  std::size_t pos = 0;
  while (pos < text.size() && re.Match(in, pos, text.size(), RE2::UNANCHORED, g, 3)) {
    std::string phrase(g[0].data(), g[0].size());
    if (split_name(phrase)) out.push_back({static_cast<std::size_t>(g[0].data() - text.data()), phrase});
    pos = static_cast<std::size_t>(g[0].data() - text.data()) + g[0].size();
  }
  return out;
}

std::optional<PersonName> full_name_for(std::string_view text, std::string_view surname) {
  for (auto at = text.find(surname); at != std::string_view::npos; at = text.find(surname, at + 1)) {
    auto after = at + surname.size();
    if (at == 0 || text[at - 1] != ' ' || (after < text.size() && std::isalpha(static_cast<unsigned char>(text[after]))))
      continue;
    constexpr std::size_t kWindow = 200;
    std::size_t from = at >= kWindow ? at - kWindow : 0;
    const auto nl = text.rfind('\n', at);
    const bool cut = from > 0 && (nl == std::string_view::npos || nl < from);
    if (nl != std::string_view::npos && nl + 1 > from) from = nl + 1;  // this paragraph only
    auto before = words_of(text.substr(from, at - from));
    if (cut && !before.empty()) before.erase(before.begin());  // possibly cut mid-word
    // Given names: up to two capitalised words right before the surname,
    // stopping at punctuation, honorifics and lower-case words; a word
    // preceded by "of" or "in" belongs to a role ("Minister of Sweden Ann").
    std::vector<std::string_view> given;
    std::size_t k = before.size();
    while (k > 0 && given.size() < 2) {
      auto w = before[k - 1];
      bool cap = (w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0x80;
      if (!cap || w.back() == ',' || w.back() == '.' || is_acronym(w) || honorific_at(before, k - 1) ||
          std::any_of(kNotNames.begin(), kNotNames.end(), [&](const char* n) { return w == n; }))
        break;
      bool in_role = false;
      for (const char* h : kHonorifics)
        for (auto hw : words_of(h)) in_role = in_role || hw == w;
      if (in_role) break;
      if (k >= 2 && (before[k - 2] == "of" || before[k - 2] == "in" || before[k - 2] == "for") && !given.empty()) break;
      given.insert(given.begin(), w);
      --k;
    }
    if (given.empty()) continue;
    PersonName p;
    p.name = join(given, 0, given.size()) + " " + std::string(surname);
    // The longest honorific ending right before the given names, with an
    // acronym before it as role ("OSCE Secretary General").
    std::size_t h = k;
    for (std::size_t n = 3; n >= 1 && p.honorific.empty(); --n)
      if (k >= n && honorific_at(before, k - n) == n) {
        p.honorific = join(before, k - n, k);
        h = k - n;
      }
    if (!p.honorific.empty() && h > 0 && is_acronym(before[h - 1])) p.role_prefix = join(before, h - 1, k);
    // An apposition before the name: "The OSCE Representative on Freedom of
    // the Media, Teresa Ribeiro, ...": back to the sentence start.
    if (p.honorific.empty() && k > 0 && before[k - 1].ends_with(",")) {
      std::size_t from = k - 1;
      auto boundary = [](std::string_view w) {
        return w.ends_with(".") || w.ends_with(",") || w == "The" || w == "-" ||
               w == "\xE2\x80\x93" || w == "\xE2\x80\x94";
      };
      while (from > 0 && k - from < 12 && !boundary(before[from - 1])) --from;
      if (from < k - 1 || before[k - 1].size() > 1) {
        std::vector<std::string_view> role(before.begin() + static_cast<std::ptrdiff_t>(from),
                                           before.begin() + static_cast<std::ptrdiff_t>(k));
        if (!role.empty() && (role[0] == "The" || role[0] == "the")) role.erase(role.begin());
        std::string r = join(role, 0, role.size());
        while (!r.empty() && r.back() == ',') r.pop_back();
        if (!r.empty() && ((r[0] >= 'A' && r[0] <= 'Z') || static_cast<unsigned char>(r[0]) >= 0x80))
          p.role_prefix = r;
      }
    }
    return p;
  }
  return std::nullopt;
}

namespace {

// One pass of one reported-speech pattern; groups: 1 subject, 2 role, 3
// verb, 4 reported clause.
void scan_indirect(const RE2& re, std::string_view prose, std::vector<Indirect>& out) {
  re2::StringPiece groups[5];
  std::size_t pos = 0;
  while (pos < prose.size() &&
         re.Match(re2::StringPiece(prose.data(), prose.size()), pos, prose.size(), RE2::UNANCHORED,
                  groups, 5)) {
    std::string_view subject(groups[1].data(), groups[1].size());
    Attribution who;
    who.verb = std::string(groups[3].data(), groups[3].size());
    if (subject == "He" || subject == "She") {
      who.pronoun = true;
    } else if (split_name(subject)) {
      who.name_phrase = std::string(subject);
      who.role = groups[2].data() ? clean_role({groups[2].data(), groups[2].size()}) : "";
    } else {
      pos = static_cast<std::size_t>(groups[1].data() + groups[1].size() - prose.data());
      continue;
    }
    auto b = static_cast<std::size_t>(groups[4].data() - prose.data());
    out.push_back({std::move(who), b, b + groups[4].size()});
    pos = b + groups[4].size();
  }
}

}  // namespace

std::vector<Indirect> find_indirect(std::string_view prose) {
  std::vector<Indirect> out;
  scan_indirect(patterns().indirect, prose, out);
  scan_indirect(patterns().indirect_who, prose, out);
  std::sort(out.begin(), out.end(), [](const Indirect& a, const Indirect& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace winnow::speakers_detail
