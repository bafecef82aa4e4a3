// Word k-shingles and exact set comparison.
//
// A shingle is k consecutive words of the normalised text; a document is the
// set of its shingles. Sets, not multisets: a repeated sentence does not make
// two documents more alike.
//
// Hashing. Each word is hashed once, with XXH3-64 over its normalised bytes,
// and a shingle's hash is a polynomial in its k word hashes,
//     H = mix64(w_1·P^(k-1) + w_2·P^(k-2) + ... + w_k)  (mod 2^64, P odd),
// finished by splitmix64's bijective mixer so that every output bit depends
// on every word. The previous design hashed each shingle's bytes (k words and
// their spaces, ~30 bytes) with XXH3 after a separate normalisation pass that
// wrote the text out with spaces, and a scan for the spaces: each byte was
// touched ~k + 2 times. Now normalisation writes words back to back and their
// ends (normalised_words() in normalise.cpp), each word's bytes are hashed
// once, and a shingle costs k multiply-adds. Two different windows collide
// only when the difference of their polynomials vanishes, probability 2^-64
// for independent word hashes; a word-hash collision (2^-64 per pair of
// distinct words) is the same order. The hash depends on nothing but the
// words: the same on every machine and in every run, usable as a persistent
// key -- but not equal to the hashes of the byte-hashing design, so sets and
// signatures from before this change must not be mixed with new ones (the
// signature blob's magic was bumped to WMH2 for that reason).
//
// k = 5 (the default) is the usual choice for near-duplicate detection of
// news-length texts: long enough that two unrelated articles share almost no
// shingles (only stock phrases), short enough that one changed word breaks
// only k shingles.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "winnow/fingerprint.hpp"

