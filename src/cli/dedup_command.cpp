// `winnow dedup`: clean every input, then group near-duplicates.
//
// Two phases: extraction streams through the pipeline and keeps, per record,
// only its id and its shingle set (never the text); then the engine verifies
// candidates and clusters, and the verdicts are written in input order.
// `--emit unique --format json|tsv|text` writes the kept documents' cleaned
// records instead of their ids: pass one parks every formatted record in a
// spill file on disk (spill_file.hpp), pass two copies out the kept ones, so
// the texts are never all in memory.
#include <fmt/format.h>

#include <map>

#include "commands.hpp"
#include "corpus_run.hpp"
#include "output_sink.hpp"
#include "spill_file.hpp"
#include "winnow/dedup.hpp"
#include "winnow/output.hpp"
#include "winnow/pipeline.hpp"
#include "winnow/record_format.hpp"

namespace winnow::cli {
namespace {

struct DedupFlags {
  CorpusOptions corpus;
  DedupOptions dedup;
  std::string emit = "records";
  std::string keep = "original";
  std::string format = "ids";
  std::vector<std::string> fields;
  bool explain = false;
  bool no_strip = false;
};

KeepPolicy keep_policy(const std::string& name) {
  if (name == "longest") return KeepPolicy::Longest;
  if (name == "first") return KeepPolicy::First;
  if (name == "newest") return KeepPolicy::Newest;
  return KeepPolicy::Original;
}

int run_dedup(DedupFlags& flags) {
  flags.dedup.keep = keep_policy(flags.keep);
  std::optional<RecordFormatter> formatter;
  if (flags.format != "ids") {
    std::string error;
    if (flags.emit != "unique") {
      say("winnow: --format {} needs --emit unique\n", flags.format);
      return kExitUsage;
    }
    formatter = RecordFormatter::make(flags.format, flags.fields, &error);
    if (!formatter) {
      say("winnow: --fields: {}\n", error);
      return kExitUsage;
    }
  }
  ExtractOptions extract;
  extract.strip = !flags.no_strip;
  // Grouping needs the text, type and date only: speakers and figures are
  // read only when kept records are written with them.
  extract.metadata_parts = {formatter && formatter->writes("speakers"), formatter && formatter->writes("figures")};
  auto run = start_corpus_run(flags.corpus, extract);
  if (!run) return kExitUsage;
  run->writes_nothing_if_interrupted = true;
  OutputSink out(flags.corpus.output);
  if (!out.ok()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  Deduplicator engine(flags.dedup);
  if (flags.explain) {
    auto b = engine.banding();
    fmt::print(stderr,
               "winnow: dedup: {}-word shingles, {} MinHash values (one permutation, densified, seed {:#x})\n"
               "winnow: dedup: LSH tuned for Jaccard {:.3f} (the lowest a pair at containment {} can have when one "
               "document is up to {}x the other): {} bands x {} rows, P(candidate) = 1/2 at s = {:.3f}; "
               "weighted false positive area {:.4f}, false negative area {:.4f}\n"
               "winnow: dedup: a candidate is a duplicate when exact jaccard >= {} or containment >= {}; shingles in "
               "more than max({}, {} x N) documents are site template and ignored\n",
               flags.dedup.shingles.k, flags.dedup.num_perm, flags.dedup.seed, b.threshold, flags.dedup.containment,
               flags.dedup.max_size_ratio, b.bands, b.rows, b.half, b.fp, b.fn, flags.dedup.jaccard,
               flags.dedup.containment, flags.dedup.template_min_docs, flags.dedup.template_fraction);
  }
  SpillFile spill;
  if (formatter) {
    std::string error;
    if (!spill.open(&error)) {
      say("winnow: {}\n", error);
      return kExitFatal;
    }
  }
  std::vector<std::string> ids;
  // The spill record is formatted on the worker threads (render), not in the in-order sink.
  DocumentRenderer render;
  if (formatter) render = [&](const Document& doc) { return formatter->format(doc); };
  PipelineOptions pipeline;
  pipeline.jobs = flags.corpus.jobs;
  // Shingling is the costly part of fingerprinting: it runs on the workers.
  pipeline.after_extract = [&](Document& doc) { doc.shingles = shingle_set(doc.text, flags.dedup.shingles); };
  run_extraction(*run->reader, *run->extractor, run->diagnostics, pipeline, render,
                 [&](Document& doc, std::string& record) {
                   DedupItem item;
                   item.id = doc.id;
                   item.sequence = ids.size();
                   item.date = doc.metadata.date;
                   const SiteProfile* site = run->extractor->profiles().find(doc.profile);
                   item.official = site && site->official;
                   item.text_bytes = doc.text.size();
                   item.excerpt = looks_like_excerpt(doc.text);
                   item.shingles = std::move(doc.shingles);
                   ids.push_back(doc.id);
                   engine.add(std::move(item));
                   if (formatter && !spill.append(record)) return false;
                   run->record_written();
                   return true;
                 });
  run->finish();
  if (interrupted()) {  // verdicts on part of a corpus would mislead: write none
    out.abandon();
    return interrupted_exit_code();
  }
  if (!spill.error().empty()) {
    say("winnow: {}\n", spill.error());
    return kExitFatal;
  }
  DedupReport report = engine.finish();

  std::vector<std::string> group_names;
  for (std::size_t g = 0; g < report.groups.size(); ++g) group_names.push_back(fmt::format("g{}", g + 1));

  if (flags.emit == "records") {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const DedupRecord& r = report.records[i];
      const std::string* group = r.group ? &group_names[*r.group] : nullptr;
      if (!out.write_line(dedup_record_json({ids[i], r, ids[r.original], group}))) break;
    }
  } else if (flags.emit == "unique" && formatter) {
    std::string record;
    bool text = formatter->format() == RecordFormat::Text, first = true;
    bool ok = spill.rewind() && (!formatter->has_header() || out.write_line(formatter->header()));
    for (std::size_t i = 0; ok && i < ids.size() && spill.read(record); ++i) {
      if (!report.records[i].is_original) continue;
      if (text && !first && !out.write_line("")) break;
      first = false;
      if (!out.write_line(record)) break;
    }
    if (!spill.error().empty()) {
      say("winnow: {}\n", spill.error());
      return kExitFatal;
    }
  } else if (flags.emit == "unique") {
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (report.records[i].is_original && !out.write_line(ids[i])) break;
  } else if (flags.emit == "pairs") {
    for (auto& p : report.pairs)
      if (!out.write_line(dedup_pair_json(ids[p.a], ids[p.b], p))) break;
  } else if (flags.emit == "groups") {
    for (std::size_t g = 0; g < report.groups.size(); ++g) {
      std::vector<std::string> members;
      for (auto m : report.groups[g].members) members.push_back(ids[m]);
      if (!out.write_line(dedup_group_json(group_names[g], ids[report.groups[g].original], members))) break;
    }
  }
  return close_output(out, *run);  // Ctrl-C while writing: no half result in place
}

}  // namespace

Runner add_dedup_command(CLI::App& app) {
  auto flags = std::make_shared<DedupFlags>();
  add_corpus_options(app, flags->corpus);
  app.add_option("--emit", flags->emit,
                 "records: every input with its group and scores; unique: ids of the inputs to keep; "
                 "pairs: every verified candidate pair; groups: one line per group [default: records]")
      ->check(CLI::IsMember({"records", "unique", "pairs", "groups"}));
  app.add_option("-f,--format", flags->format,
                 "With --emit unique: ids (the ids of the kept inputs), or json, tsv, text: their cleaned records "
                 "as extract writes them (second pass through a spill file in $TMPDIR) [default: ids]")
      ->check(CLI::IsMember({"ids", "json", "tsv", "text"}));
  app.add_option("--fields", flags->fields, "With --format json or tsv: the fields to write, comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--jaccard", flags->dedup.jaccard, "A pair is a duplicate when its resemblance reaches this [0.8]")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--containment", flags->dedup.containment,
                 "... or when this share of the smaller document is in the larger [0.8]")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--shingle-size", flags->dedup.shingles.k, "Words per shingle [5]")->check(CLI::Range(1, 64));
  app.add_option("--num-perm", flags->dedup.num_perm, "MinHash signature length [128]")->check(CLI::Range(16, 1024));
  app.add_option("--keep", flags->keep,
                 "Which member of a group is the original: original (never a \"... Read more\" excerpt; the "
                 "official source, then the one the others contain, then earliest date), longest, first, "
                 "newest [original]")
      ->check(CLI::IsMember({"original", "longest", "first", "newest"}));
  app.add_flag("--explain", flags->explain, "Print the shingle, MinHash and LSH parameters on stderr");
  app.add_flag("--no-strip", flags->no_strip,
               "Shingle the raw input instead of the cleaned article (shows why cleaning comes first)");
  return [flags]() { return run_dedup(*flags); };
}

}  // namespace winnow::cli
