// LSH banding: from signatures to candidate pairs, and the choice of bands x rows.
//
// A signature of num_perm values is cut into b bands of r rows; two documents
// become a candidate pair when all r values of at least one band agree. Each
// position agrees with probability s (their Jaccard), so
//
//     P(candidate | s) = 1 - (1 - s^r)^b,
//
// an S-curve rising around (1/b)^(1/r). We pick b x r <= num_perm minimising
//     fp_weight * ∫_0^t P(s) ds + fn_weight * ∫_t^1 (1 - P(s)) ds
// for the target threshold t (the area of false candidates below t and of
// missed pairs above it), integrated here with Simpson's rule on 256 intervals
// and exhaustive search over b and r, as datasketch's _optimal_param does.
//
// Which t? Verification accepts a pair when its Jaccard reaches `jaccard` OR
// its containment |A∩B| / min(|A|,|B|) reaches `containment`. A blog repost
// that adds a paragraph and a comment footer to a press release has high
// containment but a Jaccard that falls with the size ratio: with |B| = ρ|A|
// and |A∩B| = c|A|, J = c / (1 + ρ - c). Banding at t = jaccard would miss
// nearly all such pairs. We band at t = min(jaccard, c / (1 + ρ - c)) with ρ
// = max_size_ratio (3 by default; see DedupOptions for why not 2): 0.8 / 3.2
// = 0.25. For the defaults (num_perm 128, weights 1/2 and 1/2) the search
// gives b = 42 bands of r = 3 rows (126 of the 128 values used; P = 1/2 at
// s = 0.254). P(candidate) at
//     s   = 0.1    0.2    0.3    0.4    0.5     0.6     0.7     0.8, 0.9
//     P   = 0.041  0.286  0.683  0.938  0.9963  0.99996 1-2e-8  1.0000
// (tests/unit/dedup/test_lsh.cpp checks measured rates on random pairs against
// this curve). A repost at containment 0.9 and size ratio 1.67 (J ≈ 0.51) is
// found with P ≈ 0.997; a pair exactly at containment 0.8 and ratio 3 (J =
// 0.25) with P ≈ 0.48: beyond the size-ratio cap recall degrades quickly.
// With a cap of 2 the banding would be 32 x 4, P = 0.87 at s = 0.5.
//
// The cost of a low t: documents that share 30-40% of shingles become
// candidates (P 0.68-0.94) and are verified exactly, which costs two set
// decodes and a merge (a few µs) per pair; unrelated documents (s < 0.05)
// rarely collide (P < 0.005). Measured on the 10k benchmark: 4,094
// candidates for 3,570 duplicate pairs (cap 2: 3,574 for 3,460). Memory: one
// 32-bit key per band per document (168 B per document), not the signature.
//
// Candidate generation sorts (key, doc) per band instead of filling hash
// tables: 8 bytes per document per band in flight, bands in parallel. Each
// worker's pair list is sorted and deduplicated whenever it has grown by
// 2^20 pairs and half, so a pair found in many bands is held about once.
#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "dedup_internal.hpp"

namespace winnow {

double candidate_probability(double s, std::size_t bands, std::size_t rows) {
  return 1.0 - std::pow(1.0 - std::pow(s, static_cast<double>(rows)), static_cast<double>(bands));
}

namespace {
template <class F>
double simpson(F f, double a, double b) {
  constexpr int n = 256;
  if (b <= a) return 0;
  const double h = (b - a) / n;
  double sum = f(a) + f(b);
  for (int i = 1; i < n; ++i) sum += f(a + i * h) * (i % 2 ? 4 : 2);
  return sum * h / 3;
}
}  // namespace

Deduplicator::Banding choose_banding(std::size_t num_perm, double threshold, double fp_weight,
                                     double fn_weight) {
  Deduplicator::Banding best;
  double best_cost = 1e300;
  for (std::size_t b = 1; b <= num_perm; ++b) {
    for (std::size_t r = 1; b * r <= num_perm; ++r) {
      const double fp = simpson([&](double s) { return candidate_probability(s, b, r); }, 0, threshold);
      const double fn = simpson([&](double s) { return 1 - candidate_probability(s, b, r); }, threshold, 1);
      const double cost = fp_weight * fp + fn_weight * fn;
      if (cost < best_cost) {
        best_cost = cost;
        best.bands = b;
        best.rows = r;
        best.fp = fp;
        best.fn = fn;
      }
    }
  }
  best.threshold = threshold;
  best.half = std::pow(1.0 - std::pow(0.5, 1.0 / static_cast<double>(best.bands)),
                       1.0 / static_cast<double>(best.rows));
  return best;
}

double lsh_threshold(const DedupOptions& o) {
  if (o.lsh_threshold > 0) return o.lsh_threshold;
  const double c = o.containment;
  const double rho = std::max(1.0, o.max_size_ratio);
  return std::min(o.jaccard, c / (1 + rho - c));
}

namespace detail {
namespace {
void compact(std::vector<std::uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
}  // namespace

std::vector<std::uint64_t> lsh_candidates(const std::vector<std::uint32_t>& keys, std::size_t bands,
                                          std::size_t n, const std::vector<std::uint8_t>& skip,
                                          std::size_t max_bucket) {
  tbb::combinable<std::vector<std::uint64_t>> found;
  tbb::parallel_for(std::size_t{0}, bands, [&](std::size_t band) {
    std::vector<std::uint64_t> entries;
    entries.reserve(n);
    const std::uint32_t* k = keys.data() + band * n;
    for (std::size_t d = 0; d < n; ++d)
      if (!skip[d]) entries.push_back(static_cast<std::uint64_t>(k[d]) << 32 | d);
    std::sort(entries.begin(), entries.end());
    auto& out = found.local();
    for (std::size_t i = 0; i < entries.size();) {
      std::size_t j = i + 1;
      while (j < entries.size() && (entries[j] >> 32) == (entries[i] >> 32)) ++j;
      // Within a run documents are in increasing order, so (x, y) has x < y.
      // Past max_bucket members, a member pairs with the first max_bucket only.
      const std::size_t heads = std::min(j, i + max_bucket);
      for (std::size_t x = i; x < heads; ++x)
        for (std::size_t y = x + 1; y < j; ++y)
          out.push_back((entries[x] & 0xffffffffu) << 32 | (entries[y] & 0xffffffffu));
      i = j;
    }
    // A near-identical pair is found in most of the 42 bands: without this
    // the buffers held each duplicate pair ~40 times (~110 MB at 1M
    // documents, twice over when concatenated), the peak of finish().
    if (out.size() > (std::size_t{1} << 20) + out.capacity() / 2) compact(out);
  });
  std::vector<std::vector<std::uint64_t>*> parts;
  std::size_t total = 0;
  found.combine_each([&](std::vector<std::uint64_t>& v) {
    compact(v);
    total += v.size();
    parts.push_back(&v);
  });
  std::vector<std::uint64_t> all;
  all.reserve(total);
  for (auto* v : parts) {
    const auto mid = static_cast<std::ptrdiff_t>(all.size());
    all.insert(all.end(), v->begin(), v->end());
    std::vector<std::uint64_t>().swap(*v);
    std::inplace_merge(all.begin(), all.begin() + mid, all.end());
  }
  all.erase(std::unique(all.begin(), all.end()), all.end());
  all.shrink_to_fit();
  return all;
}

}  // namespace detail
}  // namespace winnow
