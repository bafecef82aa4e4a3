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
//  1. Find quote segments. Curly quotes pair unambiguously; straight quotes
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
//  3. Resolve names to people. A pronoun is the last speaker, or, when
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
// trigger words it holds. Speakers are few, so resolution is a linear
// search over them; split_name remembers its last answers, since the same
// phrase is split by the patterns, plausible() and the roster.
#include "winnow/speakers.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>

#include "speakers_internal.hpp"

namespace winnow {
namespace {

using speakers_detail::Attribution;

constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D";  // ”

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

struct Paragraph {
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Paragraph> paragraphs_of(std::string_view text) {
  std::vector<Paragraph> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    out.push_back({pos, nl});
    pos = nl + 1;
  }
  return out;
}

// The first of two bytes at or after `pos` in text[.., end), or `end`: two
// memchr cursors, each moved only once passed (find_first_of with a two-byte
// set calls memchr once per text byte, a byte loop is slower than memchr).
class TwoBytes {
 public:
  TwoBytes(std::string_view text, std::size_t begin, std::size_t end, char a, char b)
      : text_(text), end_(end), a_(a), b_(b), pa_(find(a, begin)), pb_(find(b, begin)) {}
  std::size_t next(std::size_t pos) {
    if (pa_ < pos) pa_ = find(a_, pos);
    if (pb_ < pos) pb_ = find(b_, pos);
    return std::min(pa_, pb_);
  }

 private:
  std::size_t find(char c, std::size_t pos) const {
    if (pos >= end_) return end_;
    const void* hit = std::memchr(text_.data() + pos, c, end_ - pos);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data()) : end_;
  }
  std::string_view text_;
  std::size_t end_;
  char a_, b_;
  std::size_t pa_, pb_;
};

void find_segments(std::string_view text, const Paragraph& p, std::size_t index,
                   std::vector<Segment>& out) {
  // Searches stop at the paragraph's end: a text of many quote-free
  // paragraphs must not be rescanned to its end once per paragraph.
  text = text.substr(0, p.end);
  std::size_t pos = p.begin;
  TwoBytes marks(text, p.begin, p.end, '"', '\xE2');
  while (pos < p.end) {
    std::size_t open = marks.next(pos);
    if (open >= p.end) break;
    bool curly = text.substr(open, 3) == kOpenCurly;
    if (!curly && text[open] != '"') {
      pos = open + 1;
      continue;
    }
    std::size_t inner = open + (curly ? 3 : 1);
    std::size_t close = curly ? text.find(kCloseCurly, inner) : text.find('"', inner);
    // A straight quote may also be closed by a curly one and vice versa in
    // sloppy copy; only the expected mark is honoured.
    Segment s;
    s.para = index;
    s.open = open;
    s.begin = inner;
    if (close == std::string_view::npos || close >= p.end) {
      s.end = s.after_end = p.end;
    } else {
      s.end = close;
      s.after_end = close + (curly ? 3 : 1);
      s.closed = true;
    }
    out.push_back(s);
    pos = s.after_end;
  }
}

constexpr std::string_view kOpenSingle = "\xE2\x80\x98";   // ‘
constexpr std::string_view kCloseSingle = "\xE2\x80\x99";  // ’, also the apostrophe

// Single quotes as quotation marks, in a paragraph with no double ones. The
// closing mark is also the apostrophe ("victim’s", "citizens’"), so a
// quotation must look like one: it opens at the paragraph start or after a
// space or colon, and it closes right after its own punctuation ("...
// questions,’ said", "... charges.’"), which an apostrophe never does.
void find_single_segments(std::string_view text, const Paragraph& p, std::size_t index,
                          std::vector<Segment>& out) {
  std::size_t pos = p.begin;
  TwoBytes marks(text, p.begin, p.end, '\'', '\xE2');
  while (pos < p.end) {
    std::size_t open = pos;
    std::size_t mark = 0;
    for (; (open = marks.next(open)) < p.end; ++open) {
      const char c = text[open];
      if (c == '\'') mark = 1;
      else if (text.substr(open, 3) == kOpenSingle) mark = 3;
      else continue;
      if (open == p.begin || text[open - 1] == ' ' || text[open - 1] == ':') break;
    }
    if (open >= p.end) return;
    std::size_t inner = open + mark, close = inner;
    bool closed = false;
    TwoBytes closes(text, inner, p.end, '\'', '\xE2');
    for (; (close = closes.next(close)) < p.end; ++close) {
      std::size_t len = text[close] == '\'' ? 1 : text.substr(close, 3) == kCloseSingle ? 3 : 0;
      if (len == 0 || close == inner) continue;
      const char before = text[close - 1];
      const bool after_ok = close + len >= p.end || text[close + len] == ' ';
      if ((before == ',' || before == '.' || before == '!' || before == '?') && after_ok) {
        closed = true;
        Segment s;
        s.para = index;
        s.open = open;
        s.begin = inner;
        s.end = close;
        s.after_end = close + len;
        s.closed = true;
        out.push_back(s);
        pos = s.after_end;
        break;
      }
    }
    if (!closed) return;
  }
}

bool only_space(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t') return false;
  return true;
}

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

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\n';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

std::string_view trim_quote(std::string_view s, std::size_t& begin, std::size_t& end) {
  while (begin < end && (s[begin] == ' ')) ++begin;
  while (end > begin && (s[end - 1] == ' ' || s[end - 1] == ',')) --end;
  return s.substr(begin, end - begin);
}

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

class Roster {
 public:
  // "the Secretary General said": the latest person whose honorific or
  // role is that title, or -1. A person known so far by surname only
  // ("Zannier underlined that") is looked up in the text, where the full
  // name with its honorific was introduced.
  int by_title(std::string_view text, std::string_view title) const {
    for (std::size_t i = people_.size(); i-- > 0;) {
      const Speaker& p = people_[i];
      if (same_words(p.honorific, title) || role_names(p.role, title)) return static_cast<int>(i);
      if (p.name.find(' ') == std::string::npos)
        if (auto full = speakers_detail::full_name_for(text, p.name))
          if (same_words(full->honorific, title) || role_names(full->role_prefix, title)) return static_cast<int>(i);
    }
    return -1;
  }

