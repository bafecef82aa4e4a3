// Speaker names: telling a person from a title, an institution or a
// sentence opener, and finding their full name.
//
// The problem. The attribution patterns (speakers_attribution.cpp) hand over
// a phrase of capitalised words, and the phrase mixes things: honorifics
// ("Secretary General Lamberto Zannier"), titles missing from any table
// ("Public Defender Nino Lomjaria"), titles joined by "of" ("Deputy Minister
// of Justice Nazira Rahimzoda", "Head of Mission Jan Braathu"), institutions
// ("Mission", "OSCE"), and words that are no name at all ("The", "Speakers").
// A person quoted only by surname ("Ribeiro said: ...") was usually named in
// full in the prose, with an apposition for a role.
//
// The method. Honorifics are matched longest-first against a table, wherever
// they stand (words before them, "OSCE", become a role prefix). A phrase with
// "of"/"for" is a title followed by a two-word name when three or more
// capitalised words follow the connector, else a name followed by an "of"
// phrase ("Colonel Bakyt Osmonov of the Batken police"). Four or more
// capitalised words without any honorific are a title plus a two-word name.
// Institution words and acronyms in front of a name go to the role; alone,
// or inside what remains, they refuse the phrase, as do sentence openers.
//
// A three-word name follows an "of" title when a title word stands before
// it ("Minister of Local Self-Government Ana Maria Petrovska"); two titles
// joined by "and" keep the name after the second. Names are matched over
// Latin letters only (English releases transliterate), which keeps the
// automata small enough for RE2's fast engines.
//
// What it costs: a three-word name after a title word missing from
// kTitleWords loses its first word. Full names are looked up by scanning the text for the surname,
// once per speaker known only by surname. split_name keeps its last eight
// answers per thread: a document asks about the same few phrases many times.
#include <algorithm>
#include <array>
#include <string>

#include <re2/re2.h>
#include <utf8proc.h>

#include "text_bytes.hpp"
#include "speakers_internal.hpp"
#include "speakers_words.hpp"
#include "winnow/dates.hpp"

namespace winnow::speakers_detail {

using namespace speakers_words;

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data()),
                            static_cast<utf8proc_ssize_t>(w.size()), &cp);
  return n > 0 && utf8proc_isupper(cp);
}

