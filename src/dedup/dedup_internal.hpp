// Internal pieces of the near-duplicate engine shared by src/dedup*.cpp and
// src/dedup/lsh.cpp. Not installed; the public interface is winnow/dedup.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/dedup.hpp"

namespace winnow::detail {

// Shingle fingerprints kept per document: the top kFingerprintBits bits of the
// 64-bit shingle hash. See src/dedup/dedup_store.cpp for why 22 bits suffice.
constexpr int kFingerprintBits = 22;
constexpr std::uint32_t kFingerprintSpace = 1u << kFingerprintBits;

// Sorted unique fingerprints of every document, Rice-coded in 64 MiB chunks
// (no reallocation of one huge buffer, so no 2x peak while growing).
class SetStore {
 public:
  // `fps` sorted unique, each < kFingerprintSpace.
  void append(const std::uint32_t* fps, std::size_t n);
  // Decode document `doc` into `out` (cleared first).
  void decode(std::size_t doc, std::vector<std::uint32_t>& out) const;
  std::size_t size(std::size_t doc) const { return docs_[doc].count; }
  std::size_t documents() const { return docs_.size(); }
  std::size_t bytes() const;

 private:
  struct Doc {
    std::uint32_t chunk = 0, offset = 0;
    std::uint32_t count = 0;
    std::uint8_t rice = 0;
  };
  std::vector<std::unique_ptr<std::uint8_t[]>> chunks_;
  std::size_t used_ = 0;  // bytes used in the last chunk
  std::vector<Doc> docs_;
  std::vector<std::uint64_t> scratch_;
};

// LSH: every pair of documents sharing a band key in some band, as
// (a << 32 | b) with a < b, sorted and unique. keys[band * n + doc]; documents
// with skip[doc] set take part in no pair.
std::vector<std::uint64_t> lsh_candidates(const std::vector<std::uint32_t>& keys, std::size_t bands,
                                          std::size_t n, const std::vector<std::uint8_t>& skip,
                                          std::size_t max_bucket);

// |A ∩ B| of two sorted unique fingerprint lists.
std::size_t intersect(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

// One document's set as a self-contained blob, the SetStore's own coding
// (for the persistent index, src/index/): byte 0 the Rice parameter, bytes
// 1-4 the count (little endian), then the bit stream. decode_blob checks
// every bound, so a damaged blob gives false, never a read past its end.
std::string encode_blob(const std::uint32_t* fps, std::size_t n);
bool decode_blob(std::string_view blob, std::vector<std::uint32_t>& out);

// The sorted unique 22-bit fingerprints of a sorted or unsorted list of
// 64-bit shingle hashes (what Deduplicator::add keeps).
void fingerprints_of(std::vector<std::uint64_t>& shingles, std::vector<std::uint32_t>& out);

// The template and chrome bit sets (one bit per fingerprint) that finish()
// derives from document frequencies over `documents` documents.
struct TemplateBits {
  std::vector<std::uint64_t> template_bits, chrome_bits;
  std::size_t bar = 0, count = 0;
  bool is_template(std::uint32_t fp) const { return (template_bits[fp >> 6] >> (fp & 63)) & 1; }
  bool is_chrome(std::uint32_t fp) const { return (chrome_bits[fp >> 6] >> (fp & 63)) & 1; }
};
TemplateBits template_bits_from(const std::vector<std::uint32_t>& df, std::size_t documents,
                                const DedupOptions& options);

// A document's band keys as finish() computes them: template fingerprints
// removed (all but chrome when under template_min_kept of the set would be
// left), signed, one 32-bit key per band into keys[b * stride]. Returns the
// effective size (0: no keys written); *fallback tells whether the document
// kept its template fingerprints.
std::size_t band_keys(const std::vector<std::uint32_t>& set, const TemplateBits& bits, const MinHasher& hasher,
                      const DedupOptions& options, std::size_t bands, std::size_t rows, std::uint32_t* keys,
                      std::size_t stride, bool* fallback, std::vector<std::uint64_t>& wide,
                      std::vector<std::uint32_t>& sig);

}  // namespace winnow::detail

namespace winnow::detail {

// What finish() knows about one document besides its shingles.
struct DocInfo {
  std::uint64_t sequence = 0;
  std::string date;
  bool official = false;
  std::size_t text_bytes = 0;
  bool excerpt = false;
  std::uint64_t url_hash = 0;        // XXH3 of the url; 0 when unknown
  std::uint64_t canonical_hash = 0;  // XXH3 of canonical_url; 0 when none
  std::uint32_t hapaxes = 0;         // words no other document has (WordCounts)
};

// An outline anchor: a shingle's 22-bit fingerprint and its word position.
struct Anchor {
  std::uint32_t fp = 0, pos = 0;
};

// Every document's outline (src/dedup/dedup_align.cpp): thinned shingles in
// text order, 3-byte fingerprints and varint position gaps.
class OutlineStore {
 public:
  void append(const ShingleOutline& outline);
  // Anchors of `doc` in text order; sparse_only: only the 1-in-8 ones (what
  // two documents of which one is long have in common).
  void decode(std::size_t doc, bool sparse_only, std::vector<Anchor>& out) const;
  bool dense(std::size_t doc) const { return docs_[doc].dense; }
  std::uint32_t shingles(std::size_t doc) const { return docs_[doc].shingles; }
  std::size_t documents() const { return docs_.size(); }
  std::size_t bytes() const;

