// Speakers: who is quoted in an article, and saying what.
//
// The problem. A release quotes one to four people. Each quote needs a
// speaker, but many quotes carry no attribution of their own: the second
// paragraph of a long quote, the sentence that follows "..., said X." in the
// same paragraph, a "he added" or an "added Kopaj" that only makes sense
// against a name seen earlier. And one person must come out once, with all
// of their quotes in order, however they were named each time.
//
// The method, in three passes over the paragraphs:
//
//  1. Find quote segments (speakers_quotes.cpp). Curly quotes pair unambiguously; straight quotes
//     alternate open/close within a paragraph. A segment still open at the
//     end of its paragraph continues into the next paragraph if that one
//     opens with a quote mark (the print convention for multi-paragraph
//     quotes); such pieces are merged into one Quote whose span covers them
//     all (marks and line breaks between pieces included) and whose text
//     joins them with a space. For every other quote, text is exactly the
//     spanned bytes, less a trailing comma. A paragraph without double
//     quotes may use single ones (‘...,’ said X); since ’ is also the
//     apostrophe, a single-quoted segment must close right after its own
//     punctuation.
//
//  2. Attribute each segment from the words after its closing mark, else
//     the words before its opening mark (speakers_attribution.cpp). A
//     segment with no attribution is a continuation of the previous
//     speaker when it reads like a quotation rather than a scare-quoted term:
//     it opens its paragraph or follows an attributed segment in the same
//     paragraph, it has at least four words, and the previous speaker was
//     quoted at most two paragraphs earlier. A continuation has no verb.
//     Otherwise it is dropped: inventing a speaker is worse than missing a
//     quote.
//
//  3. Resolve names to people (speakers_roster.cpp). A pronoun is the last speaker, or, when
//     nobody was quoted yet, the last person named in the prose, with an
//     honorific ("Secretary General Helga Maria Schmid ... she said") or by
//     an apposition or verb after a two-word name ("The course was led by
//     Daniyar Sadykov, a former camera operator. ... he said"). A bare
//     surname ("Kopaj") is the speaker whose name ends with it, and must be
//     someone: a one-word name that matches no speaker and no full name in
//     the prose ("the Chairperson said") is refused. People quoted only by
//     surname get their full name from its first mention in the prose ("the
//     Representative, Teresa Ribeiro"). The first mention's honorific and
//     role are kept, later ones fill gaps.
//
// Reported speech ("X stressed that ...", "X told participants that ...",
// "X said the ...", "According to X, ...") is collected from the prose
// between quotes of each paragraph and marked `indirect`.
//
// Cost: linear in the text; quote marks are found with memchr, each quote
// costs a few anchored regex matches (only those its first word allows) and
// a paragraph is scanned for reported speech only by the patterns whose
// trigger words it holds. Resolution is a hash lookup by name and surname
// (a hostile text may name thousands); split_name remembers its last answers, since the same
// phrase is split by the patterns, plausible() and the roster.
#include "winnow/speakers.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "deadline.hpp"
#include "speakers_internal.hpp"

