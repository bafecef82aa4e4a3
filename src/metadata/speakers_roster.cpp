// Speakers, pass 3: people (see speakers.cpp for the whole method).
//
// The problem. One person is named many ways in one release: "Ambassador
// Lubomir Kopaj", "Kopaj", "he", "the Head of Mission". Each quote's
// attribution must come out as one Speaker per person, with the first
// mention's honorific and role.
//
// The method. The roster keeps the people quoted so far in order and the
// last one quoted. A full name is matched exactly, a surname against the
// last word of a known name, a pronoun is the last speaker, a title ("the
// Secretary General said") the latest person whose honorific or role it is.
// A one-word name nobody holds must be named in full somewhere in the text
// (plausible), or it is refused: "the Chairperson said" names nobody. A
// title nobody quoted holds is the person the prose introduced with it
// ("The OSCE Representative on Freedom of the Media, Dunja Vasić, ..."),
// when the words after the title name one.
//
// Cost: a hash lookup by full name and one by surname per attribution (a
// text of 10,000 distinct speakers once took seconds in a linear search of
// the people, twice per quote); a title looks back over at most
// kTitleLookback people; a surname-only person's full name is one search of
// the text per surname, remembered, and at most kMaxNameSearches of them.
#include <cctype>
#include <string>

#include "text_bytes.hpp"
#include "speakers_internal.hpp"

namespace winnow::speakers_detail {
namespace {

std::string last_word(std::string_view name) {
  auto sp = name.rfind(' ');
  return std::string(sp == std::string_view::npos ? name : name.substr(sp + 1));
}

bool same_words(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (text::ascii_lower(a[i]) != text::ascii_lower(b[i])) return false;
  return true;
}

// Whether `role` names `title` as a whole: "OSCE Secretary General" and
// "Secretary General, OSCE" do for "Secretary General"; "Head of the OSCE
// Mission to Moldova" does not for "Mission".
bool role_names(std::string_view role, std::string_view title) {
  if (role.size() < title.size()) return false;
  if (same_words(role, title)) return true;
  const std::size_t n = title.size();
  if (same_words(role.substr(role.size() - n), title) && role[role.size() - n - 1] == ' ') return true;
  for (std::size_t at = 0; at + n <= role.size(); ++at) {
    if (!same_words(role.substr(at, n), title)) continue;
    const bool starts = at == 0 || (at >= 2 && role[at - 1] == ' ' && role[at - 2] == ',');
    const bool ends = at + n == role.size() || role[at + n] == ',';
    if (starts && ends) return true;
  }
  return false;
}

// "the High Commissioner said" before anyone with that title was quoted:
// the person the prose introduced with it, "The OSCE High Commissioner on
// National Minorities (HCNM), Rolf Eklund, today ...": the title, then in
// the same sentence the first stretch between commas, which must split as a
// person with a given name and a surname ("Kazakh Secretary of State and
// Foreign Minister Kanat Saudabayev" gives Kanat Saudabayev). At most
// kTitleOccurrences occurrences of the title are tried.
constexpr std::size_t kTitleOccurrences = 8;
constexpr std::size_t kTitleWindow = 200;
std::optional<PersonName> introduced_with_title(std::string_view text, std::string_view title) {
  if (title.size() < 4) return std::nullopt;
  std::size_t tries = 0;
  for (auto at = text.find(title); at != std::string_view::npos && tries < kTitleOccurrences;
       at = text.find(title, at + 1), ++tries) {
    const std::size_t end = at + title.size();
    if ((at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) ||
        (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))))
      continue;
    std::string_view window = text.substr(end, kTitleWindow);
    window = window.substr(0, window.find('\n'));
    if (auto stop = window.find(". "); stop != std::string_view::npos) window = window.substr(0, stop);
    const auto comma = window.find(", ");
    if (comma == std::string_view::npos) continue;
    std::string_view rest = window.substr(comma + 2);
    const auto close = rest.find(',');
    if (close == std::string_view::npos || close > 120) continue;
    std::string_view stretch = rest.substr(0, close);
    auto person = split_name(stretch);
    if (!person || person->name.find(' ') == std::string::npos) {
      // A long role before the name: its last two or three capitalised words.
      std::size_t from = stretch.size();
      for (int words = 0; words < 3 && from > 0; ++words) {
        std::size_t sp = from >= 2 ? stretch.rfind(' ', from - 2) : std::string_view::npos;
        std::size_t b = sp == std::string_view::npos ? 0 : sp + 1;
        if (!starts_upper(stretch.substr(b))) break;
        from = b;
        if (sp == std::string_view::npos) break;
      }
      person = from < stretch.size() ? split_name(stretch.substr(from)) : std::nullopt;
    }
    if (!person || person->name.find(' ') == std::string::npos) continue;
    // The role is the sentence up to the comma before the name, less a
    // leading article and a parenthesised abbreviation: "OSCE High
    // Commissioner on National Minorities".
    std::size_t start = at;
    while (start > 0 && text[start - 1] != '\n' && at - start < kTitleWindow) {
      if (start >= 2 && text[start - 1] == ' ' && (text[start - 2] == '.' || text[start - 2] == ',')) break;
      if (start >= 4 && text.substr(start - 4, 4) == "\xE2\x80\x93 ") break;
      --start;
    }
    // Up to the name: a second title before it belongs to the role too
    // ("OSCE Chairperson-in-Office, Kazakh ... Foreign Minister", gold 132).
    std::size_t name_at = text.find(person->name, end);
    if (name_at == std::string_view::npos || name_at > end + kTitleWindow) name_at = end + comma;
    std::string role(text.substr(start, name_at - start));
    while (!role.empty() && (role.back() == ' ' || role.back() == ',')) role.pop_back();
    for (std::string_view article : {"The ", "the "})
      if (role.starts_with(article)) role.erase(0, article.size());
    if (role.ends_with(")"))
      if (auto open = role.rfind(" ("); open != std::string::npos) role.erase(open);
    if (person->role_prefix.empty() || person->role_prefix.size() < role.size()) person->role_prefix = role;
    // The honorific is part of that role-first apposition, not the name's
    // (as in gold 022, 070, 132).
    if (!person->honorific.empty() && role.find(person->honorific) != std::string::npos) person->honorific.clear();
    return person;
  }
  return std::nullopt;
}

}  // namespace

