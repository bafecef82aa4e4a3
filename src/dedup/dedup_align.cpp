// Aligning two copies: how the smaller text sits in the larger.
//
// The problem. Two copies of one article overlap; which is the original
// depends on how they differ (issue 19). A truncated copy is one run at the
// start of its source, cut off: the larger is the original. A repost is its
// source plus paragraphs at the edges (a blog header, commentary, a contact
// block): the smaller is the original. A selection is sentences taken from
// all over a source, the others dropped: the larger is the original. Set
// overlap cannot tell these apart (each is "the smaller is contained in the
// larger"); the order of the shingles can.
//
// The method. At add() each document keeps an outline (OutlineStore): the
// shingles whose hash is 0 mod 8 (0 mod 4 for texts under 256 shingles, so
// that short texts keep enough of them), in text order, as 22-bit
// fingerprints with their word positions. Two documents keep the same
// shingles of a shared passage, so their outlines are samples of one
// alignment. align() matches the smaller outline's anchors in the larger,
// keeps the longest chain increasing in both (a repeated phrase cannot pull
// the chain out of order), and measures, in words of the larger text that
// the smaller lacks: before the chain (head), after it (tail, net of what
// the smaller has after its last match: an excerpt mark), and inside it
// (between consecutive matches, the larger's stretch minus the smaller's:
// a typo or a re-wrapped line moves no position, so it adds nothing). The
// caller (dedup_cluster.cpp) leaves template anchors out and counts no
// words across a template stretch, so site chrome the sets ignore is no
// added paragraph. Then, with extra = head + tail + inside:
//   extra <= max(16 words, 4% of the larger)            -> Same (near-identical)
//   gaps of 12+ words hold 16+ words and >= 15% of extra  -> Selection
//   head <= 4, inside <= 8, tail >= 30% of the larger   -> Truncation
//   anything else (edges, both edges, a short tail)     -> AddedParagraphs
// Why 30% for a tail: a truncated excerpt keeps the first 20-70% of its
// article, while an appended commentary or contact block is usually a small
// part of its repost; in between a pair alone cannot tell (tuned on the
// second generator variant, seed 1: 40% missed a third of the unmarked cuts,
// 30% cost 0.2% of variant 1's blog reposts). In a group, the cluster step
// also asks whether a third member has the larger's extra words (then they
// are the article's own).
//
// What it costs. Stored: ~4 bytes per anchor (a 3-byte fingerprint and a
// one-byte position gap, more for long gaps), ~0.5 bytes per shingle: 430
// bytes per document on the 10k benchmark, vector overhead included. A comparison decodes both outlines and
// sorts the larger one: microseconds, and only the comparisons the choice of
// original makes (group size minus one per group, plus one for the reason).
#include <algorithm>

#include "dedup_internal.hpp"

