// Compact shingle sets for exact verification.
//
// Verification needs every document's whole shingle set until the end of
// finish(), because any two documents may become a candidate pair. As 64-bit
// hashes that is 4.8 KB per 600-word article, 4.8 GB for a million. Two
// reductions bring it to about 1 KB:
//
// 1. Fingerprints, not hashes. We keep the top 22 bits of each shingle hash.
//    Global uniqueness is not needed: a fingerprint only has to tell one
//    document's shingles from another's when the two are compared. Two sets of
//    600 and 1,000 shingles share 600·1000 / 2^22 ≈ 0.14 spurious matches on
//    average, i.e. 0.0002 of containment; inside one set, 600^2 / 2^23 ≈ 0.04
//    shingles merge. Both are far below the 0.8 thresholds' resolution. The
//    truncation keeps the sort order of the hashes, so no sort is needed.
//    (24 bits until the 1M benchmark needed the memory: each bit less saves
//    one bit per stored shingle, ~100 MB per million 800-word documents; the
//    bound is document frequency, counted on the same fingerprints, see
//    src/dedup/dedup.cpp.)
// 2. Rice coding of the gaps. n sorted values in [0, 2^22) have gaps of mean
//    2^22/n; a Rice code with parameter k ≈ log2(mean gap · ln 2) spends k + ~2
//    bits per value: 14.8 bits for n = 600, 13.6 for n = 815 (measured on the
//    benchmark: see bench/dedup/README.md), against 32 for a plain u32 array.
//
// The trade-off: a decode (a few ns per shingle) before each comparison, and
// fingerprints instead of hashes, so the stored sets cannot be compared with
// another run's unless they use the same truncation (they would: it is fixed).
// Bottom-k sketches would be smaller still but make verification an estimate;
// we keep it exact.
//
// The same coding, as one self-contained blob per document (encode_blob:
// the Rice parameter and the count in front, ~1.05 KB on the index
// benchmark), is what the nightly index stores (src/index/), so a document
// indexed months ago is verified exactly like one of tonight's. Its decoder
// checks every bound: a blob read from disk may be damaged, and must give
// an error, never a read past its end.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "dedup_internal.hpp"

namespace winnow::detail {
namespace {
constexpr std::size_t kChunk = std::size_t{64} << 20;
constexpr std::size_t kPad = 8;  // the decoder reads 8 bytes at a time

int rice_parameter(std::size_t n) {
  if (n == 0) return 0;
  const double mean_gap = static_cast<double>(kFingerprintSpace) / static_cast<double>(n);
  int k = static_cast<int>(std::floor(std::log2(std::max(1.0, mean_gap * 0.69))));
  return std::clamp(k, 0, kFingerprintBits);
}
}  // namespace

namespace {
// Rice-codes n sorted unique values with parameter k into `words`, LSB-first
// (unary quotient: q zeros, then a one; then the k low bits of the gap).
// Returns the number of bits written.
std::size_t rice_encode(const std::uint32_t* fps, std::size_t n, int k, std::vector<std::uint64_t>& words) {
  words.assign(1, 0);
  std::size_t bit = 0;
  auto put = [&](std::uint64_t value, int width) {
    while (width > 0) {
      const int room = 64 - static_cast<int>(bit & 63);
      const int w = std::min(width, room);
      const std::uint64_t part = w == 64 ? value : (value & ((std::uint64_t{1} << w) - 1));
      words.back() |= part << (bit & 63);
      bit += static_cast<std::size_t>(w);
      if ((bit & 63) == 0) words.push_back(0);
      value = w == 64 ? 0 : value >> w;
      width -= w;
    }
  };
  std::uint32_t prev = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t gap = fps[i] - prev;  // first value is its own gap
    prev = fps[i] + 1;
    std::uint32_t q = gap >> k;
    while (q >= 32) { put(0, 32); q -= 32; }
    // Quotient and remainder in one write: q zeros, a one, the k low bits
    // (at most 31 + 1 + kFingerprintBits bits).
    const std::uint64_t low = k ? (gap & ((1u << k) - 1)) : 0;
    put((std::uint64_t{1} << q) | (low << (q + 1)), static_cast<int>(q) + 1 + k);
  }
  return bit;
}

// Decodes `count` values from `base`, which must be readable 8 bytes past
// bit `limit_bits`; false if the stream runs past limit_bits or a value
// leaves the fingerprint space (a damaged blob).
bool rice_decode(const std::uint8_t* base, std::uint32_t count, int k, std::size_t limit_bits,
                 std::vector<std::uint32_t>& out) {
  out.resize(count);
  const std::uint32_t mask = k ? (1u << k) - 1 : 0;
  std::size_t bit = 0;
  auto window = [&]() {
    std::uint64_t w;
    std::memcpy(&w, base + (bit >> 3), 8);
    return w >> (bit & 7);  // at least 57 valid bits
  };
  std::uint32_t prev = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t q = 0;
    for (;;) {
      if (bit > limit_bits) return false;
      const std::uint64_t w = window() & ((std::uint64_t{1} << 56) - 1);
      if (w) {
        const int z = std::countr_zero(w);
        q += static_cast<std::uint32_t>(z);
        bit += static_cast<std::size_t>(z) + 1;
        break;
      }
      q += 56;
      bit += 56;
    }
    std::uint32_t low = 0;
    if (k) {
      low = static_cast<std::uint32_t>(window()) & mask;
      bit += static_cast<std::size_t>(k);
    }
    if (q >= (kFingerprintSpace >> k) + 1) return false;
    const std::uint64_t value = std::uint64_t{prev} + ((std::uint64_t{q} << k) | low);
    if (value >= kFingerprintSpace || bit > limit_bits) return false;
    out[i] = static_cast<std::uint32_t>(value);
    prev = static_cast<std::uint32_t>(value) + 1;
  }
  return true;
}
}  // namespace

