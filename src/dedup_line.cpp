// The dedup line: the extraction line, shingling, the engine and the
// verdicts' outputs, in the order `winnow dedup` runs them.
//
// The problem: grouping near-duplicates needs every document seen before
// the first verdict, yet a corpus may be larger than memory. The method, in
// two phases: pass one streams the records through the ordered pipeline
// (pipeline.hpp); the worker that extracted a record also shingles it (the
// costly part of fingerprinting, linear in the text), and the in-order sink
// hands the engine only the id and the shingle set, never the text, so
// memory is about a kilobyte per document (the line keeps each record's id
// and its two URLs for the verdicts' lines: 120-240 bytes more a record). finish() then runs the engine
// (dedup/dedup.cpp: near-linear in the corpus, plus the verified candidate
// pairs). The writers turn the report into the --emit lines.
//
// Why in the library: the CLI, the tests, the benches and any later command
// (an index, staged runs) must run exactly this code, as the extraction line
// lives in extract.cpp rather than in `winnow extract`.
#include <fmt/format.h>

#include "winnow/dedup.hpp"
#include "winnow/output.hpp"

namespace winnow {

DedupItem dedup_item(Document& doc, std::uint64_t sequence, const ProfileSet& profiles) {
  DedupItem item;
  item.id = doc.id;
  item.url = doc.url;
  item.canonical_url = doc.canonical_url;
  item.sequence = sequence;
  item.date = doc.metadata.date;
  const SiteProfile* site = profiles.find(doc.profile);
  item.official = site && site->official;
  item.text_bytes = doc.text.size();
  item.excerpt = looks_like_excerpt(doc.text);
  item.shingles = std::move(doc.shingles);
  item.outline = std::move(doc.shingle_outline);
  return item;
}

std::string DedupResult::group_name(std::size_t g) const { return fmt::format("g{}", g + 1); }

DedupLine::DedupLine(DedupOptions options) : options_(options), engine_(options) {}

bool DedupLine::read(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics, std::size_t jobs,
                     const DocumentRenderer& render, const RenderedSink& on_record) {
  PipelineOptions pipeline;
  pipeline.jobs = jobs;
  // Shingling is the costly part of fingerprinting: it runs on the workers.
  pipeline.after_extract = [this](Document& doc) {
    // The outline only serves the text-evidence rules of the original's choice.
    doc.shingles = options_.text_evidence ? shingle_set(doc.text, options_.shingles, doc.shingle_outline)
                                          : shingle_set(doc.text, options_.shingles);
  };
  return run_extraction(reader, extractor, diagnostics, pipeline, render, [&](Document& doc, std::string& record) {
    std::uint64_t sequence = ids_.size();
    DedupItem item = dedup_item(doc, sequence, extractor.profiles());
    ids_.push_back(item.id);
    urls_.push_back(item.url);
    canonical_urls_.push_back(item.canonical_url);
    engine_.add(std::move(item));
    return !on_record || on_record(doc, record);
  });
}

DedupResult DedupLine::finish() {
  DedupResult result;
  result.report = engine_.finish();
  result.ids = std::move(ids_);
  result.urls = std::move(urls_);
  result.canonical_urls = std::move(canonical_urls_);
  return result;
}

bool write_dedup_report(const DedupResult& result, DedupEmit emit, const LineWriter& write) {
  const auto& ids = result.ids;
  const DedupReport& report = result.report;
  // A result built by hand may carry ids only.
  auto url = [&](std::size_t i) -> const std::string& {
    static const std::string none;
    return i < result.urls.size() ? result.urls[i] : none;
  };
  auto canonical_url = [&](std::size_t i) -> const std::string& {
    static const std::string none;
    return i < result.canonical_urls.size() ? result.canonical_urls[i] : none;
  };
  std::vector<std::string> group_names;
  for (std::size_t g = 0; g < report.groups.size(); ++g) group_names.push_back(result.group_name(g));
  switch (emit) {
    case DedupEmit::Records:
      for (std::size_t i = 0; i < ids.size(); ++i) {
        const DedupRecord& r = report.records[i];
        const std::string* group = r.group ? &group_names[*r.group] : nullptr;
        const char* reason = r.group ? original_reason_name(report.groups[*r.group].reason) : nullptr;
        if (!write(dedup_record_json({ids[i], r, ids[r.original], group, url(i), canonical_url(i), reason}))) return false;
      }
      return true;
    case DedupEmit::Unique:
      for (std::size_t i = 0; i < ids.size(); ++i)
        if (report.records[i].is_original && !write(ids[i])) return false;
      return true;
    case DedupEmit::Pairs:
      for (auto& p : report.pairs)
        if (!write(dedup_pair_json({ids[p.a], url(p.a)}, {ids[p.b], url(p.b)}, p))) return false;
      return true;
    case DedupEmit::Groups:
      for (std::size_t g = 0; g < report.groups.size(); ++g) {
        std::vector<std::string> members, member_urls;
        for (auto m : report.groups[g].members) members.push_back(ids[m]), member_urls.push_back(url(m));
        const std::size_t original = report.groups[g].original;
        if (!write(dedup_group_json(group_names[g], {ids[original], url(original)}, members, member_urls,
                                    original_reason_name(report.groups[g].reason))))
          return false;
      }
      return true;
  }
  return true;
}

bool write_kept_records(const DedupResult& result, const std::function<bool(std::string& record)>& next_record,
                        bool blank_line_between, const LineWriter& write) {
  std::string record;
  bool first = true;
  for (std::size_t i = 0; i < result.ids.size() && next_record(record); ++i) {
    if (!result.report.records[i].is_original) continue;
    if (blank_line_between && !first && !write("")) return false;
    first = false;
    if (!write(record)) return false;
  }
  return true;
}

std::string dedup_reasons_explained(const DedupResult& result) {
  std::string out;
  const DedupReport& report = result.report;
  for (std::size_t g = 0; g < report.groups.size(); ++g)
    out += fmt::format("winnow: dedup: {}: original {} ({}), {} members\n", result.group_name(g),
                       result.ids[report.groups[g].original], original_reason_name(report.groups[g].reason),
                       report.groups[g].members.size());
  return out;
}

std::string dedup_explanation(const DedupLine& line) {
  const DedupOptions& o = line.options();
  auto b = line.banding();
  return fmt::format(
      "winnow: dedup: {}-word shingles, {} MinHash values (one permutation, densified, seed {:#x})\n"
      "winnow: dedup: LSH tuned for Jaccard {:.3f} (the lowest a pair at containment {} can have when one "
      "document is up to {}x the other): {} bands x {} rows, P(candidate) = 1/2 at s = {:.3f}; "
      "weighted false positive area {:.4f}, false negative area {:.4f}\n"
      "winnow: dedup: a candidate is a duplicate when exact jaccard >= {} or containment >= {}; shingles in "
      "more than max({}, {} x N) documents are site template and ignored\n",
      o.shingles.k, o.num_perm, o.seed, b.threshold, o.containment, o.max_size_ratio, b.bands, b.rows, b.half, b.fp,
      b.fn, o.jaccard, o.containment, o.template_min_docs, o.template_fraction);
}

}  // namespace winnow
