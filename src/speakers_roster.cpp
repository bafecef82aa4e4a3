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
// Cost: a linear search over the people, who are few; a surname-only person
// looked up by title costs one search of the text (full_name_for).
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

int Roster::by_title(std::string_view text, std::string_view title) const {
  for (std::size_t i = people_.size(); i-- > 0;) {
    const Speaker& p = people_[i];
    if (same_words(p.honorific, title) || role_names(p.role, title)) return static_cast<int>(i);
    if (p.name.find(' ') == std::string::npos)
      if (auto full = full_name_for(text, p.name))
        if (same_words(full->honorific, title) || role_names(full->role_prefix, title)) return static_cast<int>(i);
  }
  return -1;
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
  for (std::size_t i = 0; i < people_.size() && found < 0; ++i)
    if (people_[i].name == person->name) found = static_cast<int>(i);
  // A surname, or a full name whose surname is already known.
  for (std::size_t i = 0; i < people_.size() && found < 0; ++i)
    if (last_word(people_[i].name) == last_word(person->name) &&
        (person->name.find(' ') == std::string::npos ||
         people_[i].name.find(' ') == std::string::npos))
      found = static_cast<int>(i);
  if (found < 0) {
    people_.push_back(Speaker{person->name, person->honorific, {}, {}});
    found = static_cast<int>(people_.size() - 1);
  }
  Speaker& s = people_[static_cast<std::size_t>(found)];
  if (s.name.find(' ') == std::string::npos && person->name.find(' ') != std::string::npos)
    s.name = person->name;
  if (s.honorific.empty()) s.honorific = person->honorific;
  if (s.role.empty()) s.role = !who.role.empty() ? who.role : person->role_prefix;
  last_ = found;
  return found;
}

bool Roster::knows_surname(const std::string& surname) const {
  for (auto& p : people_)
    if (last_word(p.name) == surname) return true;
  return false;
}

bool plausible(std::string_view text, const Roster& roster, const Attribution& who) {
  if (who.pronoun) return true;
  if (who.by_title) return roster.by_title(text, who.name_phrase) >= 0;
  auto person = split_name(who.name_phrase);
  if (!person) return false;
  if (person->name.find(' ') != std::string::npos || !person->honorific.empty()) return true;
  return roster.knows_surname(person->name) || full_name_for(text, person->name).has_value();
}

}  // namespace winnow::speakers_detail