 private:
  struct Doc {
    std::vector<std::uint8_t> bytes;
    std::uint32_t shingles = 0;
    bool dense = false;
  };
  std::vector<Doc> docs_;
};

// How the smaller of two copies sits in the larger (dedup_align.cpp).
enum class Relation { Same, Truncation, AddedParagraphs, Selection, Unclear };
const char* relation_name(Relation r);
struct Alignment {
  Relation relation = Relation::Unclear;
  double matched = 0;  // share of the smaller's anchors in the chain
  std::uint32_t head = 0, tail = 0, interior = 0;  // words of the larger the smaller lacks
  std::uint32_t gaps = 0, gap_words = 0;           // interior gaps of a sentence or more
};
// Both outlines with template anchors removed, and the texts' shingle
// counts; `smaller` has fewer anchors.
Alignment align(const std::vector<Anchor>& smaller, std::uint32_t smaller_shingles, const std::vector<Anchor>& larger,
                std::uint32_t larger_shingles);

// Corpus word frequencies and each document's hapaxes (dedup_spelling.cpp).
class WordCounts {
 public:
  WordCounts();
  void add(const std::vector<std::uint64_t>& words);  // once per document, in add() order
  std::vector<std::uint32_t> hapaxes();                          // per document; frees the table

 private:
  std::vector<std::uint64_t> table_;  // 2-bit counters
  std::vector<std::uint32_t> firsts_;
  std::vector<std::uint64_t> ends_;
};

// A document's shingles as verification sees them: template fingerprints
// removed unless the document fell back to its full set.
class EffectiveSets {
 public:
  // template_bits: df above the bar; chrome_bits: df above template_hard_factor
  // times the bar, removed even from documents that fell back.
  EffectiveSets(const SetStore& store, const std::vector<std::uint64_t>& template_bits,
                const std::vector<std::uint64_t>& chrome_bits, const std::vector<std::uint8_t>& keep_all)
      : store_(store), template_bits_(template_bits), chrome_bits_(chrome_bits), keep_all_(keep_all) {}
  void load(std::size_t doc, std::vector<std::uint32_t>& out) const;
  bool keeps_all(std::size_t doc) const { return keep_all_[doc] != 0; }
  bool is_template(std::uint32_t fp) const { return (template_bits_[fp >> 6] >> (fp & 63)) & 1; }
  bool is_chrome(std::uint32_t fp) const { return (chrome_bits_[fp >> 6] >> (fp & 63)) & 1; }

 private:
  const SetStore& store_;
  const std::vector<std::uint64_t>& template_bits_;
  const std::vector<std::uint64_t>& chrome_bits_;
  const std::vector<std::uint8_t>& keep_all_;
};

// Exact scores of a pair from set sizes and intersection.
DedupPair score_pair(std::size_t a, std::size_t b, std::size_t size_a, std::size_t size_b,
                     std::size_t inter, const DedupOptions& options);

// Verify every candidate (a << 32 | b) exactly; result sorted like the input.
std::vector<DedupPair> verify_candidates(const std::vector<std::uint64_t>& candidates,
                                         const EffectiveSets& sets, const DedupOptions& options);

// Groups from verified pairs, with the chain guard and the keep policy.
// Fills report.records and report.groups, appends pairs verified against
// originals to report.pairs. sizes: effective set sizes.
void cluster(DedupReport& report, const EffectiveSets& sets, const std::vector<std::uint32_t>& sizes,
             const std::vector<DocInfo>& info, const OutlineStore& outlines, const DedupOptions& options);

}  // namespace winnow::detail
