// Near-duplicate detection: the engine and its phases.
//
// The problem. A corpus built from the web holds the same article many times:
// the press release on the publisher's site, a re-crawl of it after the menu
// changed, a blog repost that adds a commentary paragraph and a comment
// footer, an aggregator's truncated copy ending in "Read more", a mirror with
// typos and re-wrapped lines. We want to keep one copy (the original) and mark
// the others, without ever merging two different articles, and we want it
// fast enough that a million documents take minutes on two cores.
//
// Phases (one file each):
//   normalise.cpp    text -> words (NFKC, case fold, punctuation removed)
//   shingle.cpp      words -> set of 64-bit hashes of word 5-shingles
//   dedup.cpp        (here) add(): keep 22-bit fingerprints, Rice-coded
//                    (dedup_store.cpp); finish(): document frequencies and
//                    template suppression, signing, then the phases below
//   minhash.cpp      set -> 128 x 32-bit one-permutation MinHash signature
//   lsh.cpp          signatures -> candidate pairs (42 bands x 3 rows)
//   dedup_verify.cpp candidates -> exact Jaccard and containment
//   dedup_cluster.cpp verified pairs -> groups, chain guard, original choice
//   dedup_align.cpp  outlines (text order) -> how two copies differ
//   dedup_spelling.cpp word frequencies -> words no other text has
//
// Why verify at all. LSH is a filter with a soft edge: with the default
// banding pairs at Jaccard 0.3 become candidates 68% of the time, pairs at
// 0.1 4% of the time. Tools that call every candidate a duplicate
// (datatrove, text-dedup) inherit that softness as false merges; we compare the two stored shingle sets exactly
// and accept a pair when Jaccard >= `jaccard` (0.8) or containment >=
// `containment` (0.8). Containment is what catches reposts: a press release
// embedded in a longer blog post has containment near 1 and a Jaccard that
// can be anywhere from 0.5 up.
//
// Templates. Document frequency is counted over the whole corpus in finish()
// (it cannot be known earlier) on the 22-bit fingerprints, in a 2^22-entry
// table (16 MB, exact up to fingerprint collisions: at 10^6 documents of 815
// shingles an entry holds ~190 ± 14 unrelated occurrences, against a bar of
// 1,000, so only a shingle already near the bar can be pushed over it; and the
// ~12,000 template fingerprints cover 0.3% of the space, so 0.3% of an
// article's shingles are dropped with them, alike in every document). A fingerprint seen in more than max(template_min_docs = 50,
// template_fraction · N = 0.1% of N) documents is a template shingle: menus,
// legal footers, "Share this article", comment-form chrome. Template
// shingles are removed before signing and before scoring, so signatures and
// scores see the article only and two articles of one site cannot be merged
// through their shared chrome. The one casualty would be an article copied
// more often than the bar: all its shingles cross it. A document that would
// lose more than 90% of its shingles (template_min_kept) falls back: it keeps
// the shingles whose frequency is within template_hard_factor (4) times the
// bar, so such copies still match each other, but loses those far above it,
// which only the chrome of a large site reaches. The cost: a page that is
// almost all chrome of a site with fewer than 4x bar pages is compared with
// that chrome (on the 100k benchmark, one such pair of 22-word articles in
// 332-word pages was a false merge before the factor was introduced).
//
// Signatures are computed after filtering, in finish(), in parallel; they are
// reduced at once to one 32-bit key per band, and the signature is dropped.
//
// Memory per document: Rice-coded set (~1.4 KB at 800 words), the outline
// for the choice of original (~0.35 KB at 800 words, dedup_align.cpp), 168 B
// of band keys, ~100 B of scalars; plus the word-frequency table (16 MB, and
// 4 B per distinct word of the corpus, dedup_spelling.cpp), and, transiently,
// one 16 MB frequency table per counting range (at most 4), and the
// candidate and pair lists.
//
// What it costs. Time is linear in the corpus's words for shingling and
// signing (shingling dominates: tens of thousands of news articles a second
// per core, MinHash several times faster), plus the candidate pairs LSH
// yields, each verified by a merge of two sorted sets, linear in their
// sizes; clustering is near-linear in the verified pairs. Memory is of the
// order of a kilobyte or two per document (above), so a million documents
// fit in a couple of gigabytes. The measured figures (CPU seconds, rates,
// peak memory, pair precision and recall on planted reposts and hard
// negatives) and the commands that produce them are in bench/dedup/README.md
// and the README, written from a bench run.
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>

#include "dedup_internal.hpp"
#include "winnow/dedup.hpp"