namespace {

template <class Table>
bool in(const Table& table, std::string_view w) {
  return std::any_of(table.begin(), table.end(), [&](std::string_view t) { return w == t; });
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
    for (std::string_view h : kHonorifics) out.push_back(words_of(h));
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
    return starts_upper(w);
  });
  if (i == 0 && words.size() >= 4 && all_capitalised) {
    out.role_prefix = join(words, 0, words.size() - 2);
    i = words.size() - 2;
  }
  // Institution words, role nouns and acronyms in front of a two-word name
  // are role.
  std::size_t lead = i;
  while (words.size() - lead > 2 &&
         (is_acronym(words[lead]) || in(kRoleNouns, words[lead]) ||
          std::any_of(kInstitutionWords.begin(), kInstitutionWords.end(), [&](std::string_view w) { return words[lead] == w; })))
    ++lead;
  if (lead > i) {
    if (out.role_prefix.empty()) out.role_prefix = join(words, 0, lead);
    i = lead;
  }
  for (std::size_t k = i; k < words.size(); ++k) {
    // "Jan", "May" and "June" are first names too: a month only disqualifies
    // a one-word name.
    if (is_acronym(words[k]) || (words.size() - i == 1 && is_month_name(words[k]))) return std::nullopt;
    for (std::string_view bad : kNotNames)
      if (words[k] == bad) return std::nullopt;
    for (std::string_view bad : kInstitutionWords)
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

std::optional<PersonName> split_name_uncached(std::string_view phrase) {
  auto words = words_of(phrase);
  // "OSCE Chairperson-in-Office and Foreign Minister of Slovakia Miroslav
  // Lajčák": the first title holds no name; the person is read from the
  // second, and both titles are the role.
  if (auto and_at = std::find(words.begin(), words.end(), "and"); and_at != words.end()) {
    std::vector<std::string_view> head(words.begin(), and_at);
    if (split_plain(head)) return std::nullopt;  // "Kopaj and ...": two people
    const std::size_t at = static_cast<std::size_t>(and_at - words.begin());
    std::size_t h = head.size();
    for (std::size_t j = 0; j < head.size() && h == head.size(); ++j)
      if (honorific_at(head, j)) h = j;
    if (h == head.size()) return std::nullopt;
    std::size_t after = at + 1;
    auto rest = split_name_uncached(join(words, after, words.size()));
    if (!rest) return std::nullopt;
    rest->honorific = join(head, h, h + honorific_at(head, h));
    const std::string whole(phrase);
    auto name_at = whole.rfind(rest->name);
    std::string role = whole.substr(0, name_at);
    while (!role.empty() && role.back() == ' ') role.pop_back();
    rest->role_prefix = role;
    return rest;
  }
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
  // An honorific and a name before the connector make it "name of place"
  // ("Prof. Dilnoza Karimova of Samarkand State University").
  std::vector<std::string_view> head(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first));
  auto head_person = split_plain(head);
  const bool named_head = head_person && !head_person->honorific.empty();
  // "Head of Mission Ambassador Jorge Fuentes de la Torre": an honorific
  // after the last connector starts the name; what comes before is role.
  if (!named_head)
    for (std::size_t j = tail; j + 1 < words.size(); ++j)
      if (auto n = honorific_at(words, j); n && j + n < words.size()) {
        std::vector<std::string_view> rest(words.begin() + static_cast<std::ptrdiff_t>(j), words.end());
        auto out = split_plain(rest);
        if (!out || out->name.empty()) break;
        out->role_prefix = join(words, 0, j);
        return out;
      }
  if (!named_head && words.size() - tail >= 3) {
    std::size_t name_from = words.size() - 2;
    if (is_particle(words[name_from]) && name_from > tail) --name_from;
    // A third name word when a title word still stands before it.
    if (name_from >= tail + 2 && !in(kTitleWords, words[name_from - 1]) && in(kTitleWords, words[name_from - 2]))
      --name_from;
    std::vector<std::string_view> title(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(name_from));
    std::vector<std::string_view> name(words.begin() + static_cast<std::ptrdiff_t>(name_from), words.end());
    auto out = split_plain(name);
    if (!out) return std::nullopt;
    if (title.empty() || std::any_of(kNotNames.begin(), kNotNames.end(), [&](std::string_view w) { return title[0] == w; }))
      return std::nullopt;
    out->role_prefix = join(title, 0, title.size());
    if (out->honorific.empty())
      if (auto n = honorific_at(title, 0)) out->honorific = join(title, 0, n);
    return out;
  }
  return head_person;
}

}  // namespace

// The same phrase is split several times over: an attribution pattern checks
// its name, then plausible() and the roster split it again, and a speaker is
// named the same way quote after quote. The last few answers are kept, per
// thread (the function is pure, so a hit is always right).
std::optional<PersonName> split_name(std::string_view phrase) {
  struct Entry {
    bool used = false;
    std::string phrase;
    std::optional<PersonName> person;
  };
  thread_local std::array<Entry, 8> recent;
  thread_local std::size_t next = 0;
  for (const Entry& e : recent)
    if (e.used && e.phrase == phrase) return e.person;
  auto person = split_name_uncached(phrase);
  Entry& slot = recent[next];
  next = (next + 1) % recent.size();
  slot.used = true;
  slot.phrase.assign(phrase);
  slot.person = person;
  return person;
}

std::string honorific_alternation() {
  std::string alt;
  for (std::string_view h : kHonorifics) {
    if (!alt.empty()) alt += '|';
    alt += RE2::QuoteMeta(re2::StringPiece(h.data(), h.size()));
  }
  return alt;
}

const std::string& name_phrase_pattern() {
  static const std::string pattern = [] {
    // A name word: an initial, an abbreviated honorific, or a capitalised word
    // with letters, marks, apostrophes and hyphens ("Jarbussynova", "O’Neill").
    // Latin script only, on purpose: \p{Lu} and \p{L} compile to automata
    // so large that every capturing match fell back to RE2's slowest
    // engine, and names in English releases are transliterated anyway.
    // Latin Extended-A mixes cases ("Č", "č"); a token starting lower-case
    // there is rare enough to accept.
    const std::string kUpper = R"([A-Z\x{C0}-\x{D6}\x{D8}-\x{DE}\x{100}-\x{24F}])";
    const std::string kLetter = R"([A-Za-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{1E00}-\x{1EFF}\x{300}-\x{36F}'\x{2019}\-])";
    const std::string kTok = "(?:" + kUpper + R"(\.|(?:Mrs|Mr|Ms|Dr|Prof|St)\.|)" + kUpper + kLetter + "*)";
    // Titles joined by "of"/"for" ride along ("Deputy Minister of Justice Nazira
    // Rahimzoda"); split_name takes them apart.
    // Two titles joined by "and" ride along too when the second is an
    // honorific ("Chairperson-in-Office and Foreign Minister ...", "... and
    // Slovak Foreign Minister ..."); split_name keeps the name after them.
    const std::string kSecondTitle = R"(|\s+and\s+(?:[A-Z][a-z]+\s+)?(?:)" + honorific_alternation() + ")";
    const std::string kNamePhrase = "(" + kTok + R"((?:\s+(?:(?:)" + std::string(kNameParticles) + R"()\s+)*)" + kTok +
                                    R"(|\s+(?:of|for)(?:\s+the)?\s+)" + kTok + kSecondTitle + ")*)";
    return kNamePhrase;
  }();
  return pattern;
}

