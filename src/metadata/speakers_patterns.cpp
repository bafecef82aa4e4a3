// The attribution patterns: each word order of speaker attribution as one
// RE2 pattern, built from shared pieces and the word tables.
//
// The problem. The word orders speakers_attribution.cpp describes (said
// NAME, ROLE; NAME, ROLE, said; the TITLE said; NAME said that ...) share
// their parts: a name phrase, an apposition, a reporting verb, a lower-case
// title. Written out in each pattern, the lists had drifted apart from the
// lists the hand readers use ("concluding" handed a quote on but did not
// end a role).
//
// The method. Every list is a table in speakers_words.hpp, turned into an
// RE2 alternation here (a space inside a phrase as \s+, as the hand readers
// read it too), and every pattern is assembled from the named pieces below.
// The patterns are anchored to the quote mark they describe (`^` for the
// text after a closing mark, `$` for the text before an opening one).
//
// Why one struct compiled once: the patterns are large (a verb alternation,
// Unicode letter classes); one shared instance keeps RE2's compiled
// programs and DFA caches across documents and threads.
//
// Cost: compiling, once per process, a few milliseconds; each match is
// linear in the attribution it reads.

#include <string>
#include <string_view>

#include "speakers_internal.hpp"
#include "speakers_patterns.hpp"
#include "speakers_words.hpp"

namespace winnow::speakers_detail {
namespace {

using speakers_words::kAddressees;
using speakers_words::kAddresseesBeforeQuote;
using speakers_words::kBareClauseOpeners;
using speakers_words::kCircumstances;
using speakers_words::kParticiples;
using speakers_words::kReportingVerbs;

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
const std::string kRoleEnd = R"(\s*(?:[.!?](?:\s|$)|;|,\s*$|$|,\s+(?:)" + alternation(kParticiples) + R"()\b))";
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
const std::string kTitlePhrase =
    R"(([A-Z][A-Za-z'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][A-Za-z'’-]+){0,4}))";

// The patterns are large (a verb alternation, Unicode letter classes); at
// RE2's default memory budget their DFAs overflow the cache and are rebuilt
// over and over, which made the speaker pass the slowest part of `extract`.
RE2::Options options() {
  RE2::Options o;
  o.set_max_mem(64 << 20);
  return o;
}

}  // namespace

// The word orders, each with the shape it reads.
Patterns::Patterns()
    : verbs("(" + alternation(kReportingVerbs) + ")"),
      // With a role the sentence must end after it (a lazy role would otherwise
      // stop at the first "in"); without one, a circumstance may follow the name.
      verb_first(R"(^\s*,?\s*)" + verbs + R"(\s+)" + kLowerTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                 kRoleEnd + R"(|\s*(?:[.;!?]|,\s*$|$|\s+(?:)" + alternation(kCircumstances) + R"()\b)))", options()),
      // verb_first without what follows the name, which role_tail reads by
      // hand: capturing the lazy role made RE2 run its slowest engine over the
      // whole attribution, several microseconds a quote.
      verb_first_head(R"(^\s*,?\s*)" + verbs + R"(\s+)" + kLowerTitle + kNamePhrase, options()),
      // name_first without what follows the name, which name_first_tail reads.
      name_first_head(R"(^\s*,?\s*)" + kNamePhrase, options()),
      // "..., according to Ambassador Jane Doe, Head of Mission."
      according(R"(^\s*,?\s*(according\s+to)\s+)" + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                R"()?\s*(?:[.!?](?:\s|$)|;|,\s*$|$))", options()),
      // "said the Representative, Teresa Ribeiro."
      verb_role_name(R"(^\s*,?\s*)" + verbs + R"(\s+the\s+)" + kRole + R"(,\s+)" + kNamePhrase +
                     R"(\s*(?:[.!?](?:\s|$)|;|,\s*$|$))", options()),
      // "Colonel Ruslan Akhmetov of the Kazakh Ministry of Defence told ...".
      name_first(R"(^\s*,?\s*)" + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                 R"(,?|\s+of\s+[^.;:“”",]+?)?\s+(?:also\s+)?)" + verbs + kAfterVerb, options()),
      pronoun_after(R"(^\s*,?\s*(?:(?i:he|she)\s+(?:also\s+)?)" + verbs + R"(|)" + verbs +
                    R"(\s+(?i:he|she))\b)", options()),
      // "Marian Stoica from Cluj, said:" allows a "from" phrase after the name.
      name_before(kLeadTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole + R"(,|\s+from\s+[^,.;:“”"]+?,)?\s+(?:also\s+)?)" + verbs +
                  R"((?:\s+(?:)" + alternation(kAddresseesBeforeQuote) + R"(|the\s+\w+))?\s*[:,]?\s*$)", options()),
      pronoun_before(R"((?:^|\s)(?i:he|she)\s+(?:also\s+)?)" + verbs + R"(\s*[:,]?\s*$)", options()),
      // "..., the Secretary General said.", "..., said the Head of Mission.":
      // a title of capitalised words (with "of"/"the" inside) instead of a name.
      title_after(R"(^\s*,?\s*(?:the\s+)" + kTitlePhrase + R"(\s+(?:also\s+)?)" + verbs + R"(\b|)" + verbs +
                  R"(\s+the\s+)" + kTitlePhrase + R"(\s*(?:[.,;!?]|$)))", options()),
      title_before(R"((?:^|\s)[Tt]he\s+)" + kTitlePhrase + R"(\s+(?:also\s+)?)" + verbs + R"(\s*[:,]?\s*$)", options()),
      // "..., adding: “": the speaker of the quote just closed goes on.
      participle_before(R"((?:^|,)\s*()" + alternation(kParticiples) + R"()\s*[:,]?\s*$)", options()),
      // "... chaired by Ambassador Alena Kupchyna, who said that ...": the
      // subject may stand anywhere when a relative clause introduces the verb.
      indirect_who(R"(\s)" + kNamePhrase + R"(()?,\s+who\s+(?:also\s+)?)" + verbs + kReported, options()),
      indirect(R"((?:^|[.!?;]\s+|,\s+))" + kLeadTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole +
               R"(,)?\s+(?:also\s+)?)" + verbs + kReported, options()),
      indirect_who_bare(R"(\s)" + kNamePhrase + R"(()?,\s+who\s+(?:also\s+)?(said|says))" + kReportedBare,
                        options()),
      indirect_bare(R"((?:^|[.!?;]\s+|,\s+))" + kLeadTitle + kNamePhrase + R"((?:\s*,\s*)" + kRole +
                    R"(,)?\s+(?:also\s+)?(said|says))" + kReportedBare, options()),
      // "According to Commission Chair Alina Russu, the new procedures ...".
      indirect_according(R"((?:^|[.!?]\s+)(According\s+to)\s+)" + kNamePhrase + R"(,\s+([^!?]+?)[.!?](?:\s|$))",
                         options()) {}

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

}  // namespace winnow::speakers_detail
