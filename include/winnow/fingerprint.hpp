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

// 64-bit hashes of the word k-shingles of normalise_for_shingling(text),
// sorted and unique. A text shorter than k words gives one shingle of all words.
std::vector<std::uint64_t> shingle_set(std::string_view text, const ShingleOptions& options = {});

class MinHasher {
 public:
  MinHasher(std::size_t num_perm, std::uint64_t seed);
  std::vector<std::uint32_t> sign(const std::vector<std::uint64_t>& shingles) const;
  std::size_t size() const { return num_perm_; }

 private:
  std::size_t num_perm_;
  std::uint64_t seed_;
};

double exact_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);
double exact_containment(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);
double estimated_jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

}  // namespace winnow
