// LSH banding: the chosen parameters and the measured S-curve.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "winnow/dedup.hpp"

using namespace winnow;

TEST_CASE("default banding is tuned for the containment threshold") {
  DedupOptions o;
  CHECK(lsh_threshold(o) == doctest::Approx(0.8 / 3.2));  // ratio cap 3
  Deduplicator dd(o);
  auto b = dd.banding();
  CHECK(b.bands == 42);
  CHECK(b.rows == 3);
  CHECK(b.half == doctest::Approx(0.2539).epsilon(0.001));
  CHECK(candidate_probability(0.5, b.bands, b.rows) == doctest::Approx(0.99633).epsilon(0.0001));
  CHECK(candidate_probability(0.8, b.bands, b.rows) > 0.99999);
  o.max_size_ratio = 2;
  CHECK(lsh_threshold(o) == doctest::Approx(0.8 / 2.2));
  auto two = choose_banding(o.num_perm, lsh_threshold(o));
  CHECK(two.bands == 32);
  CHECK(two.rows == 4);
  o.lsh_threshold = 0.8;
  auto strict = choose_banding(o.num_perm, lsh_threshold(o));
  CHECK(strict.half > 0.7);  // a Jaccard-only setting bands much higher
}

TEST_CASE("measured candidate rates follow the S-curve 1-(1-s^r)^b") {
  std::mt19937_64 rng(5);
  const DedupOptions o;
  const auto band = choose_banding(o.num_perm, lsh_threshold(o));
  MinHasher h(o.num_perm, o.seed);
  for (double s : {0.1, 0.2, 0.25, 0.3, 0.4, 0.5}) {
    const int trials = 400;
    int hits = 0;
    for (int t = 0; t < trials; ++t) {
      // |A| = |B| = 500 with Jaccard s: common = 1000 s / (1 + s).
      const auto common = static_cast<std::size_t>(std::lround(1000 * s / (1 + s)));
      std::vector<std::uint64_t> a, b;
      for (std::size_t i = 0; i < common; ++i) { auto x = rng(); a.push_back(x); b.push_back(x); }
      while (a.size() < 500) a.push_back(rng());
      while (b.size() < 500) b.push_back(rng());
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      const auto sa = h.sign(a), sb = h.sign(b);
      bool hit = false;
      for (std::size_t k = 0; k < band.bands && !hit; ++k)
        hit = std::equal(sa.begin() + k * band.rows, sa.begin() + (k + 1) * band.rows, sb.begin() + k * band.rows);
      hits += hit;
    }
    const double sj = (1000 * s / (1 + s)) / (1000 - 1000 * s / (1 + s));
    const double p = candidate_probability(sj, band.bands, band.rows);
    const double rate = static_cast<double>(hits) / trials;
    INFO("s=" << s << " expected " << p << " measured " << rate);
    CHECK(std::abs(rate - p) < 4 * std::sqrt(p * (1 - p) / trials) + 0.02);
  }
}