namespace winnow::detail {

namespace {
constexpr std::uint32_t kDenseBelow = 256;  // shingles: under this, keep 1 in 4
constexpr std::uint32_t kSparseBit = 1u << 22;
constexpr std::uint32_t kGapWords = 12;    // a dropped sentence, not a bracketed expansion
constexpr std::uint32_t kEdgeWords = 4;    // a stray word or two at an edge is no paragraph
constexpr double kSelectionShare = 0.15;   // of the larger's extra words, in gaps
constexpr double kTruncatedTail = 0.3;     // of the larger text
}  // namespace

void OutlineStore::append(const ShingleOutline& outline) {
  Doc doc;
  doc.shingles = outline.shingles;
  doc.dense = outline.shingles < kDenseBelow;
  std::vector<std::uint8_t>& bytes = doc.bytes;
  std::uint32_t last = 0;
  for (std::size_t i = 0; i < outline.hashes.size() && i < outline.positions.size(); ++i) {
    const std::uint64_t h = outline.hashes[i];
    const bool sparse = (h & 7) == 0;
    if (!doc.dense && !sparse) continue;
    const auto fp = static_cast<std::uint32_t>(h >> (64 - kFingerprintBits)) | (sparse ? kSparseBit : 0);
    bytes.push_back(static_cast<std::uint8_t>(fp));
    bytes.push_back(static_cast<std::uint8_t>(fp >> 8));
    bytes.push_back(static_cast<std::uint8_t>(fp >> 16));
    std::uint32_t gap = outline.positions[i] - last;
    last = outline.positions[i];
    while (gap >= 0x80) {
      bytes.push_back(static_cast<std::uint8_t>(gap | 0x80));
      gap >>= 7;
    }
    bytes.push_back(static_cast<std::uint8_t>(gap));
  }
  bytes.shrink_to_fit();
  docs_.push_back(std::move(doc));
}

void OutlineStore::decode(std::size_t d, bool sparse_only, std::vector<Anchor>& out) const {
  out.clear();
  const auto& bytes = docs_[d].bytes;
  std::uint32_t pos = 0;
  for (std::size_t i = 0; i + 3 <= bytes.size();) {
    const std::uint32_t fp = bytes[i] | bytes[i + 1] << 8 | static_cast<std::uint32_t>(bytes[i + 2]) << 16;
    i += 3;
    std::uint32_t gap = 0;
    for (int shift = 0; i < bytes.size(); shift += 7) {
      const std::uint8_t b = bytes[i++];
      gap |= static_cast<std::uint32_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    pos += gap;
    if (sparse_only && !(fp & kSparseBit)) continue;
    out.push_back({fp & (kFingerprintSpace - 1), pos});
  }
}

std::size_t OutlineStore::bytes() const {
  std::size_t n = docs_.size() * sizeof(Doc);
  for (const auto& d : docs_) n += d.bytes.capacity();
  return n;
}

const char* relation_name(Relation r) {
  switch (r) {
    case Relation::Same: return "same";
    case Relation::Truncation: return "truncation";
    case Relation::AddedParagraphs: return "added-paragraphs";
    case Relation::Selection: return "selection";
    case Relation::Unclear: return "unclear";
  }
  return "unclear";
}

Alignment align(const std::vector<Anchor>& smaller, std::uint32_t smaller_shingles, const std::vector<Anchor>& larger,
                std::uint32_t larger_shingles) {
  Alignment a;
  if (smaller.size() < 3 || larger.size() < 3) return a;
  // Where each fingerprint of the larger text first occurs (anchor index).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where;
  where.reserve(larger.size());
  for (std::uint32_t i = 0; i < larger.size(); ++i) where.emplace_back(larger[i].fp, i);
  std::stable_sort(where.begin(), where.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  // Matches (index in smaller, index in larger), in the smaller's order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> matches;
  for (std::uint32_t i = 0; i < smaller.size(); ++i) {
    auto it = std::lower_bound(where.begin(), where.end(), smaller[i].fp,
                               [](const auto& x, std::uint32_t fp) { return x.first < fp; });
    if (it != where.end() && it->first == smaller[i].fp) matches.emplace_back(i, it->second);
  }
  // Longest chain increasing in the larger's index (patience sorting).
  std::vector<std::uint32_t> tails, tail_at, prev(matches.size(), UINT32_MAX);
  for (std::uint32_t k = 0; k < matches.size(); ++k) {
    const std::uint32_t v = matches[k].second;
    auto it = std::lower_bound(tails.begin(), tails.end(), v);
    const auto at = static_cast<std::size_t>(it - tails.begin());
    if (at > 0) prev[k] = tail_at[at - 1];
    if (it == tails.end()) { tails.push_back(v); tail_at.push_back(k); }
    else { *it = v; tail_at[at] = k; }
  }
  if (tails.size() < 3) return a;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> chain;
  for (std::uint32_t k = tail_at.back(); k != UINT32_MAX; k = prev[k]) chain.push_back(matches[k]);
  std::reverse(chain.begin(), chain.end());

  // In words (shingle positions): a typo or a re-wrapped line moves no
  // position, while counts of anchors in a changed stretch vary by chance.
  const double n_larger = std::max<std::uint32_t>(1, larger_shingles);
  a.matched = static_cast<double>(chain.size()) / static_cast<double>(smaller.size());
  const Anchor& s0 = smaller[chain.front().first];
  const Anchor& l0 = larger[chain.front().second];
  const Anchor& sn = smaller[chain.back().first];
  const Anchor& ln = larger[chain.back().second];
  a.head = l0.pos > s0.pos ? l0.pos - s0.pos : 0;
  const std::uint32_t l_after = larger_shingles > ln.pos ? larger_shingles - 1 - ln.pos : 0;
  const std::uint32_t s_after = smaller_shingles > sn.pos ? smaller_shingles - 1 - sn.pos : 0;
  a.tail = l_after > s_after ? l_after - s_after : 0;
  for (std::size_t k = 1; k < chain.size(); ++k) {
    const std::uint32_t in_larger = larger[chain[k].second].pos - larger[chain[k - 1].second].pos;
    const std::uint32_t in_smaller = smaller[chain[k].first].pos - smaller[chain[k - 1].first].pos;
    if (in_larger <= in_smaller) continue;
    const std::uint32_t gap = in_larger - in_smaller;
    a.interior += gap;
    if (gap >= kGapWords) { a.gap_words += gap; ++a.gaps; }
  }
  const double extra = a.head + a.tail + a.interior;
  if (extra <= std::max(16.0, 0.04 * n_larger)) a.relation = Relation::Same;
  else if (a.gap_words >= 16 && a.gap_words >= kSelectionShare * extra)
    a.relation = Relation::Selection;
  else if (a.head <= kEdgeWords && a.interior <= 2 * kEdgeWords && a.tail >= kTruncatedTail * n_larger)
    a.relation = Relation::Truncation;
  else a.relation = Relation::AddedParagraphs;
  return a;
}

}  // namespace winnow::detail