  // Returns the index of the speaker for `who`, creating one if needed;
  // -1 when a pronoun has nobody to refer to or the name is not a person.
  int resolve(std::string_view text, const Attribution& who) {
    if (who.pronoun) return last_;
    if (who.by_title) {
      const int found = by_title(text, who.name_phrase);
      if (found >= 0) last_ = found;
      return found;
    }
    auto person = speakers_detail::split_name(who.name_phrase);
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
  void add(int who, Quote q) {
    people_[static_cast<std::size_t>(who)].quotes.push_back(std::move(q));
    last_ = who;
  }
  int last() const { return last_; }
  bool knows_surname(const std::string& surname) const {
    for (auto& p : people_)
      if (last_word(p.name) == surname) return true;
    return false;
  }
  std::vector<Speaker> take() { return std::move(people_); }

 private:
  std::vector<Speaker> people_;
  int last_ = -1;
};

// A one-word name ("Kopaj", but also "Speakers noted that" or "the
// Chairperson said") must be the surname of someone already quoted or named
// in full elsewhere in the text.
bool plausible(std::string_view text, const Roster& roster, const Attribution& who) {
  if (who.pronoun) return true;
  if (who.by_title) return roster.by_title(text, who.name_phrase) >= 0;
  auto person = speakers_detail::split_name(who.name_phrase);
  if (!person) return false;
  if (person->name.find(' ') != std::string::npos || !person->honorific.empty()) return true;
  return roster.knows_surname(person->name) || speakers_detail::full_name_for(text, person->name).has_value();
}

// Merges a segment left open at the end of its paragraph with the quote
// that opens the next paragraph, as many times as the quote runs on.
std::vector<Segment> merge_runs(std::string_view text, std::vector<Segment> segs,
                                const std::vector<Paragraph>& paras) {
  std::vector<Segment> out;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    Segment s = segs[i];
    s.first_piece_begin = s.begin;
    s.first_para = s.para;
    while (!s.closed && i + 1 < segs.size() && segs[i + 1].para == s.para + 1 &&
           only_space(text.substr(paras[segs[i + 1].para].begin,
                                  segs[i + 1].open - paras[segs[i + 1].para].begin))) {
      if (s.joined.empty()) s.joined = std::string(text.substr(s.begin, s.end - s.begin));
      const Segment& n = segs[++i];
      s.joined += ' ';
      s.joined += text.substr(n.begin, n.end - n.begin);
      s.para = n.para;
      s.end = n.end;
      s.after_end = n.after_end;
      s.closed = n.closed;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<Speaker> find_speakers(std::string_view text) {
  auto paras = paragraphs_of(text);
  std::vector<Segment> raw;
  for (std::size_t i = 0; i < paras.size(); ++i) {
    const std::size_t before = raw.size();
    find_segments(text, paras[i], i, raw);
    if (raw.size() == before) find_single_segments(text, paras[i], i, raw);
  }
  auto segs = merge_runs(text, std::move(raw), paras);

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
  std::size_t last_quoted_para = 0;
  bool prev_attributed_here = false;  // previous segment, same paragraph, had a speaker
  std::size_t seg_index = 0;
  for (std::size_t pi = 0; pi < paras.size(); ++pi) {
    const Paragraph& p = paras[pi];
    std::size_t prose_from = p.begin;  // start of the current stretch without quotes
    std::size_t quote_gap = p.begin;   // end of the previous quote mark in this paragraph
    prev_attributed_here = false;
    // Segments are grouped by the paragraph where they end; a merged run
    // belongs to its last paragraph but starts in an earlier one.
    while (seg_index < segs.size() && segs[seg_index].para == pi) {
      const Segment& s = segs[seg_index++];
      // Reported speech in the prose before this quote.
      if (s.open > prose_from && s.open >= p.begin) {
        auto prose = text.substr(prose_from, s.open - prose_from);
        for (auto& ind : speakers_detail::find_indirect(prose)) {
          if (ind.who.pronoun && roster.last() < 0) antecedent(ind.who, prose_from + ind.begin);
          if (!plausible(text, roster, ind.who)) continue;
          int who = roster.resolve(text, ind.who);
          if (who < 0) continue;
          Quote q{std::string(prose.substr(ind.begin, ind.end - ind.begin)), ind.who.verb, true,
                  false, prose_from + ind.begin, prose_from + ind.end};
          roster.add(who, std::move(q));
        }
      }
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
      const bool titled_elsewhere = who && who->by_title && !plausible(text, roster, *who);
      if (who && !plausible(text, roster, *who)) who.reset();
      int speaker = who ? roster.resolve(text, *who) : -1;
      bool continuation = false;
      if (speaker < 0 && !who && !titled_elsewhere) {
        bool opens_paragraph = s.open < p.begin || only_space(text.substr(p.begin, s.open - p.begin));
        bool quote_like = word_count(body) >= 4 && (opens_paragraph || prev_attributed_here);
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
    if (p.end > prose_from) {
      auto prose = text.substr(prose_from, p.end - prose_from);
      for (auto& ind : speakers_detail::find_indirect(prose)) {
        if (ind.who.pronoun && roster.last() < 0) antecedent(ind.who, prose_from + ind.begin);
        if (!plausible(text, roster, ind.who)) continue;
        int who = roster.resolve(text, ind.who);
        if (who < 0) continue;
        roster.add(who, Quote{std::string(prose.substr(ind.begin, ind.end - ind.begin)), ind.who.verb,
                              true, false, prose_from + ind.begin, prose_from + ind.end});
      }
    }
  }
  // People quoted by surname only were usually introduced in the prose.
  auto people = roster.take();
  for (auto& person : people)
    if (person.name.find(' ') == std::string::npos)
      if (auto full = speakers_detail::full_name_for(text, person.name)) {
        person.name = full->name;
        if (person.honorific.empty()) person.honorific = full->honorific;
        if (person.role.empty()) person.role = full->role_prefix;
      }
  return people;
}

}  // namespace winnow
