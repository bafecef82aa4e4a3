// The per-shard stages of a staged dedup: shingle, templates, signature.
//
// The problem: the local engine (dedup.cpp) decides which shingles are site
// template from their document frequency over the WHOLE corpus, then signs
// each document without them. A shard sees only its own documents, so it
// cannot sign at once: the shingle stage counts, the templates stage sums
// the counts (as the local run's one table would hold them: the frequency of
// a fingerprint is a sum over documents, whatever the order), and only then
// does the signature stage drop the template shingles and sign. Every rule
// is the engine's, applied to the same 22-bit fingerprints in the same way:
// the bar max(template_min_docs, ceil(template_fraction * N)) with N the
// documents of all shards, the fallback below template_min_kept, the chrome
// bar at template_hard_factor times the bar, one-permutation MinHash with
// the options' seed, the band keys XXH3(rows, seed = band). So every band
// key, set size and fallback equals the local run's.
//
// Cost per shard: shingle is the extraction line (the cost of `winnow dedup`
// on the shard's files) plus a 16 MB count table; signature reads the
// shard's sets (~2 bytes per shingle) and writes them back without template
// shingles, plus 8 bytes per document per band. templates reads one sparse
// count file per shard (~5 bytes per distinct fingerprint seen) into one
// 16 MB table.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fmt/format.h>

#include "dedup_internal.hpp"
#include "stages_files.hpp"
#include "winnow/fingerprint.hpp"