namespace winnow {
namespace {

// The hashes are uniform, so one counting pass on the top bits (about two
// values per bucket) and an insertion sort of each bucket sort them in
// expected linear time: 3-4x faster than std::sort for 600 values, and the
// sort was a third of shingling.
void sort_hashes(std::vector<std::uint64_t>& v) {
  const std::size_t n = v.size();
  if (n < 64) { std::sort(v.begin(), v.end()); return; }
  int bits = 1;
  while ((std::size_t{1} << (bits + 1)) <= n) ++bits;  // 2^bits in (n/2, n]
  const int shift = 64 - bits;
  // Scratch reused per thread: shingling runs once per document, and fresh
  // zeroed allocations were a tenth of its time.
  thread_local std::vector<std::uint32_t> start, fill;
  thread_local std::vector<std::uint64_t> out;
  start.assign((std::size_t{1} << bits) + 1, 0);
  for (std::uint64_t x : v) ++start[(x >> shift) + 1];
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  out.resize(n);
  fill.assign(start.begin(), start.end() - 1);
  for (std::uint64_t x : v) out[fill[x >> shift]++] = x;
  for (std::size_t b = 0; b + 1 < start.size(); ++b) {
    for (std::size_t i = start[b] + 1; i < start[b + 1]; ++i) {
      const std::uint64_t x = out[i];
      std::size_t j = i;
      while (j > start[b] && out[j - 1] > x) { out[j] = out[j - 1]; --j; }
      out[j] = x;
    }
  }
  std::copy(out.begin(), out.end(), v.begin());
}

}  // namespace

namespace {

constexpr std::uint64_t kPoly = 0x9e3779b97f4a7c15ULL;

inline std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Shingles of a list of word hashes, sorted and unique, into out; with an
// outline, the thinned shingles in text order first (ShingleOutline).
void shingles_of_words(const std::vector<std::uint64_t>& words, std::size_t k, std::vector<std::uint64_t>& out,
                       ShingleOutline* outline = nullptr) {
  out.clear();
  if (outline) {
    outline->hashes.clear();
    outline->positions.clear();
    outline->shingles = 0;
  }
  const std::size_t n = words.size();
  if (n == 0) return;
  if (n < k) {
    std::uint64_t h = 0;
    for (std::uint64_t w : words) h = h * kPoly + w;
    out.push_back(mix64(h));
    if (outline) {
      outline->shingles = 1;
      if ((out[0] & 3) == 0) { outline->hashes.push_back(out[0]); outline->positions.push_back(0); }
    }
    return;
  }
  out.resize(n - k + 1);
  if (k == 5) {  // the default, unrolled: five independent multiply-adds
    const std::uint64_t p2 = kPoly * kPoly, p3 = p2 * kPoly, p4 = p3 * kPoly;
    for (std::size_t i = 0; i + 5 <= n; ++i)
      out[i] = mix64(words[i] * p4 + words[i + 1] * p3 + words[i + 2] * p2 + words[i + 3] * kPoly + words[i + 4]);
  } else {
    for (std::size_t i = 0; i + k <= n; ++i) {
      std::uint64_t h = 0;
      for (std::size_t j = 0; j < k; ++j) h = h * kPoly + words[i + j];
      out[i] = mix64(h);
    }
  }
  if (outline) {
    outline->shingles = static_cast<std::uint32_t>(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
      if ((out[i] & 3) == 0) {
        outline->hashes.push_back(out[i]);
        outline->positions.push_back(static_cast<std::uint32_t>(i));
      }
  }
  sort_hashes(out);
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace

namespace {

std::vector<std::uint64_t> shingle_words(std::string_view text, const ShingleOptions& options,
                                         ShingleOutline* outline) {
  thread_local std::string buf;
  thread_local std::vector<std::uint32_t> ends;
  thread_local std::vector<std::uint64_t> words;
  const std::size_t count = normalised_words(text, buf, ends);
  words.resize(count);
  std::uint32_t begin = 0;
  for (std::size_t w = 0; w < count; ++w) {
    words[w] = XXH3_64bits(buf.data() + begin, ends[w] - begin);
    begin = ends[w];
  }
  std::vector<std::uint64_t> out;
  shingles_of_words(words, std::max<std::size_t>(1, options.k), out, outline);
  if (outline) outline->words.assign(words.begin(), words.end());
  // The buffers are sized by the largest text seen (ends: 4 bytes per input
  // byte); one 50 MB page must not pin 250 MB per thread for the whole run.
  if (ends.size() > (std::size_t{1} << 22)) {
    std::string().swap(buf);
    std::vector<std::uint32_t>().swap(ends);
    std::vector<std::uint64_t>().swap(words);
  }
  return out;
}

}  // namespace

std::vector<std::uint64_t> shingle_set(std::string_view text, const ShingleOptions& options) {
  return shingle_words(text, options, nullptr);
}

std::vector<std::uint64_t> shingle_set(std::string_view text, const ShingleOptions& options,
                                       ShingleOutline& outline) {
  return shingle_words(text, options, &outline);
}

std::vector<std::uint64_t> shingle_set_of_normalised(std::string_view normalised, const ShingleOptions& options) {
  std::vector<std::uint64_t> words;
  std::size_t b = 0;
  while (b < normalised.size()) {
    std::size_t e = normalised.find(' ', b);
    if (e == std::string_view::npos) e = normalised.size();
    if (e > b) words.push_back(XXH3_64bits(normalised.data() + b, e - b));
    b = e + 1;
  }
  std::vector<std::uint64_t> out;
  shingles_of_words(words, std::max<std::size_t>(1, options.k), out);
  return out;
}

std::size_t intersection_size(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++n; ++i; ++j; }
  }
  return n;
}

double exact_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  const std::size_t inter = intersection_size(a, b);
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

double exact_containment(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  const std::size_t smaller = std::min(a.size(), b.size());
  if (smaller == 0) return a.empty() && b.empty() ? 1.0 : 0.0;
  return static_cast<double>(intersection_size(a, b)) / static_cast<double>(smaller);
}

}  // namespace winnow
