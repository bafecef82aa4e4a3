// Exact verification of LSH candidates.
//
// Every candidate pair is scored on the stored shingle sets (template
// shingles removed): resemblance J = |A∩B| / |A∪B| and containment
// C = |A∩B| / min(|A|,|B|). A pair is a duplicate when J >= `jaccard` or
// C >= `containment`. Containment alone would make any short text a duplicate
// of a long one that quotes it; that is the intended reading for a corpus
// builder (a teaser or truncated copy carries nothing the full article does
// not), and the size-ratio cap of LSH (max_size_ratio) already keeps very
// lopsided pairs rare among candidates. Short texts are not special-cased:
// a one-sentence text is a duplicate of the article it was cut from.
//
// Cost: two Rice decodes and a linear merge, ~3-6 µs for two 600-shingle sets.
// Candidates are sorted by their first document, so each worker decodes the
// first document once per run of pairs sharing it.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "dedup_internal.hpp"

namespace winnow::detail {

DedupPair score_pair(std::size_t a, std::size_t b, std::size_t size_a, std::size_t size_b,
                     std::size_t inter, const DedupOptions& options) {
  DedupPair p;
  p.a = std::min(a, b);
  p.b = std::max(a, b);
  const std::size_t uni = size_a + size_b - inter;
  const std::size_t smaller = std::min(size_a, size_b);
  p.jaccard = uni ? static_cast<double>(inter) / static_cast<double>(uni) : 0.0;
  p.containment = smaller ? static_cast<double>(inter) / static_cast<double>(smaller) : 0.0;
  // A small tolerance so that 4/5 is not rejected at a threshold of 0.8.
  constexpr double eps = 1e-12;
  p.duplicate = uni > 0 && (p.jaccard + eps >= options.jaccard || p.containment + eps >= options.containment);
  return p;
}

std::vector<DedupPair> verify_candidates(const std::vector<std::uint64_t>& candidates,
                                         const EffectiveSets& sets, const DedupOptions& options) {
  std::vector<DedupPair> out(candidates.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, candidates.size(), 512),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      std::vector<std::uint32_t> first, second;
                      std::size_t loaded = SIZE_MAX;
                      for (std::size_t i = r.begin(); i != r.end(); ++i) {
                        const std::size_t a = candidates[i] >> 32, b = candidates[i] & 0xffffffffu;
                        if (a != loaded) { sets.load(a, first); loaded = a; }
                        sets.load(b, second);
                        out[i] = score_pair(a, b, first.size(), second.size(), intersect(first, second), options);
                      }
                    });
  return out;
}

}  // namespace winnow::detail
