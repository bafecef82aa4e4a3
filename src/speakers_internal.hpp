// Shared between the two halves of the speaker extractor: speakers.cpp finds
// quotes and assembles Speakers, speakers_attribution.cpp reads the words
// around a quote to say who spoke. Private to src/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::speakers_detail {

// Who a quote is attributed to, as written next to it.
struct Attribution {
  std::string verb;         // "said", "pointed out"
  std::string name_phrase;  // "Ambassador Lubomir Kopaj", "Kopaj"; empty for pronouns
  std::string role;         // apposition: "OSCE Project Co-ordinator in Ukraine"
  bool pronoun = false;     // "he added": resolve to the last speaker
  bool by_title = false;    // "the Secretary General said": name_phrase is a title, resolved to a person named before
};

// `after` starts right after a closing quote mark and runs to the end of the
// paragraph or the next opening quote mark.
std::optional<Attribution> attribution_after(std::string_view after);

// `before` runs from the start of the sentence to an opening quote mark.
std::optional<Attribution> attribution_before(std::string_view before);

// Reported speech, "Ambassador X said that ...", in a stretch of prose that
// holds no quote marks. Offsets of the reported clause are relative to `prose`.
struct Indirect {
  Attribution who;
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<Indirect> find_indirect(std::string_view prose);

// "Secretary General Lamberto Zannier" -> honorific "Secretary General",
// name "Lamberto Zannier". Words before the honorific ("OSCE") become a role
// prefix. Refuses phrases that are not a person ("The OSCE", "Ukraine").
struct PersonName {
  std::string honorific;
  std::string name;
  std::string role_prefix;
};
std::optional<PersonName> split_name(std::string_view phrase);

// True when `w` starts with an upper-case letter (UTF-8 aware: "Šarić" yes,
// an en dash no).
bool starts_upper(std::string_view w);

// The RE2 pattern of a name phrase (one capturing group): capitalised words,
// name particles ("de", "van"), and titles joined by "of"/"for"; shared by
// the attribution patterns and the mention scan (speakers_names.cpp).
const std::string& name_phrase_pattern();

// Honorific-led mentions of people in the prose ("OSCE Secretary General
// Helga Maria Schmid began ..."), for pronouns whose antecedent was never
// quoted. `at` is the byte offset of the mention in `text`.
struct Mention {
  std::size_t at = 0;
  std::string phrase;
  std::string role;  // an apposition after the name, if any
};
std::vector<Mention> find_mentions(std::string_view text);

// The full name of a person quoted by surname only ("Ribeiro said: ..."),
// from its first mention in prose ("the Representative, Teresa Ribeiro").
std::optional<PersonName> full_name_for(std::string_view text, std::string_view surname);

}  // namespace winnow::speakers_detail