namespace {

// People named in prose without an honorific, by what follows the name: an
// apposition ("Daniyar Sadykov, a former camera operator") or a verb
// ("Gulnara Toktosunova is often ..."), with at least two name words.
void plain_mentions(std::string_view text, std::vector<Mention>& out) {
  static const RE2 re(name_phrase_pattern() + R"((,?)\s+([a-z]+))");
  re2::StringPiece in_text(text.data(), text.size());
  re2::StringPiece g[4];
  std::size_t pos = 0;
  while (pos < text.size() && re.Match(in_text, pos, text.size(), RE2::UNANCHORED, g, 4)) {
    std::string_view phrase(g[1].data(), g[1].size());
    std::string_view next(g[3].data(), g[3].size());
    pos = static_cast<std::size_t>(g[1].data() - text.data()) + g[1].size();
    const bool apposition = g[2].size() > 0;
    if (!apposition && in(kNotAfterPerson, next)) continue;
    auto person = split_name(phrase);
    if (!person || person->name.find(' ') == std::string::npos) continue;
    const auto surname = std::string_view(person->name).substr(person->name.rfind(' ') + 1);
    if (in(kBodyNouns, surname) || in(kTitleWords, surname)) continue;
    Mention m{static_cast<std::size_t>(g[1].data() - text.data()), std::string(phrase), {}};
    if (apposition && (next == "a" || next == "an" || next == "the")) {
      // The apposition is the role: "a former camera operator who ...";
      // "Harlem Désir, today condemned" has none.
      std::size_t b = static_cast<std::size_t>(g[3].data() - text.data());
      std::size_t e = text.find_first_of(",.;\n", b);
      m.role = std::string(text.substr(b, (e == std::string_view::npos ? text.size() : e) - b));
    }
    out.push_back(std::move(m));
  }
}

}  // namespace

std::vector<Mention> find_mentions(std::string_view text) {
  std::vector<Mention> out;
  plain_mentions(text, out);
  static const RE2 re(R"((?:[A-Z]{2,}\s+)?()" + honorific_alternation() + R"()\s+)" + name_phrase_pattern());
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[3];
  std::size_t pos = 0;
  while (pos < text.size() && re.Match(in, pos, text.size(), RE2::UNANCHORED, g, 3)) {
    std::string phrase(g[0].data(), g[0].size());
    if (split_name(phrase)) out.push_back({static_cast<std::size_t>(g[0].data() - text.data()), phrase, {}});
    pos = static_cast<std::size_t>(g[0].data() - text.data()) + g[0].size();
  }
  std::stable_sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.at < b.at; });
  return out;
}

std::string particle_surname(std::string_view name) {
  // "Van Dijk", "Von der Heyden", "de Brichambaut": particles, then one word.
  // Most names are turned away by their first word's length, before any split.
  const auto first_end = name.find(' ');
  if (first_end == std::string_view::npos || first_end > 4) return {};
  auto words = words_of(name);
  if (words.size() < 2) return {};
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    std::string w(words[k]);
    if (!w.empty()) w[0] = text::ascii_lower(w[0]);
    if (!is_particle(w)) return {};
  }
  std::string out(name);
  out[0] = text::ascii_lower(out[0]);
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
      bool cap = starts_upper(w);
      if (!cap || w.back() == ',' || w.back() == '.' || is_acronym(w) || honorific_at(before, k - 1) ||
          in(kRoleNouns, w) ||
          std::any_of(kNotNames.begin(), kNotNames.end(), [&](std::string_view n) { return w == n; }))
        break;
      bool in_role = false;
      for (std::string_view h : kHonorifics)
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
        if (starts_upper(r))
          p.role_prefix = r;
      }
    }
    return p;
  }
  return std::nullopt;
}

}  // namespace winnow::speakers_detail