namespace winnow {

using detail::DocInfo;
using detail::EffectiveSets;
using detail::SetStore;

struct Deduplicator::Impl {
  DedupOptions options;
  Banding banding;
  SetStore store;
  detail::OutlineStore outlines;
  detail::WordCounts words;
  std::vector<DocInfo> info;
  std::vector<std::uint32_t> scratch;
  // Frequencies counted over a larger corpus (an index), or null.
  const std::vector<std::uint32_t>* external_df = nullptr;
  std::size_t external_documents = 0;
};

namespace {
// Document frequency of every fingerprint. Counted in finish(), in parallel:
// the documents are cut into at most 4 contiguous ranges, each counted into
// its own table with plain increments (prefetched a few shingles ahead, as
// the sorted fingerprints of one document hit distinct cache lines), and the
// tables are summed. Two cheaper-looking designs measured worse: atomic
// increments on one table (3 s per 100k documents: a locked increment per
// shingle serialises the cache misses that prefetching overlaps), and
// counting inside add() (add() is the serial stage of a pipeline; it took
// half of the ingest time). Transient memory: 16 MB per range.
std::vector<std::uint32_t> document_frequencies(const detail::SetStore& store) {
  const std::size_t n = store.documents();
  const std::size_t parts = std::clamp<std::size_t>(
      static_cast<std::size_t>(tbb::this_task_arena::max_concurrency()), 1, 4);
  std::vector<std::vector<std::uint32_t>> tables(parts);
  tbb::parallel_for(std::size_t{0}, parts, [&](std::size_t p) {
    auto& df = tables[p];
    df.assign(detail::kFingerprintSpace, 0);
    std::vector<std::uint32_t> set;
    constexpr std::size_t ahead = 16;
    for (std::size_t d = n * p / parts; d < n * (p + 1) / parts; ++d) {
      store.decode(d, set);
      for (std::size_t i = 0; i < set.size(); ++i) {
        if (i + ahead < set.size()) __builtin_prefetch(&df[set[i + ahead]], 1, 0);
        ++df[set[i]];
      }
    }
  });
  for (std::size_t p = 1; p < parts; ++p) {
    for (std::size_t fp = 0; fp < detail::kFingerprintSpace; ++fp) tables[0][fp] += tables[p][fp];
    std::vector<std::uint32_t>().swap(tables[p]);
  }
  return std::move(tables[0]);
}
}  // namespace

Deduplicator::Deduplicator(DedupOptions options) : impl_(new Impl) {
  impl_->options = options;
  impl_->banding = choose_banding(options.num_perm, lsh_threshold(options), options.fp_weight,
                                  options.fn_weight);
}

Deduplicator::~Deduplicator() { delete impl_; }

Deduplicator::Banding Deduplicator::banding() const { return impl_->banding; }

void Deduplicator::add(DedupItem item) {
  detail::fingerprints_of(item.shingles, impl_->scratch);
  impl_->store.append(impl_->scratch.data(), impl_->scratch.size());
  push_info(std::move(item));
}

void Deduplicator::add_fingerprints(DedupItem item, const std::vector<std::uint32_t>& fingerprints) {
  impl_->store.append(fingerprints.data(), fingerprints.size());
  push_info(std::move(item));
}

// What the choice of the original reads besides the set: the text's outline
// (empty for a document an index re-adds: its alignment and spelling rules
// then cannot decide), the words' counts, the urls.
void Deduplicator::push_info(DedupItem item) {
  if (!impl_->options.text_evidence) item.outline = {};
  impl_->outlines.append(item.outline);
  impl_->words.add(item.outline.words);
  DocInfo info{item.sequence, std::move(item.date), item.official, item.text_bytes, item.excerpt};
  if (!item.url.empty()) info.url_hash = XXH3_64bits(item.url.data(), item.url.size()) | 1;
  if (!item.canonical_url.empty())
    info.canonical_hash = XXH3_64bits(item.canonical_url.data(), item.canonical_url.size()) | 1;
  impl_->info.push_back(std::move(info));
}

void Deduplicator::use_document_frequencies(const std::vector<std::uint32_t>* df, std::size_t corpus_documents) {
  impl_->external_df = df;
  impl_->external_documents = corpus_documents;
}

namespace detail {
TemplateBits template_bits_from(const std::vector<std::uint32_t>& df, std::size_t documents,
                                const DedupOptions& opt) {
  TemplateBits bits;
  bits.template_bits.assign(kFingerprintSpace / 64, 0);
  bits.chrome_bits.assign(kFingerprintSpace / 64, 0);
  bits.bar = static_cast<std::size_t>(std::max<double>(
      static_cast<double>(opt.template_min_docs), std::ceil(opt.template_fraction * static_cast<double>(documents))));
  const auto hard = static_cast<std::size_t>(opt.template_hard_factor * static_cast<double>(bits.bar));
  for (std::uint32_t fp = 0; fp < kFingerprintSpace; ++fp) {
    if (df[fp] > bits.bar) {
      bits.template_bits[fp >> 6] |= std::uint64_t{1} << (fp & 63);
      ++bits.count;
    }
    if (df[fp] > hard) bits.chrome_bits[fp >> 6] |= std::uint64_t{1} << (fp & 63);
  }
  return bits;
}

std::size_t band_keys(const std::vector<std::uint32_t>& set, const TemplateBits& bits, const MinHasher& hasher,
                      const DedupOptions& opt, std::size_t bands, std::size_t rows, std::uint32_t* keys,
                      std::size_t stride, bool* fallback, std::vector<std::uint64_t>& wide,
                      std::vector<std::uint32_t>& sig) {
  wide.clear();
  for (std::uint32_t fp : set)
    if (!bits.is_template(fp)) wide.push_back(fp);
  *fallback = false;
  if (static_cast<double>(wide.size()) < opt.template_min_kept * static_cast<double>(set.size())) {
    *fallback = true;
    wide.clear();
    for (std::uint32_t fp : set)
      if (!bits.is_chrome(fp)) wide.push_back(fp);
  }
  if (wide.empty()) return 0;
  sig.resize(opt.num_perm);
  hasher.sign_raw_into(wide.data(), wide.size(), sig.data());
  hasher.densify(sig.data());
  for (std::size_t b = 0; b < bands; ++b)
    keys[b * stride] = static_cast<std::uint32_t>(
        XXH3_64bits_withSeed(sig.data() + b * rows, rows * sizeof(std::uint32_t), b));
  return wide.size();
}
}  // namespace detail

void EffectiveSets::load(std::size_t doc, std::vector<std::uint32_t>& out) const {
  store_.decode(doc, out);
  if (keep_all_[doc])
    out.erase(std::remove_if(out.begin(), out.end(), [&](std::uint32_t fp) { return is_chrome(fp); }), out.end());
  else
    out.erase(std::remove_if(out.begin(), out.end(), [&](std::uint32_t fp) { return is_template(fp); }), out.end());
}

namespace {
double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

DedupReport Deduplicator::finish() {
  if (impl_->options.threads == 0) return finish_phases();
  tbb::global_control workers(  // as in pipeline.cpp: -j over the core count, without oneTBB's warning
      tbb::global_control::max_allowed_parallelism,
      std::max<std::size_t>(impl_->options.threads,
                            tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism)));
  tbb::task_arena arena(static_cast<int>(impl_->options.threads));
  return arena.execute([&] { return finish_phases(); });
}

DedupReport Deduplicator::finish_phases() {
  const DedupOptions& opt = impl_->options;
  const SetStore& store = impl_->store;
  const std::size_t n = store.documents();
  DedupReport report;
  report.stats.documents = n;
  report.stats.stored_bytes = store.bytes();

  // Document frequency of each fingerprint (the engine's own count, or an
  // index's over everything it holds), then the template bit sets.
  auto t0 = std::chrono::steady_clock::now();
  detail::TemplateBits bits;
  if (impl_->external_df) {
    bits = detail::template_bits_from(*impl_->external_df, impl_->external_documents, opt);
  } else {
    const std::vector<std::uint32_t> df = n ? document_frequencies(store) : std::vector<std::uint32_t>(detail::kFingerprintSpace, 0);
    bits = detail::template_bits_from(df, n, opt);
  }
  report.stats.template_threshold = bits.bar;
  report.stats.template_shingles = bits.count;
  report.stats.seconds_df = seconds_since(t0);

  // Filter, sign, and keep only the band keys.
  t0 = std::chrono::steady_clock::now();
  const std::size_t bands = impl_->banding.bands, rows = impl_->banding.rows;
  std::vector<std::uint32_t> keys(bands * n);
  std::vector<std::uint8_t> keep_all(n, 0), skip(n, 0);
  std::vector<std::uint32_t> sizes(n, 0);
  const MinHasher hasher(opt.num_perm, opt.seed);
  std::atomic<std::size_t> fallbacks{0};
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 256), [&](const tbb::blocked_range<std::size_t>& r) {
    std::vector<std::uint32_t> set;
    std::vector<std::uint64_t> wide;
    std::vector<std::uint32_t> sig;
    for (std::size_t d = r.begin(); d != r.end(); ++d) {
      store.decode(d, set);
      bool fallback = false;
      sizes[d] = static_cast<std::uint32_t>(
          detail::band_keys(set, bits, hasher, opt, bands, rows, keys.data() + d, n, &fallback, wide, sig));
      if (fallback) {
        keep_all[d] = 1;
        fallbacks.fetch_add(1, std::memory_order_relaxed);
      }
      if (!sizes[d]) skip[d] = 1;
    }
  });
  report.stats.template_fallbacks = fallbacks.load();
  report.stats.seconds_sign = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  std::vector<std::uint64_t> candidates = detail::lsh_candidates(keys, bands, n, skip, opt.max_bucket);
  std::vector<std::uint32_t>().swap(keys);
  report.stats.candidates = candidates.size();
  report.stats.seconds_lsh = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  const EffectiveSets sets(store, bits.template_bits, bits.chrome_bits, keep_all);
  report.pairs = detail::verify_candidates(candidates, sets, opt);
  std::vector<std::uint64_t>().swap(candidates);
  for (const auto& p : report.pairs) report.stats.duplicate_pairs += p.duplicate;
  report.stats.seconds_verify = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  const std::vector<std::uint32_t> hapaxes = impl_->words.hapaxes();
  for (std::size_t d = 0; d < n && d < hapaxes.size(); ++d) impl_->info[d].hapaxes = hapaxes[d];
  report.stats.outline_bytes = impl_->outlines.bytes();
  detail::cluster(report, sets, sizes, impl_->info, impl_->outlines, opt);
  report.stats.seconds_cluster = seconds_since(t0);
  return report;
}

}  // namespace winnow
