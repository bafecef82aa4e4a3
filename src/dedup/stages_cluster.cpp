// The global stages of a staged dedup: buckets, cluster, filter.
//
// buckets --band B. The engine's LSH (lsh.cpp) sorts (key, document) of one
// band and pairs the members of each run of equal keys, a member past the
// run's first max_bucket pairing with those first only. The signature stage
// wrote each shard's entries of band B sorted; their union sorted is the
// local run's list, because documents are numbered globally (shard I's first
// document follows shard I-1's last). So the runs, and the pairs, are the
// local run's. Memory: 8 bytes per document of the corpus for the one band,
// plus its pairs.
//
// cluster. The candidates are the union of the bands' pairs, sorted; each is
// verified exactly (score_pair on the effective sets, as dedup_verify.cpp
// does) without holding every set: the candidates are sorted by their first
// document, so those whose first document is in shard S form one run; the
// stage loads shard S's sets, then each later shard T that the run reaches,
// one at a time, and verifies the (S, T) pairs on all cores. Peak: two
// shards' sets. The verified pairs then go to the engine's own clustering
// (dedup_cluster.cpp: union-find over document numbers, the chain guard, the
// choice of originals) through an EffectiveSets whose store holds the sets of
// one batch of whole components (others are empty: clustering never reads
// them), at most about one shard's shingles a batch (cluster_in_batches), and
// whose template bits are empty (the sets on disk are already effective);
// the fallback flags and sizes are the signature stage's. Whatever changes
// in dedup_cluster.cpp thus applies to staged runs too. Memory besides: the
// candidates (8 bytes each), the pairs (40 bytes each), and ~200 bytes per
// document (verdicts twice, union-find, dates for the keep policy), so 10M
// documents need about 2-3 GB, not the corpus's sets. The cost of batches:
// each reads the shards' set files that hold its documents.
//
// Deterministic: every result is indexed by candidate or document, never
// by the order threads finish in.
//
// filter --shard I/N. Writes the verdict lines (or the kept ids) of shard I's
// documents exactly as `winnow dedup --emit records|unique` would, from the
// cluster stage's fixed-width verdicts, the shard's ids, and the ids of the
// groups' originals (one per group, in group order).
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <fmt/format.h>

#include "dedup_internal.hpp"
#include "stages_files.hpp"
#include "winnow/output.hpp"

namespace winnow::stages {

void buckets_stage(const std::string& dir, std::size_t band, const DedupOptions& opt) {
  const std::size_t bands = band_count(opt);
  if (band >= bands) throw StageError(fmt::format("--band {}: the banding has {} bands (0 to {})", band, bands, bands - 1));
  if (done(dir, "buckets", band)) return;
  const files::Layout layout = files::read_layout(dir);
  std::vector<std::uint64_t> entries;
  for (std::size_t s = 0; s < layout.shards(); ++s) {
    if (!done(dir, "signature", s))
      throw StageError(fmt::format("{}: shard {} has not been signed: run `winnow dedup signature --shard {}/{}` first",
                                   dir, s, s, layout.shards()));
    auto part = files::read_u64s(fmt::format("{}/signature/band-{:05}/{:05}.keys", dir, band, s));
    entries.insert(entries.end(), part.begin(), part.end());
  }
  tbb::parallel_sort(entries.begin(), entries.end());
  std::vector<std::uint64_t> pairs;
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    while (j < entries.size() && (entries[j] >> 32) == (entries[i] >> 32)) ++j;
    const std::size_t heads = std::min(j, i + opt.max_bucket);
    for (std::size_t x = i; x < heads; ++x)
      for (std::size_t y = x + 1; y < j; ++y)
        pairs.push_back((entries[x] & 0xffffffffu) << 32 | (entries[y] & 0xffffffffu));
    i = j;
  }
  tbb::parallel_sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  files::write_u64s(files::unit_path(dir, "buckets", band, "pairs"), pairs);
  files::mark_done(dir, "buckets", band, fmt::format("{}", pairs.size()));
}