namespace winnow::stages {

struct ShardWriter::Impl {
  std::string dir;
  Shard shard;
  std::string ids, info, sets;
  std::vector<std::uint32_t> counts = std::vector<std::uint32_t>(detail::kFingerprintSpace, 0);
  std::vector<std::uint32_t> fps;
  std::size_t documents = 0;
};

namespace {
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(v | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}
void put_text(std::string& out, const std::string& s) {
  put_varint(out, s.size());
  out += s;
}
void write_whole(const std::string& path, const std::string& bytes) {
  files::AtomicFile out(path);
  out.bytes(bytes.data(), bytes.size());
  out.commit();
}
}  // namespace

ShardWriter::ShardWriter(std::string dir, Shard shard, const DedupOptions&) : impl_(new Impl) {
  impl_->dir = std::move(dir);
  impl_->shard = shard;
}

ShardWriter::~ShardWriter() { delete impl_; }

void ShardWriter::add(DedupItem item) {
  // The fingerprints exactly as Deduplicator::add() keeps them: the top bits
  // of the sorted hashes, neighbours merged.
  auto& fps = impl_->fps;
  fps.clear();
  if (!std::is_sorted(item.shingles.begin(), item.shingles.end())) std::sort(item.shingles.begin(), item.shingles.end());
  for (std::uint64_t h : item.shingles) {
    const auto fp = static_cast<std::uint32_t>(h >> (64 - detail::kFingerprintBits));
    if (fps.empty() || fps.back() != fp) fps.push_back(fp);
  }
  for (std::uint32_t fp : fps) ++impl_->counts[fp];
  files::append_set(impl_->sets, fps.data(), fps.size());
  put_text(impl_->ids, item.id);
  put_text(impl_->info, item.date);
  impl_->info += static_cast<char>(item.official);
  impl_->info += static_cast<char>(item.excerpt);
  put_varint(impl_->info, item.text_bytes);
  ++impl_->documents;
}

void ShardWriter::commit() {
  const auto& d = impl_->dir;
  const std::size_t s = impl_->shard.index;
  std::string counts;  // sparse: gap to the previous fingerprint seen, count
  std::uint32_t prev = 0;
  for (std::uint32_t fp = 0; fp < detail::kFingerprintSpace; ++fp)
    if (impl_->counts[fp]) {
      put_varint(counts, fp - prev);
      put_varint(counts, impl_->counts[fp]);
      prev = fp;
    }
  write_whole(files::unit_path(d, "shingle", s, "ids"), impl_->ids);
  write_whole(files::unit_path(d, "shingle", s, "info"), impl_->info);
  write_whole(files::unit_path(d, "shingle", s, "sets"), impl_->sets);
  write_whole(files::unit_path(d, "shingle", s, "counts"), counts);
  files::mark_done(d, "shingle", s, fmt::format("{}", impl_->documents));
}

namespace {
struct TemplateBits {
  std::vector<std::uint64_t> templates, chrome;
  bool is_template(std::uint32_t fp) const { return (templates[fp >> 6] >> (fp & 63)) & 1; }
  bool is_chrome(std::uint32_t fp) const { return (chrome[fp >> 6] >> (fp & 63)) & 1; }
};

TemplateBits read_templates(const std::string& dir) {
  if (!done(dir, "templates", 0))
    throw StageError(fmt::format("{}: the templates stage has not run: run `winnow dedup templates` first", dir));
  files::Reader in(files::unit_path(dir, "templates", 0, "bits"));
  TemplateBits bits;
  bits.templates.resize(detail::kFingerprintSpace / 64);
  bits.chrome.resize(detail::kFingerprintSpace / 64);
  for (auto& w : bits.templates) w = in.u64();
  for (auto& w : bits.chrome) w = in.u64();
  return bits;
}
}  // namespace

void templates_stage(const std::string& dir, const DedupOptions& opt) {
  if (done(dir, "templates", 0)) return;
  const files::Layout layout = files::read_layout(dir);
  const std::size_t n = layout.first.back();
  std::vector<std::uint32_t> df(detail::kFingerprintSpace, 0);
  for (std::size_t s = 0; s < layout.shards(); ++s) {
    files::Reader in(files::unit_path(dir, "shingle", s, "counts"));
    std::uint64_t fp = 0;
    while (!in.at_end()) {
      fp += in.varint();
      const std::uint64_t count = in.varint();
      if (fp >= detail::kFingerprintSpace) throw StageError(fmt::format("{}: shard {}: bad counts file", dir, s));
      df[fp] += static_cast<std::uint32_t>(count);
    }
  }
  // The bars exactly as Deduplicator::finish_phases() computes them.
  const auto bar = static_cast<std::size_t>(std::max<double>(
      static_cast<double>(opt.template_min_docs), std::ceil(opt.template_fraction * static_cast<double>(n))));
  const auto hard = static_cast<std::size_t>(opt.template_hard_factor * static_cast<double>(bar));
  std::vector<std::uint64_t> templates(detail::kFingerprintSpace / 64, 0), chrome(detail::kFingerprintSpace / 64, 0);
  for (std::uint32_t fp = 0; fp < detail::kFingerprintSpace; ++fp) {
    if (df[fp] > bar) templates[fp >> 6] |= std::uint64_t{1} << (fp & 63);
    if (df[fp] > hard) chrome[fp >> 6] |= std::uint64_t{1} << (fp & 63);
  }
  files::AtomicFile out(files::unit_path(dir, "templates", 0, "bits"));
  out.bytes(templates.data(), templates.size() * 8);
  out.bytes(chrome.data(), chrome.size() * 8);
  out.commit();
  files::mark_done(dir, "templates", 0, fmt::format("{} documents, template bar {}", n, bar));
}

void signature_stage(const std::string& dir, Shard shard, const DedupOptions& opt) {
  if (done(dir, "signature", shard.index)) return;
  const files::Layout layout = files::read_layout(dir);
  const TemplateBits bits = read_templates(dir);
  const files::SetFile raw(files::unit_path(dir, "shingle", shard.index, "sets"));
  const std::size_t n = raw.documents();
  const std::uint64_t first = layout.first[shard.index];
  if (first + n != layout.first[shard.index + 1])
    throw StageError(fmt::format("{}: shard {}: its sets and its done-marker disagree on the documents", dir, shard.index));
  const auto banding = choose_banding(opt.num_perm, lsh_threshold(opt), opt.fp_weight, opt.fn_weight);
  const std::size_t bands = banding.bands, rows = banding.rows;

  // Per document: the effective set (encoded), the fallback flag, the size, the band keys.
  std::vector<std::string> encoded(n);
  std::vector<std::uint8_t> keep_all(n, 0), skip(n, 0);
  std::vector<std::uint32_t> sizes(n, 0), keys(bands * n);
  const MinHasher hasher(opt.num_perm, opt.seed);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 256), [&](const tbb::blocked_range<std::size_t>& r) {
    std::vector<std::uint32_t> set, kept;
    std::vector<std::uint64_t> wide;
    std::vector<std::uint32_t> sig(opt.num_perm);
    for (std::size_t d = r.begin(); d != r.end(); ++d) {
      raw.decode(d, set);
      wide.clear();
      for (std::uint32_t fp : set)
        if (!bits.is_template(fp)) wide.push_back(fp);
      if (static_cast<double>(wide.size()) < opt.template_min_kept * static_cast<double>(set.size())) {
        keep_all[d] = 1;
        wide.clear();
        for (std::uint32_t fp : set)
          if (!bits.is_chrome(fp)) wide.push_back(fp);
      }
      sizes[d] = static_cast<std::uint32_t>(wide.size());
      kept.assign(wide.begin(), wide.end());
      files::append_set(encoded[d], kept.data(), kept.size());
      if (wide.empty()) { skip[d] = 1; continue; }
      hasher.sign_raw_into(wide.data(), wide.size(), sig.data());
      hasher.densify(sig.data());
      for (std::size_t b = 0; b < bands; ++b)
        keys[b * n + d] = static_cast<std::uint32_t>(
            XXH3_64bits_withSeed(sig.data() + b * rows, rows * sizeof(std::uint32_t), b));
    }
  });
  tbb::parallel_for(std::size_t{0}, bands, [&](std::size_t b) {
    std::vector<std::uint64_t> entries;
    entries.reserve(n);
    for (std::size_t d = 0; d < n; ++d)
      if (!skip[d]) entries.push_back(static_cast<std::uint64_t>(keys[b * n + d]) << 32 | (first + d));
    std::sort(entries.begin(), entries.end());
    files::write_u64s(fmt::format("{}/signature/band-{:05}/{:05}.keys", dir, b, shard.index), entries);
  });
  std::string sets;
  for (auto& e : encoded) sets += e;
  write_whole(files::unit_path(dir, "signature", shard.index, "sets"), sets);
  files::AtomicFile meta(files::unit_path(dir, "signature", shard.index, "meta"));
  for (std::size_t d = 0; d < n; ++d) {
    meta.u8(keep_all[d]);
    meta.u32(sizes[d]);
  }
  meta.commit();
  files::mark_done(dir, "signature", shard.index, fmt::format("{}", n));
}

}  // namespace winnow::stages
