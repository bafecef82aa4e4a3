// Shared between the parts of the speaker extractor: speakers.cpp runs the
// passes and assembles Speakers, speakers_quotes.cpp finds the quotes,
// speakers_attribution.cpp reads the words around a quote to say who spoke,
// speakers_names.cpp splits and finds names, speakers_roster.cpp keeps the
// people. Private to src/.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "winnow/speakers.hpp"

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

// A surname with its particles at a sentence start ("Van Dijk", "Von der
// Heyden"), as written inside a name: "van Dijk", "von der Heyden"; "" when
// `name` is not particles and one word.
std::string particle_surname(std::string_view name);

// The full name of a person quoted by surname only ("Ribeiro said: ..."),
// from its first mention in prose ("the Representative, Teresa Ribeiro").
std::optional<PersonName> full_name_for(std::string_view text, std::string_view surname);

// ---- Quote segments (speakers_quotes.cpp) ----

struct Paragraph {
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<Paragraph> paragraphs_of(std::string_view text);

// One quotation: its marks and inner text, as offsets into the text.
struct Segment {
  std::size_t para = 0;
  std::size_t open = 0;       // offset of the opening mark in text
  std::size_t begin = 0;      // inner text
  std::size_t end = 0;
  std::size_t after_end = 0;  // end of the closing mark (== end if unclosed)
  bool closed = false;
  std::size_t first_piece_begin = 0;  // for merged multi-paragraph quotes
  std::size_t first_para = 0;
  std::string joined;                 // text of merged pieces; empty if single
};

// Every quotation of the text, in order, multi-paragraph ones merged.
std::vector<Segment> find_quote_segments(std::string_view text, const std::vector<Paragraph>& paras);

// Only spaces and tabs.
bool only_space(std::string_view s);

// ---- People (speakers_roster.cpp) ----

// The people quoted so far, in order, and the last one quoted, indexed by
// full name and by surname so that a text of ten thousand speakers is not
// ten thousand searches of ten thousand people.
class Roster {
 public:
  // "the Secretary General said": the latest person whose honorific or
  // role is that title, or -1. A person known so far by surname only
  // ("Zannier underlined that") is looked up in the text, where the full
  // name with its honorific was introduced. Only the kTitleLookback latest
  // people are asked: a release quotes a handful.
  static constexpr std::size_t kTitleLookback = 64;
  int by_title(std::string_view text, std::string_view title) const;
  // Returns the index of the speaker for `who`, creating one if needed;
  // -1 when a pronoun has nobody to refer to or the name is not a person.
  int resolve(std::string_view text, const Attribution& who);
  void add(int who, Quote q) {
    people_[static_cast<std::size_t>(who)].quotes.push_back(std::move(q));
    last_ = who;
  }
  int last() const { return last_; }
  bool knows_surname(const std::string& surname) const { return first_with_surname_.count(surname) > 0; }
  // full_name_for(text, surname), remembered per surname. Each new surname
  // costs a search of the whole text, so after kMaxNameSearches of them a
  // text (a dump of thousands of one-word names, not an article) gets no
  // more: the answer is "not introduced".
  static constexpr std::size_t kMaxNameSearches = 256;
  std::optional<PersonName> full_name(std::string_view text, const std::string& surname) const;
  // The person the prose introduced with `title` ("The OSCE Representative
  // on Freedom of the Media, Dunja Vasić, ..."), remembered per title, at
  // most kMaxNameSearches titles.
  std::optional<PersonName> titled_in_text(std::string_view text, std::string_view title) const;
  std::vector<Speaker> take() { return std::move(people_); }

 private:
  void rename(int who, std::string name);

  std::vector<Speaker> people_;
  int last_ = -1;
  std::unordered_map<std::string, int> by_name_;             // the first person of each name
  std::unordered_map<std::string, int> first_with_surname_;  // the first person of each last word
  std::unordered_map<std::string, std::set<int>> one_word_;  // people known by surname only, per surname
  mutable std::unordered_map<std::string, std::optional<PersonName>> full_names_;
  mutable std::unordered_map<std::string, std::optional<PersonName>> titled_;
};

// A one-word name ("Kopaj", but also "Speakers noted that" or "the
// Chairperson said") must be the surname of someone already quoted or named
// in full elsewhere in the text.
bool plausible(std::string_view text, const Roster& roster, const Attribution& who);

}  // namespace winnow::speakers_detail