namespace {
// The union of the bands' sorted pair lists.
std::vector<std::uint64_t> all_candidates(const std::string& dir, std::size_t bands) {
  std::vector<std::uint64_t> all, merged;
  for (std::size_t b = 0; b < bands; ++b) {
    if (!done(dir, "buckets", b))
      throw StageError(fmt::format("{}: band {} has no candidates yet: run `winnow dedup buckets --band {}` first", dir, b, b));
    const auto pairs = files::read_u64s(files::unit_path(dir, "buckets", b, "pairs"));
    merged.clear();
    merged.reserve(all.size() + pairs.size());
    std::set_union(all.begin(), all.end(), pairs.begin(), pairs.end(), std::back_inserter(merged));
    all.swap(merged);
  }
  return all;
}

// Exact scores of every candidate, two shards' sets in memory at a time.
std::vector<DedupPair> verify_by_shard(const std::string& dir, const files::Layout& layout,
                                       const std::vector<std::uint64_t>& candidates, const DedupOptions& opt) {
  std::vector<DedupPair> out(candidates.size());
  std::size_t begin = 0;
  for (std::size_t s = 0; s < layout.shards() && begin < candidates.size(); ++s) {
    std::size_t end = begin;
    while (end < candidates.size() && (candidates[end] >> 32) < layout.first[s + 1]) ++end;
    if (end == begin) continue;
    const files::SetFile first_sets(files::unit_path(dir, "signature", s, "sets"));
    // The run's pairs by the shard of their second document.
    std::vector<std::vector<std::size_t>> by_shard(layout.shards());
    for (std::size_t i = begin; i < end; ++i) by_shard[layout.shard_of(candidates[i] & 0xffffffffu)].push_back(i);
    for (std::size_t t = s; t < layout.shards(); ++t) {
      const auto& which = by_shard[t];
      if (which.empty()) continue;
      std::optional<files::SetFile> other;
      if (t != s) other.emplace(files::unit_path(dir, "signature", t, "sets"));
      const files::SetFile& second_sets = t == s ? first_sets : *other;
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, which.size(), 256), [&](const tbb::blocked_range<std::size_t>& r) {
        std::vector<std::uint32_t> a_set, b_set;
        std::uint64_t loaded = UINT64_MAX;
        for (std::size_t k = r.begin(); k != r.end(); ++k) {
          const std::size_t i = which[k];
          const std::uint64_t a = candidates[i] >> 32, b = candidates[i] & 0xffffffffu;
          if (a != loaded) { first_sets.decode(a - layout.first[s], a_set); loaded = a; }
          second_sets.decode(b - layout.first[t], b_set);
          out[i] = detail::score_pair(a, b, a_set.size(), b_set.size(), detail::intersect(a_set, b_set), opt);
        }
      });
    }
    begin = end;
  }
  return out;
}

