// The RE2 patterns of the speaker extractor, one per word order of an
// attribution, and the word readers shared by the two files that use them:
// speakers_attribution.cpp (who said a quote) and speakers_reported.cpp
// (reported speech without quote marks). The patterns are built once, in
// speakers_patterns.cpp, from the word tables of speakers_words.hpp, the
// same tables the hand readers and pretests read, so that a word added to a
// table reaches both. Private to src/metadata/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <re2/re2.h>

namespace winnow::speakers_detail {

// What each pattern reads is written beside its construction
// (speakers_patterns.cpp); the groups each captures are read by the caller.
struct Patterns {
  Patterns();
  std::string verbs;  // the reporting verbs as one capturing alternation
  // In the order they are built: after a closing quote mark (attribution_after),
  // before an opening one (attribution_before), reported speech (find_indirect).
  RE2 verb_first, verb_first_head, name_first_head, according, verb_role_name, name_first, pronoun_after,
      name_before, pronoun_before, title_after, title_before, participle_before, indirect_who, indirect,
      indirect_who_bare, indirect_bare, indirect_according;
};

// The patterns, compiled on first use (thread-safe).
const Patterns& patterns();

// The reporting verb that is the whole word at `at` ("said", "pointed
// out"), or an empty view.
std::string_view reporting_verb_at(std::string_view s, std::size_t at);

// The last word of a table's phrase ("out" of "pointed out").
constexpr std::string_view last_word(std::string_view phrase) { return phrase.substr(phrase.rfind(' ') + 1); }

// An apposition as a role, or "" when it reads like the rest of a sentence
// ("adding that ...", "who ...").
std::string clean_role(std::string_view role);

}  // namespace winnow::speakers_detail