std::optional<PersonName> Roster::titled_in_text(std::string_view text, std::string_view title) const {
  auto known = titled_.find(std::string(title));
  if (known != titled_.end()) return known->second;
  if (titled_.size() >= kMaxNameSearches) return std::nullopt;
  return titled_.emplace(std::string(title), introduced_with_title(text, title)).first->second;
}

std::optional<PersonName> Roster::full_name(std::string_view text, const std::string& surname) const {
  auto known = full_names_.find(surname);
  if (known != full_names_.end()) return known->second;
  if (full_names_.size() >= kMaxNameSearches) return std::nullopt;
  return full_names_.emplace(surname, full_name_for(text, surname)).first->second;
}

int Roster::by_title(std::string_view text, std::string_view title) const {
  const std::size_t oldest = people_.size() > kTitleLookback ? people_.size() - kTitleLookback : 0;
  for (std::size_t i = people_.size(); i-- > oldest;) {
    const Speaker& p = people_[i];
    if (same_words(p.honorific, title) || role_names(p.role, title)) return static_cast<int>(i);
    if (p.name.find(' ') == std::string::npos)
      if (auto full = full_name(text, p.name))
        if (same_words(full->honorific, title) || role_names(full->role_prefix, title)) return static_cast<int>(i);
  }
  return -1;
}

void Roster::rename(int who, std::string name) {
  Speaker& s = people_[static_cast<std::size_t>(who)];
  auto old = by_name_.find(s.name);
  if (old != by_name_.end() && old->second == who) by_name_.erase(old);
  if (s.name.find(' ') == std::string::npos) {
    auto known = one_word_.find(s.name);
    if (known != one_word_.end()) known->second.erase(who);
  }
  s.name = std::move(name);
  by_name_.emplace(s.name, who);  // keeps an earlier holder of the name
  first_with_surname_.emplace(last_word(s.name), who);
  if (s.name.find(' ') == std::string::npos) one_word_[s.name].insert(who);
}

int Roster::resolve(std::string_view text, const Attribution& who) {
  if (who.pronoun) return last_;
  if (who.by_title) {
    const int found = by_title(text, who.name_phrase);
    if (found >= 0) {
      last_ = found;
      return found;
    }
    // Nobody quoted holds the title: the person the prose introduced with it.
    auto introduced = titled_in_text(text, who.name_phrase);
    if (!introduced) return -1;
    Attribution named{who.verb, introduced->name, who.role.empty() ? introduced->role_prefix : who.role, false};
    const int person = resolve(text, named);
    if (person >= 0) {
      Speaker& s = people_[static_cast<std::size_t>(person)];
      if (s.honorific.empty()) s.honorific = introduced->honorific;
    }
    return person;
  }
  auto person = split_name(who.name_phrase);
  if (!person) return -1;
  int found = -1;
  if (auto named = by_name_.find(person->name); named != by_name_.end()) found = named->second;
  // A surname, or a full name whose surname is already known by surname only.
  if (found < 0) {
    const std::string surname = last_word(person->name);
    if (person->name.find(' ') == std::string::npos) {
      if (auto any = first_with_surname_.find(surname); any != first_with_surname_.end()) found = any->second;
    } else if (auto bare = one_word_.find(surname); bare != one_word_.end() && !bare->second.empty()) {
      found = *bare->second.begin();
    }
  }
  // "Van Dijk said": the person whose name ends with "van Dijk".
  std::string particles = found < 0 ? particle_surname(person->name) : std::string();
  if (!particles.empty()) {
    if (auto any = first_with_surname_.find(last_word(person->name)); any != first_with_surname_.end()) {
      const std::string& known = people_[static_cast<std::size_t>(any->second)].name;
      if (known.size() > particles.size() && known.ends_with(particles)) found = any->second;
    }
    if (found < 0)
      if (auto full = full_name(text, particles)) person->name = full->name;
    if (found < 0)
      if (auto named = by_name_.find(person->name); named != by_name_.end()) found = named->second;
  }
  if (found < 0) {
    people_.push_back(Speaker{{}, person->honorific, {}, {}});
    found = static_cast<int>(people_.size() - 1);
    rename(found, person->name);
  }
  Speaker& s = people_[static_cast<std::size_t>(found)];
  if (s.name.find(' ') == std::string::npos && person->name.find(' ') != std::string::npos)
    rename(found, person->name);
  if (s.honorific.empty()) s.honorific = person->honorific;
  if (s.role.empty()) s.role = !who.role.empty() ? who.role : person->role_prefix;
  last_ = found;
  return found;
}

bool plausible(std::string_view text, const Roster& roster, const Attribution& who) {
  if (who.pronoun) return true;
  if (who.by_title)
    return roster.by_title(text, who.name_phrase) >= 0 || roster.titled_in_text(text, who.name_phrase).has_value();
  auto person = split_name(who.name_phrase);
  if (!person) return false;
  if (person->name.find(' ') != std::string::npos || !person->honorific.empty()) return true;
  return roster.knows_surname(person->name) || roster.full_name(text, person->name).has_value();
}

}  // namespace winnow::speakers_detail