// The engine's clustering (detail::cluster), one batch of components at a
// time. A component of the duplicate graph is resolved from its own members'
// pairs and sets only (the chain guard and the choice of original never look
// outside it), so components can be clustered apart: batches of whole
// components, in order of their first document, each holding at most about
// `budget` shingles (one shard's worth) of sets, decoded from the shards'
// files. The batches' groups are then ordered by first member and their
// records and pairs merged, which is what one call over everything gives.
void cluster_in_batches(const std::string& dir, const files::Layout& layout, DedupReport& report,
                        const std::vector<std::uint8_t>& keep_all, const std::vector<std::uint32_t>& sizes,
                        const std::vector<detail::DocInfo>& info, const DedupOptions& opt, std::uint64_t budget) {
  const std::size_t n = sizes.size();
  // The stages keep no outlines: originals are chosen without the text
  // evidence (DedupOptions::text_evidence false), as `winnow dedup
  // --basic-originals` does.
  detail::OutlineStore no_outlines;
  for (std::size_t d = 0; d < n; ++d) no_outlines.append(ShingleOutline{});
  std::vector<std::uint32_t> root(n);
  for (std::uint32_t d = 0; d < n; ++d) root[d] = d;
  auto find = [&](std::uint32_t x) {
    while (root[x] != x) x = root[x] = root[root[x]];
    return x;
  };
  std::vector<std::uint8_t> in_pair(n, 0);
  for (const auto& p : report.pairs)
    if (p.duplicate) {
      in_pair[p.a] = in_pair[p.b] = 1;
      const auto a = find(static_cast<std::uint32_t>(p.a)), b = find(static_cast<std::uint32_t>(p.b));
      if (a != b) root[std::max(a, b)] = std::min(a, b);
    }
  // Batch of each component, by its root (its first document), in document order.
  std::vector<std::uint32_t> batch_of(n, UINT32_MAX);
  std::vector<std::uint64_t> component_shingles(n, 0);
  for (std::uint32_t d = 0; d < n; ++d)
    if (in_pair[d]) component_shingles[find(d)] += sizes[d];
  std::uint32_t batches = 0;
  std::uint64_t held = 0;
  for (std::uint32_t d = 0; d < n; ++d) {
    if (!in_pair[d] || find(d) != d) continue;
    if (batches == 0 || (held > 0 && held + component_shingles[d] > budget)) {
      ++batches;
      held = 0;
    }
    batch_of[d] = batches - 1;
    held += component_shingles[d];
  }
  std::vector<DedupPair> pairs;  // the output's pairs: those between batches, then each batch's
  std::vector<std::vector<DedupPair>> batch_pairs(batches);
  for (auto& p : report.pairs) {
    const auto ba = in_pair[p.a] ? batch_of[find(static_cast<std::uint32_t>(p.a))] : UINT32_MAX;
    const auto bb = in_pair[p.b] ? batch_of[find(static_cast<std::uint32_t>(p.b))] : UINT32_MAX;
    (ba != UINT32_MAX && ba == bb ? batch_pairs[ba] : pairs).push_back(p);
  }
  std::vector<DedupPair>().swap(report.pairs);

  std::vector<DedupRecord> records(n);
  for (std::size_t d = 0; d < n; ++d) {
    records[d].original = d;
    records[d].shingles = sizes[d];
    records[d].template_fallback = keep_all[d] != 0;
  }
  std::vector<DedupGroup> groups;
  const std::vector<std::uint64_t> no_bits(detail::kFingerprintSpace / 64, 0);
  std::vector<std::uint32_t> set;
  for (std::uint32_t b = 0; b < batches; ++b) {
    detail::SetStore store;
    for (std::size_t s = 0; s < layout.shards(); ++s) {
      std::optional<files::SetFile> sets;
      for (std::uint64_t d = layout.first[s]; d < layout.first[s + 1]; ++d) {
        if (in_pair[d] && batch_of[find(static_cast<std::uint32_t>(d))] == b) {
          if (!sets) sets.emplace(files::unit_path(dir, "signature", s, "sets"));
          sets->decode(d - layout.first[s], set);
          store.append(set.data(), set.size());
        } else {
          store.append(nullptr, 0);
        }
      }
    }
    DedupReport part;
    part.pairs = std::move(batch_pairs[b]);
    const detail::EffectiveSets effective(store, no_bits, no_bits, keep_all);
    detail::cluster(part, effective, sizes, info, no_outlines, opt);
    const std::size_t offset = groups.size();
    for (auto& g : part.groups)
      for (std::size_t m : g.members) {
        records[m] = part.records[m];
        records[m].group = *records[m].group + offset;
      }
    for (auto& g : part.groups) groups.push_back(std::move(g));
    for (auto& p : part.pairs) pairs.push_back(p);
  }
  // One order for all: groups by first member, pairs by (a, b), as one call gives.
  std::vector<std::size_t> order(groups.size());
  for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
  std::sort(order.begin(), order.end(),
            [&](std::size_t x, std::size_t y) { return groups[x].members.front() < groups[y].members.front(); });
  std::vector<std::size_t> renamed(groups.size());
  for (std::size_t g = 0; g < order.size(); ++g) renamed[order[g]] = g;
  for (auto& r : records)
    if (r.group) r.group = renamed[*r.group];
  report.groups.clear();
  for (std::size_t g : order) report.groups.push_back(std::move(groups[g]));
  std::sort(pairs.begin(), pairs.end(),
            [](const DedupPair& x, const DedupPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  report.pairs = std::move(pairs);
  report.records = std::move(records);
}
}  // namespace

void cluster_stage(const std::string& dir, const DedupOptions& opt, std::uint64_t batch_shingles) {
  if (done(dir, "cluster", 0)) return;
  const files::Layout layout = files::read_layout(dir);
  const std::size_t n = layout.first.back();
  std::vector<std::uint64_t> candidates = all_candidates(dir, band_count(opt));

  DedupReport report;
  report.pairs = verify_by_shard(dir, layout, candidates, opt);
  std::vector<std::uint64_t>().swap(candidates);

  // Per-document facts clustering reads, for every document.
  std::vector<std::uint8_t> keep_all(n, 0);
  std::vector<std::uint32_t> sizes(n, 0);
  std::vector<detail::DocInfo> info(n);
  std::uint64_t largest_shard = 0;  // effective shingles of the largest shard: the batch budget
  for (std::size_t s = 0; s < layout.shards(); ++s) {
    files::Reader meta(files::unit_path(dir, "signature", s, "meta"));
    files::Reader facts(files::unit_path(dir, "shingle", s, "info"));
    std::uint64_t shingles = 0;
    for (std::uint64_t d = layout.first[s]; d < layout.first[s + 1]; ++d) {
      keep_all[d] = meta.u8();
      shingles += sizes[d] = meta.u32();
      auto& i = info[d];
      i.sequence = d;
      i.date = facts.text();
      i.official = facts.u8() != 0;
      i.excerpt = facts.u8() != 0;
      i.text_bytes = facts.varint();
    }
    largest_shard = std::max(largest_shard, shingles);
  }
  cluster_in_batches(dir, layout, report, keep_all, sizes, info, opt,
                     batch_shingles ? batch_shingles : std::max<std::uint64_t>(largest_shard, 1 << 20));

  // Verdicts, fixed width, in document order; the originals' ids, in group order.
  files::AtomicFile verdicts(files::unit_path(dir, "cluster", 0, "verdicts"));
  for (const auto& r : report.records) {
    verdicts.u32(r.group ? static_cast<std::uint32_t>(*r.group + 1) : 0);
    verdicts.u32(static_cast<std::uint32_t>(r.original));
    verdicts.u8(r.is_original);
    verdicts.u8(r.template_fallback);
    verdicts.u8(r.group ? static_cast<std::uint8_t>(report.groups[*r.group].reason) + 1 : 0);  // original_reason + 1
    verdicts.u8(0);
    verdicts.u32(static_cast<std::uint32_t>(r.shingles));
    verdicts.f64(r.jaccard);
    verdicts.f64(r.containment);
  }
  verdicts.commit();
  std::vector<std::uint32_t> original_group(n, 0);  // group + 1 of which d is the original
  for (std::size_t g = 0; g < report.groups.size(); ++g) original_group[report.groups[g].original] = static_cast<std::uint32_t>(g + 1);
  std::vector<std::string> originals(report.groups.size());
  for (std::size_t s = 0; s < layout.shards(); ++s) {
    files::Reader ids(files::unit_path(dir, "shingle", s, "ids"));
    for (std::uint64_t d = layout.first[s]; d < layout.first[s + 1]; ++d) {
      std::string id = ids.text();
      if (original_group[d]) originals[original_group[d] - 1] = std::move(id);
    }
  }
  files::AtomicFile names(files::unit_path(dir, "cluster", 0, "originals"));
  for (auto& id : originals) names.text(id);
  names.commit();
  files::AtomicFile pairs(files::unit_path(dir, "cluster", 0, "pairs"));
  for (const auto& p : report.pairs) {
    pairs.u32(static_cast<std::uint32_t>(p.a));
    pairs.u32(static_cast<std::uint32_t>(p.b));
    pairs.f64(p.jaccard);
    pairs.f64(p.containment);
    pairs.u8(p.duplicate);
  }
  pairs.commit();
  files::AtomicFile groups(files::unit_path(dir, "cluster", 0, "groups"));
  for (const auto& g : report.groups) {
    groups.varint(g.original);
    groups.u8(static_cast<std::uint8_t>(g.reason));
    groups.varint(g.members.size());
    for (auto m : g.members) groups.varint(m);
  }
  groups.commit();
  files::mark_done(dir, "cluster", 0, fmt::format("{} groups, {} verified pairs", report.groups.size(), report.pairs.size()));
}

namespace {
constexpr std::size_t kVerdictBytes = 32;

DedupRecord read_verdict(files::Reader& in, std::optional<std::size_t>& group, const char*& reason) {
  DedupRecord r;
  const std::uint32_t g = in.u32();
  group = g ? std::optional<std::size_t>(g - 1) : std::nullopt;
  r.group = group;
  r.original = in.u32();
  r.is_original = in.u8() != 0;
  r.template_fallback = in.u8() != 0;
  const std::uint8_t why = in.u8();
  reason = why ? original_reason_name(static_cast<OriginalReason>(why - 1)) : nullptr;
  in.u8();
  r.shingles = in.u32();
  r.jaccard = in.f64();
  r.containment = in.f64();
  return r;
}

const char* filter_stage_name(FilterEmit emit) { return emit == FilterEmit::Records ? "filter-records" : "filter-unique"; }
}  // namespace

std::string filter_output(const std::string& dir, std::size_t shard, FilterEmit emit) {
  return files::unit_path(dir, filter_stage_name(emit), shard, "out");
}

void filter_stage(const std::string& dir, Shard shard, FilterEmit emit) {
  const char* stage = filter_stage_name(emit);
  if (done(dir, stage, shard.index)) return;
  if (!done(dir, "cluster", 0))
    throw StageError(fmt::format("{}: the cluster stage has not finished: run `winnow dedup cluster` first", dir));
  const files::Layout layout = files::read_layout(dir);
  files::Reader verdicts(files::unit_path(dir, "cluster", 0, "verdicts"));
  files::Reader ids(files::unit_path(dir, "shingle", shard.index, "ids"));
  std::vector<std::string> originals;
  if (emit == FilterEmit::Records) {
    files::Reader names(files::unit_path(dir, "cluster", 0, "originals"));
    while (!names.at_end()) originals.push_back(names.text());
  }
  verdicts.seek(layout.first[shard.index] * kVerdictBytes);
  files::AtomicFile out(filter_output(dir, shard.index, emit));
  for (std::uint64_t d = layout.first[shard.index]; d < layout.first[shard.index + 1]; ++d) {
    std::optional<std::size_t> group;
    const char* reason = nullptr;
    const DedupRecord r = read_verdict(verdicts, group, reason);
    const std::string id = ids.text();
    std::string line;
    if (emit == FilterEmit::Unique) {
      if (!r.is_original) continue;
      line = id;
    } else {
      const std::string name = group ? fmt::format("g{}", *group + 1) : std::string();
      const std::string& original_id = group ? originals.at(*group) : id;
      // Staged inputs carry no urls (ids only): null, as for files.
      static const std::string kNone;
      line = dedup_record_json({id, r, original_id, group ? &name : nullptr, kNone, kNone, reason});
    }
    line += '\n';
    out.bytes(line.data(), line.size());
  }
  out.commit();
  files::mark_done(dir, stage, shard.index);
}

bool write_cluster_report(const std::string& dir, DedupEmit emit, const LineWriter& write) {
  if (!done(dir, "cluster", 0))
    throw StageError(fmt::format("{}: the cluster stage has not finished: run `winnow dedup cluster` first", dir));
  const files::Layout layout = files::read_layout(dir);
  std::vector<std::string> ids;
  ids.reserve(layout.first.back());
  for (std::size_t s = 0; s < layout.shards(); ++s) {
    files::Reader in(files::unit_path(dir, "shingle", s, "ids"));
    while (!in.at_end()) ids.push_back(in.text());
  }
  if (emit == DedupEmit::Pairs) {
    files::Reader in(files::unit_path(dir, "cluster", 0, "pairs"));
    while (!in.at_end()) {
      DedupPair p;
      p.a = in.u32();
      p.b = in.u32();
      p.jaccard = in.f64();
      p.containment = in.f64();
      p.duplicate = in.u8() != 0;
      static const std::string kNone;
      if (!write(dedup_pair_json({ids.at(p.a), kNone}, {ids.at(p.b), kNone}, p))) return false;
    }
    return true;
  }
  files::Reader in(files::unit_path(dir, "cluster", 0, "groups"));
  for (std::size_t g = 1; !in.at_end(); ++g) {
    const std::size_t original = in.varint();
    const auto reason = static_cast<OriginalReason>(in.u8());
    std::vector<std::string> members(in.varint());
    for (auto& m : members) m = ids.at(in.varint());
    static const std::string kNone;
    const std::vector<std::string> member_urls(members.size());
    if (!write(dedup_group_json(fmt::format("g{}", g), {ids.at(original), kNone}, members, member_urls,
                                original_reason_name(reason))))
      return false;
  }
  return true;
}

}  // namespace winnow::stages
