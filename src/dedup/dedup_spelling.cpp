// Spelling evidence: of two near-identical copies, the one with words no
// other text has is the re-typed one.
//
// The problem. A mirror re-typed by hand or by OCR ("goverment", "teh",
// re-wrapped lines) shares the structure of its source exactly: alignment
// calls the pair the same text, and the date or input order decided, often
// for the copy (issue 19). What differs are single words, and a misspelt
// word is one the rest of the corpus does not use, while the word it
// replaced is used elsewhere.
//
// The method. Each document's normalised words (ShingleOutline::words) are
// counted into a corpus table of frequencies with 2-bit saturating counters
// (0, 1, 2+) on 26 bits of the word hash: 16 MB, and for
// a corpus of 10 million distinct words a word is confused with another
// 15% of the time, which only ever hides a hapax. A word seen for the first
// time is noted with its document (its bucket, 4 bytes); at finish() a
// document's hapaxes are its first-seen words whose count stayed at 1. The
// notes total one per distinct word of the corpus, not per document. These
// are term, not document, frequencies (a word twice in one text is no
// hapax; that costs no sort per document and only hides hapaxes). A word
// shared by two copies has a count of 2, so inside a group the hapaxes are
// exactly a member's words that no other member (and no other text) has:
// misspellings, re-wrapping hyphenations, and rare words its copies miss.
// dedup_cluster.cpp compares hapax counts only between near-identical
// copies (alignment: Same), where those words are the difference.
//
// What it costs: one table probe per distinct word in add(), 16 MB, and
// 4 bytes per distinct word of the corpus until finish().
#include "dedup_internal.hpp"

namespace winnow::detail {

namespace {
constexpr int kWordBits = 26;
}

WordCounts::WordCounts() = default;

void WordCounts::add(const std::vector<std::uint64_t>& words) {
  if (!words.empty() && table_.empty()) table_.assign((std::size_t{1} << kWordBits) * 2 / 64, 0);
  constexpr std::size_t ahead = 16;  // the table is 16 MB: overlap the cache misses
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + ahead < words.size()) __builtin_prefetch(&table_[(words[i + ahead] >> (64 - kWordBits)) >> 5], 1, 0);
    const auto bucket = static_cast<std::uint32_t>(words[i] >> (64 - kWordBits));
    std::uint64_t& cell = table_[bucket >> 5];
    const int shift = (bucket & 31) * 2;
    const auto state = static_cast<unsigned>((cell >> shift) & 3);
    if (state == 0) firsts_.push_back(bucket);
    if (state < 2) cell += std::uint64_t{1} << shift;
  }
  ends_.push_back(firsts_.size());
}

std::vector<std::uint32_t> WordCounts::hapaxes() {
  std::vector<std::uint32_t> out(ends_.size(), 0);
  std::size_t begin = 0;
  for (std::size_t d = 0; d < ends_.size(); ++d) {
    for (std::size_t i = begin; i < ends_[d]; ++i) {
      const std::uint32_t bucket = firsts_[i];
      out[d] += ((table_[bucket >> 5] >> ((bucket & 31) * 2)) & 3) == 1;
    }
    begin = ends_[d];
  }
  std::vector<std::uint64_t>().swap(table_);
  std::vector<std::uint32_t>().swap(firsts_);
  std::vector<std::uint64_t>().swap(ends_);
  return out;
}

}  // namespace winnow::detail
