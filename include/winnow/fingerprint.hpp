// Stage: turn a clean text into a set of shingle hashes and a MinHash signature.
//
//   auto shingles = winnow::shingle_set("The OSCE launched ...");     // sorted, unique
//   winnow::MinHasher hasher(128, seed);
//   std::vector<std::uint32_t> sig = hasher.sign(shingles);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace winnow {

struct ShingleOptions {
  std::size_t k = 5;  // words per shingle
};

// NFKC, case folding, punctuation and whitespace folded to single spaces.
std::string normalise_for_shingling(std::string_view text);
// The same into a reused buffer (its contents are replaced).
void normalise_for_shingling_into(std::string_view text, std::string& out);

// The words of normalise_for_shingling(text) without the spaces: returns
// their number W; their bytes are back to back in buf[0, ends[W-1]), word w
// ending at ends[w]. buf and ends only grow (reuse them across calls).
std::size_t normalised_words(std::string_view text, std::string& buf, std::vector<std::uint32_t>& ends);

// 64-bit hashes of the word k-shingles of normalise_for_shingling(text),
// sorted and unique. A text shorter than k words gives one shingle of all words.
// A shingle's hash is a function of its words' XXH3-64 hashes (see
// src/fingerprint/shingle.cpp), the same on every machine and in every run.
std::vector<std::uint64_t> shingle_set(std::string_view text, const ShingleOptions& options = {});

// What deciding which copy is the original needs besides the set (issue 19,
// src/dedup/dedup_align.cpp): the text's shingles in text order, thinned to
// those whose hash is 0 mod 4 (so two texts keep the same ones), each with
// its word position; the number of shingles; and the text's word hashes in
// text order (for the corpus's word frequencies: a misspelt word is one the
// corpus has only once).
struct ShingleOutline {
  std::vector<std::uint64_t> hashes;     // in text order
  std::vector<std::uint32_t> positions;  // word index of each, increasing
  std::uint32_t shingles = 0;            // shingle windows in the text
  std::vector<std::uint64_t> words;      // word hashes, in text order
};
// shingle_set(text) and, in one pass, its outline.
std::vector<std::uint64_t> shingle_set(std::string_view text, const ShingleOptions& options,
                                       ShingleOutline& outline);
// The same from an already normalised text (words separated by one space):
// the slow reference the tests hold shingle_set() to.
std::vector<std::uint64_t> shingle_set_of_normalised(std::string_view normalised,
                                                     const ShingleOptions& options = {});

// One-permutation MinHash with optimal densification (see src/fingerprint/minhash.cpp):
// one mix of each shingle hash picks a bin and a 32-bit value, each bin keeps
// its minimum, and empty bins borrow a filled bin's value along a probe
// sequence that depends only on (bin, seed), so two documents borrow alike.
class MinHasher {
 public:
  // Value of an empty bin in a raw signature.
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

  MinHasher(std::size_t num_perm, std::uint64_t seed);
  // Densified signature: what LSH and estimated_jaccard() use.
  std::vector<std::uint32_t> sign(const std::vector<std::uint64_t>& shingles) const;
  // Raw bin minima (kEmpty where no shingle fell). Raw signatures of two sets
  // merge into the raw signature of their union by element-wise minimum
  // (merge_raw), so Slurm shards can be combined; densify() afterwards.
  std::vector<std::uint32_t> sign_raw(const std::vector<std::uint64_t>& shingles) const;
  void sign_raw_into(const std::uint64_t* shingles, std::size_t n, std::uint32_t* out) const;
  void densify(std::uint32_t* sig) const;
  std::size_t size() const { return num_perm_; }
  std::uint64_t seed() const { return seed_; }

 private:
  std::size_t num_perm_;
  std::uint64_t seed_;
};

void merge_raw(std::vector<std::uint32_t>& into, const std::vector<std::uint32_t>& other);

// Stable byte layout of a signature, for SQLite blobs and files (little endian):
//   bytes 0-3   "WMH2"
//   bytes 4-7   num_perm (u32)
//   bytes 8-15  seed (u64)
//   byte  16    1 if densified, 0 if raw
//   bytes 17-19 zero
//   then num_perm x u32 bin values
// Signatures are only comparable when num_perm and seed agree; decode checks
// the magic and length and returns false on a malformed blob.
std::string encode_signature(const std::vector<std::uint32_t>& sig, std::uint64_t seed, bool densified);
bool decode_signature(std::string_view blob, std::vector<std::uint32_t>& sig, std::uint64_t& seed,
                      bool& densified);

// |A ∩ B| of two sorted unique sets.
std::size_t intersection_size(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);
double exact_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);
double exact_containment(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);
double estimated_jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

}  // namespace winnow
