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
// (plausible), or it is refused: "the Chairperson said" names nobody.
//
// Cost: a hash lookup by full name and one by surname per attribution (a
// text of 10,000 distinct speakers once took seconds in a linear search of
// the people, twice per quote); a title looks back over at most
// kTitleLookback people; a surname-only person's full name is one search of
// the text per surname, remembered, and at most kMaxNameSearches of them.
#include <cctype>
#include <string>

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
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
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

}  // namespace

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
    if (found >= 0) last_ = found;
    return found;
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
  if (who.by_title) return roster.by_title(text, who.name_phrase) >= 0;
  auto person = split_name(who.name_phrase);
  if (!person) return false;
  if (person->name.find(' ') != std::string::npos || !person->honorific.empty()) return true;
  return roster.knows_surname(person->name) || roster.full_name(text, person->name).has_value();
}

}  // namespace winnow::speakers_detail
