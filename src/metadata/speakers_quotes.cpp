// Speakers, pass 1: the quote segments of a text (see speakers.cpp for the
// whole method).
//
// The problem. Quotation marks in scraped releases come curly or straight,
// double or single, and a long quote runs over several paragraphs with an
// opening mark on each and a closing mark on the last only. The single
// closing mark is also the apostrophe.
//
// The method. Curly double quotes pair unambiguously; straight ones
// alternate open/close within a paragraph. A paragraph with no double
// quotes may use single ones, accepted only where they cannot be
// apostrophes (find_single_segments). A segment still open at its
// paragraph's end is merged with the quote that opens the next paragraph
// (merge_runs), and the merged segment keeps the text of its pieces joined
// by a space.
//
// Cost: linear in the text; marks are found with two memchr cursors per
// paragraph (TwoBytes), and no search runs past its paragraph's end.
#include <algorithm>
#include <cstring>
#include <string>

#include "speakers_internal.hpp"

namespace winnow::speakers_detail {
namespace {

constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D";  // ”

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

bool only_space(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t') return false;
  return true;
}

std::vector<Segment> find_quote_segments(std::string_view text, const std::vector<Paragraph>& paras) {
  std::vector<Segment> raw;
  for (std::size_t i = 0; i < paras.size(); ++i) {
    const std::size_t before = raw.size();
    find_segments(text, paras[i], i, raw);
    if (raw.size() == before) find_single_segments(text, paras[i], i, raw);
  }
  return merge_runs(text, std::move(raw), paras);
}

}  // namespace winnow::speakers_detail
