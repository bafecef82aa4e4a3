// Reported speech: "Ambassador X said that ...", found in prose that holds
// no quote marks, as a speaker's statement without quotation.
//
// The problem. Press releases report as much as they quote: "The Head of
// Mission, Kilian Wahl, stressed that the reform must go on." Such a clause
// is a statement of its speaker like a quote, and the speaker is named in
// the same few word orders as a quote's (speakers_attribution.cpp), but
// with no quote mark to anchor the pattern, each would have to be tried
// at every position of every paragraph.
//
// The method. The reported-speech patterns (speakers_patterns.cpp) cannot
// match without one of a few words: " that " (every verb other than
// said/says), " said "/" says " followed by a clause opener (the bare
// forms), ", who " (the relative-clause forms) and "According ". A pass
// over the prose finds which of those it holds (triggers_of), and only the
// patterns whose words are there are run; a "that" counts only after a
// reporting verb or an addressee ("the fact that" does not), a bare "said"
// only before a clause opener.
//
// Why a trigger pass: most paragraphs report nothing, and an unanchored RE2
// search of a large alternation costs far more than a byte scan. The
// trigger words all start right after a whitespace byte with one of four
// letter pairs ("th", "sa", "wh", "Ac"), so the scan reads sixteen bytes at
// a time (SSE2; byte by byte elsewhere and for the tail) and looks at a
// word only where such a pair follows a space.
//
// Cost: one linear scan of the prose, a few compares per candidate word,
// and unanchored matches (linear, RE2) only on prose holding their words;
// on press releases the scan is most of it, a few thousand instructions a
// page.

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <string>

#include <re2/re2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "speakers_internal.hpp"
#include "speakers_patterns.hpp"
#include "speakers_words.hpp"
#include "text_bytes.hpp"

namespace winnow::speakers_detail {
namespace {

using speakers_words::kAddressees;
using speakers_words::kBareClauseOpeners;
using speakers_words::kReportingVerbs;

// RE2's \s.
constexpr bool is_re_space(char c) { return text::is_html_space(c); }

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