void SetStore::append(const std::uint32_t* fps, std::size_t n) {
  Doc doc;
  doc.count = static_cast<std::uint32_t>(n);
  const int k = rice_parameter(n);
  doc.rice = static_cast<std::uint8_t>(k);
  const std::size_t bit = rice_encode(fps, n, k, scratch_);
  const std::size_t bytes = (bit + 7) / 8;
  if (chunks_.empty() || used_ + bytes + kPad > kChunk) {
    chunks_.push_back(std::make_unique<std::uint8_t[]>(std::max(kChunk, bytes + kPad)));
    used_ = 0;
  }
  doc.chunk = static_cast<std::uint32_t>(chunks_.size() - 1);
  doc.offset = static_cast<std::uint32_t>(used_);
  std::memcpy(chunks_.back().get() + used_, scratch_.data(), bytes);
  used_ += bytes;
  docs_.push_back(doc);
}

std::string encode_blob(const std::uint32_t* fps, std::size_t n) {
  const int k = rice_parameter(n);
  std::vector<std::uint64_t> words;
  const std::size_t bytes = (rice_encode(fps, n, k, words) + 7) / 8;
  std::string blob(5 + bytes, '\0');
  blob[0] = static_cast<char>(k);
  const auto count = static_cast<std::uint32_t>(n);
  for (int i = 0; i < 4; ++i) blob[1 + i] = static_cast<char>((count >> (8 * i)) & 0xff);
  std::memcpy(blob.data() + 5, words.data(), bytes);
  return blob;
}

bool decode_blob(std::string_view blob, std::vector<std::uint32_t>& out) {
  out.clear();
  if (blob.size() < 5) return false;
  const int k = static_cast<unsigned char>(blob[0]);
  std::uint32_t count = 0;
  for (int i = 0; i < 4; ++i) count |= std::uint32_t{static_cast<unsigned char>(blob[1 + i])} << (8 * i);
  if (k > kFingerprintBits || count > kFingerprintSpace) return false;
  // A copy with zero padding: the decoder reads 8 bytes at a time.
  thread_local std::vector<std::uint8_t> padded;
  const std::size_t bytes = blob.size() - 5;
  padded.assign(bytes + 2 * kPad, 0);
  std::memcpy(padded.data(), blob.data() + 5, bytes);
  return rice_decode(padded.data(), count, k, bytes * 8, out);
}

void fingerprints_of(std::vector<std::uint64_t>& shingles, std::vector<std::uint32_t>& fps) {
  fps.clear();
  fps.reserve(shingles.size());
  // Top bits of a sorted list stay sorted; only neighbours can coincide.
  if (!std::is_sorted(shingles.begin(), shingles.end())) std::sort(shingles.begin(), shingles.end());
  for (std::uint64_t h : shingles) {
    const auto fp = static_cast<std::uint32_t>(h >> (64 - kFingerprintBits));
    if (fps.empty() || fps.back() != fp) fps.push_back(fp);
  }
}

void SetStore::decode(std::size_t index, std::vector<std::uint32_t>& out) const {
  const Doc& doc = docs_[index];
  // The store wrote these bits itself: no bound to check but the chunk's.
  rice_decode(chunks_[doc.chunk].get() + doc.offset, doc.count, doc.rice, SIZE_MAX - 64, out);
}

std::size_t SetStore::bytes() const {
  return chunks_.size() * kChunk + docs_.capacity() * sizeof(Doc);
}

std::size_t intersect(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    const std::uint32_t x = a[i], y = b[j];
    n += x == y;
    i += x <= y;
    j += y <= x;
  }
  return n;
}

}  // namespace winnow::detail