namespace winnow {
namespace {

using speakers_detail::Attribution;
using speakers_detail::only_space;
using speakers_detail::Paragraph;
using speakers_detail::Roster;
using speakers_detail::Segment;

// `s` up to and including the first sentence end (". " and the like, the
// space kept for the patterns' end test), at most kMaxAttribution bytes. The
// full stop of an abbreviation ("Mr.", "Dr.", "D.C.", an initial) ends no
// sentence: three letters or fewer, four when capitalised ("Prof."), or a
// word with a dot inside.
constexpr std::size_t kMaxAttribution = 400;
std::string_view sentence_head(std::string_view s) {
  const std::size_t limit = std::min(s.size(), kMaxAttribution);
  for (std::size_t i = 0; i + 1 < limit; ++i) {
    if (!((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ')) continue;
    if (s[i] == '.') {
      std::size_t w = i;
      while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '.') --w;
      const bool capital = s[w] >= 'A' && s[w] <= 'Z';
      if (i - w <= 3 || (capital && i - w <= 4) || (w > 0 && s[w - 1] == '.')) continue;
    }
    return s.substr(0, i + 2);
  }
  return s.substr(0, limit);
}

// Whether `s` holds at least `n` words (separated by spaces or line
// breaks); stops counting at `n`, since quotes can be long.
bool has_words(std::string_view s, std::size_t n) {
  std::size_t seen = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ' || c == '\n';
    if (!sp && !in && ++seen == n) return true;
    in = !sp;
  }
  return n == 0;
}

std::string_view trim_quote(std::string_view s, std::size_t& begin, std::size_t& end) {
  while (begin < end && (s[begin] == ' ')) ++begin;
  while (end > begin && (s[end - 1] == ' ' || s[end - 1] == ',')) --end;
  return s.substr(begin, end - begin);
}

}  // namespace

std::vector<Speaker> find_speakers(std::string_view text) {
  const auto paras = speakers_detail::paragraphs_of(text);
  const auto segs = speakers_detail::find_quote_segments(text, paras);

  // Mentions are only needed for a pronoun with nobody quoted before it:
  // rare, and a scan of the whole text, so computed on first need.
  std::optional<std::vector<speakers_detail::Mention>> mentions;
  // "she said" with nobody quoted yet: the last person named before `at`,
  // with an honorific ("Secretary General Helga Maria Schmid") or by an
  // apposition or verb ("Daniyar Sadykov, a former camera operator").
  auto antecedent = [&](Attribution& who, std::size_t at) {
    if (!mentions) mentions = speakers_detail::find_mentions(text);
    for (auto it = mentions->rbegin(); it != mentions->rend(); ++it)
      if (it->at < at) {
        who.name_phrase = it->phrase;
        if (who.role.empty()) who.role = it->role;
        who.pronoun = false;
        return;
      }
  };
  Roster roster;
  // Reported speech in text[from, to), a stretch of prose with no quote marks.
  auto read_reported_speech = [&](std::size_t from, std::size_t to) {
    const auto prose = text.substr(from, to - from);
    for (auto& ind : speakers_detail::find_indirect(prose)) {
      poll_deadline();
      if (ind.who.pronoun && roster.last() < 0) antecedent(ind.who, from + ind.begin);
      if (!speakers_detail::plausible(text, roster, ind.who)) continue;
      const int who = roster.resolve(text, ind.who);
      if (who < 0) continue;
      roster.add(who, Quote{std::string(prose.substr(ind.begin, ind.end - ind.begin)), ind.who.verb, true, false,
                            from + ind.begin, from + ind.end});
    }
  };
  std::size_t last_quoted_para = 0;
  bool prev_attributed_here = false;  // previous segment, same paragraph, had a speaker
  std::size_t seg_index = 0;
  for (std::size_t pi = 0; pi < paras.size(); ++pi) {
    poll_deadline();
    const Paragraph& p = paras[pi];
    std::size_t prose_from = p.begin;  // start of the current stretch without quotes
    std::size_t quote_gap = p.begin;   // end of the previous quote mark in this paragraph
    prev_attributed_here = false;
    // Segments are grouped by the paragraph where they end; a merged run
    // belongs to its last paragraph but starts in an earlier one.
    while (seg_index < segs.size() && segs[seg_index].para == pi) {
      poll_deadline();
      const Segment& s = segs[seg_index++];
      // Reported speech in the prose before this quote.
      if (s.open > prose_from && s.open >= p.begin) read_reported_speech(prose_from, s.open);
      // Attribution after the closing mark runs to the next opening mark.
      std::size_t after_to = p.end;
      if (seg_index < segs.size() && segs[seg_index].para == pi) after_to = segs[seg_index].open;
      std::optional<Attribution> who;
      // The attribution ends with its sentence: the patterns see at most
      // that much, so their cost does not grow with the paragraph.
      if (s.closed) who = speakers_detail::attribution_after(sentence_head(text.substr(s.after_end, after_to - s.after_end)));
      if (!who) {
        // The sentence before the opening mark, in the paragraph where the
        // quote (perhaps a multi-paragraph one) opens.
        // The previous quote's attribution may end in "adding:", so this
        // looks back to the previous quote, not to the prose start.
        std::size_t from = s.open >= p.begin ? quote_gap : paras[s.first_para].begin;
        auto before = text.substr(from, s.open - from);
        auto stop = before.find_last_of(".!?");
        if (stop != std::string_view::npos) before = before.substr(stop + 1);
        who = speakers_detail::attribution_before(before);
      }
      std::size_t b = s.first_piece_begin, e = s.end;
      std::string body = s.joined.empty() ? std::string(trim_quote(text, b, e)) : s.joined;
      if (!s.joined.empty()) {
        while (!body.empty() && (body.back() == ' ' || body.back() == ',')) body.pop_back();
        while (e > b && (text[e - 1] == ' ' || text[e - 1] == ',')) --e;
      }
      if (who && who->pronoun && roster.last() < 0) antecedent(*who, s.open);
      // A one-word name must be someone: "said the Minister" was refused
      // by the patterns, "the Chairperson said" is refused here.
      // A title nobody quoted so far holds ("the Mission said") names
      // someone else: the quote is not the last speaker's continuation.
      const bool plausible_who = who && speakers_detail::plausible(text, roster, *who);
      const bool titled_elsewhere = who && who->by_title && !plausible_who;
      if (who && !plausible_who) who.reset();
      int speaker = who ? roster.resolve(text, *who) : -1;
      bool continuation = false;
      if (speaker < 0 && !who && !titled_elsewhere) {
        bool opens_paragraph = s.open < p.begin || only_space(text.substr(p.begin, s.open - p.begin));
        bool quote_like = (opens_paragraph || prev_attributed_here) && has_words(body, 4);
        if (quote_like && roster.last() >= 0 && pi <= last_quoted_para + 2) {
          speaker = roster.last();
          continuation = true;
        }
      }
      if (speaker >= 0) {
        roster.add(speaker, Quote{std::move(body), continuation ? std::string{} : who->verb, false,
                                  continuation, b, e});
        last_quoted_para = pi;
      }
      prev_attributed_here = speaker >= 0;
      prose_from = std::max(s.after_end, p.begin);
      quote_gap = prose_from;
      // Skip the attribution sentence so it is not read as reported speech.
      if (who) {
        auto stop = text.find('.', s.after_end);
        prose_from = stop < after_to ? stop + 1 : after_to;
      }
    }
    if (p.end > prose_from) read_reported_speech(prose_from, p.end);
  }
  // People quoted by surname only were usually introduced in the prose.
  auto people = roster.take();
  // So were people quoted by a surname with particles ("Fuentes de la
  // Torre emphasized", introduced as "Ambassador Jorge Fuentes de la Torre").
  auto particle_surname = [](const std::string& name) {
    for (std::size_t sp = name.find(' '); sp != std::string::npos; sp = name.find(' ', sp + 1)) {
      const std::size_t e = name.find(' ', sp + 1);
      const std::string word = name.substr(sp + 1, e == std::string::npos ? std::string::npos : e - sp - 1);
      if (word == "de" || word == "la" || word == "van" || word == "von" || word == "der" || word == "del" ||
          word == "da" || word == "di" || word == "du" || word == "den")
        return true;
    }
    return false;
  };
  for (auto& person : people)
    if (person.name.find(' ') == std::string::npos || particle_surname(person.name))
      if (auto full = roster.full_name(text, person.name); full && full->name.size() > person.name.size()) {
        person.name = full->name;
        if (person.honorific.empty()) person.honorific = full->honorific;
        if (person.role.empty()) person.role = full->role_prefix;
      }
  return people;
}

}  // namespace winnow
