// MinHash signatures: one-permutation hashing with optimal densification.
//
// Classic MinHash applies num_perm independent hash functions to every
// shingle and keeps each function's minimum; the share of positions where two
// signatures agree estimates the Jaccard resemblance, because for a random
// permutation the minimum of A ∪ B lies in A ∩ B with probability |A∩B|/|A∪B|.
// That costs num_perm hash evaluations per shingle: 128 x 600 = 76,800 per
// news article, which is why datasketch signs ~1,500 such documents a second.
//
// One-permutation hashing (Li, Owen, Zhang 2012) evaluates one hash per
// shingle: its high bits choose one of num_perm bins, its low 32 bits are the
// value, and each bin keeps its minimum. Within a bin the argument above still
// holds, so a bin where both documents have shingles agrees with probability
// J. A bin can be empty (a 600-shingle document leaves about 128·e^-4.7 ≈ 1 of
// 128 bins empty); "optimal densification" (Shrivastava 2017) fills an empty
// bin j with the value of the first non-empty bin on a pseudo-random probe
// sequence that depends only on (j, attempt, seed). Two documents with the same
// emptiness pattern borrow from the same bins, which keeps P[agree] = J for
// every position, and the estimator's variance stays at or below that of
// num_perm independent permutations, J(1-J)/num_perm (tests/unit check it).
//
// The per-shingle hash is splitmix64's finaliser of (shingle ^ seed): a
// bijection of 64-bit words with full avalanche, so it acts as one random
// permutation of the shingle hashes. Signatures depend only on the shingle
// hashes, num_perm and the seed: identical across runs and machines (a golden
// value is tested). Cost: one multiply-xorshift and one compare per shingle,
// plus a densification pass; about 1 µs for 600 shingles.
//
// Raw (undensified) signatures are mergeable: the raw signature of A ∪ B is
// the element-wise minimum of the raw signatures of A and B, so shards signed
// separately combine exactly. Densify only after merging.
#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "winnow/fingerprint.hpp"

namespace winnow {
namespace {

inline std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

inline std::uint32_t fast_range(std::uint32_t x, std::uint32_t n) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(x) * n) >> 32);
}

}  // namespace

MinHasher::MinHasher(std::size_t num_perm, std::uint64_t seed) : num_perm_(num_perm), seed_(seed) {
  if (num_perm == 0 || num_perm > (1u << 16)) throw std::invalid_argument("MinHasher: num_perm out of range");
}

void MinHasher::sign_raw_into(const std::uint64_t* shingles, std::size_t n, std::uint32_t* out) const {
  std::fill(out, out + num_perm_, kEmpty);
  const std::uint64_t key = mix64(seed_ ^ 0x9e3779b97f4a7c15ULL);
  const auto bins = static_cast<std::uint32_t>(num_perm_);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = mix64(shingles[i] ^ key);
    const std::uint32_t bin = fast_range(static_cast<std::uint32_t>(h >> 32), bins);
    const auto v = static_cast<std::uint32_t>(h);
    // kEmpty is a legal value; a bin holding it reads as empty, which only
    // matters with probability 2^-32 per bin and then densifies consistently.
    if (v < out[bin]) out[bin] = v;
  }
}

void MinHasher::densify(std::uint32_t* sig) const {
  const auto bins = static_cast<std::uint32_t>(num_perm_);
  std::size_t filled = 0;
  for (std::uint32_t j = 0; j < bins; ++j) filled += sig[j] != kEmpty;
  if (filled == 0 || filled == bins) return;
  // Borrow from the raw values only, never from a bin filled in this pass:
  // otherwise the result would depend on the order bins are visited.
  std::vector<std::uint32_t> raw(sig, sig + bins);
  const std::uint64_t key = mix64(seed_ ^ 0xd1b54a32d192ed03ULL);
  for (std::uint32_t j = 0; j < bins; ++j) {
    if (raw[j] != kEmpty) continue;
    for (std::uint64_t attempt = 1;; ++attempt) {
      const std::uint64_t h = mix64(key ^ (static_cast<std::uint64_t>(j) << 32) ^ attempt);
      const std::uint32_t k = fast_range(static_cast<std::uint32_t>(h >> 32), bins);
      if (raw[k] != kEmpty) { sig[j] = raw[k]; break; }
    }
  }
}

std::vector<std::uint32_t> MinHasher::sign_raw(const std::vector<std::uint64_t>& shingles) const {
  std::vector<std::uint32_t> sig(num_perm_);
  sign_raw_into(shingles.data(), shingles.size(), sig.data());
  return sig;
}

std::vector<std::uint32_t> MinHasher::sign(const std::vector<std::uint64_t>& shingles) const {
  std::vector<std::uint32_t> sig = sign_raw(shingles);
  densify(sig.data());
  return sig;
}

void merge_raw(std::vector<std::uint32_t>& into, const std::vector<std::uint32_t>& other) {
  if (into.size() != other.size()) throw std::invalid_argument("merge_raw: signature lengths differ");
  for (std::size_t i = 0; i < into.size(); ++i) into[i] = std::min(into[i], other[i]);
}

double estimated_jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.size() != b.size() || a.empty()) return 0.0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

namespace {
void put_le(std::string& s, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t get_le(std::string_view s, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  return v;
}
}  // namespace

std::string encode_signature(const std::vector<std::uint32_t>& sig, std::uint64_t seed, bool densified) {
  std::string s = "WMH2";
  put_le(s, sig.size(), 4);
  put_le(s, seed, 8);
  put_le(s, densified ? 1 : 0, 4);
  for (std::uint32_t v : sig) put_le(s, v, 4);
  return s;
}

bool decode_signature(std::string_view blob, std::vector<std::uint32_t>& sig, std::uint64_t& seed,
                      bool& densified) {
  if (blob.size() < 20 || blob.substr(0, 4) != "WMH2") return false;
  const std::uint64_t n = get_le(blob, 4, 4);
  if (blob.size() != 20 + 4 * n) return false;
  seed = get_le(blob, 8, 8);
  densified = get_le(blob, 16, 1) != 0;
  sig.resize(n);
  for (std::size_t i = 0; i < n; ++i) sig[i] = static_cast<std::uint32_t>(get_le(blob, 20 + 4 * i, 4));
  return true;
}

}  // namespace winnow
