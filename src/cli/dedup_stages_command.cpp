// `winnow dedup shingle|templates|signature|buckets|cluster|filter` and
// `winnow dedup --stages DIR`: the staged dedup (winnow/dedup_stages.hpp)
// from the command line.
//
// The problem: one `winnow dedup` process holds every document's compact
// shingle set, about 1.8 GB per million documents; a corpus of tens of
// millions does not fit one machine, and a cluster user wants job arrays.
// The library does the stages; this file wires each one to flags, as a job
// array task runs it: the shard index defaults to SLURM_ARRAY_TASK_ID
// (--shard 8 means "task SLURM_ARRAY_TASK_ID of 8"), and every stage takes
// the engine's flags, which the first records in DIR/params and the others
// check. What is the CLI's own: the shingle stage cuts the inputs into
// shards (every task lists the files and checks the listing's hash in
// DIR/params, so a corpus changed mid-run is an error). A shard is a contiguous run of the files the local run would read,
// in its order (directories walked sorted, --glob and --files-from applied),
// so the staged documents are numbered as the local run numbers them and the
// answer is the same; a corpus in one big file is one shard's work (split it:
// `split -l`, as job-array users do). `--stages DIR` runs every stage in
// this process, in order, skipping what is done, and writes the --emit
// output the way `winnow dedup` would: for one machine whose corpus's sets
// exceed its memory, or to resume a staged run.
#include <fmt/format.h>
#include <xxhash.h>

#include <atomic>
#include <cstdio>
#include <fstream>

#include "commands.hpp"
#include "corpus_run.hpp"
#include "output_sink.hpp"
#include "winnow/dedup_stages.hpp"
#include "winnow/pipeline.hpp"

namespace winnow::cli {
namespace {

struct StageFlags {
  std::string dir;
  std::string shard;  // "I/N" or "N"
  std::size_t band = SIZE_MAX;
  std::size_t shards = 8;  // --stages
  std::uint64_t batch_shingles = 0;  // cluster
  CorpusOptions corpus;
  DedupOptions dedup;
  std::string keep = "original";
  std::string emit = "records";
  bool no_strip = false;
};

// What the shingle stage records besides the engine's options: what decides
// which records are read and how they are cleaned.
stages::Params corpus_params(const CorpusOptions& c, bool no_strip, std::size_t shards) {
  stages::Params p;
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (auto& s : v) out += (out.empty() ? "" : "\x1f") + s;
    return out;
  };
  p["shards"] = fmt::format("{}", shards);
  p["inputs"] = join(c.inputs);
  p["files_from"] = c.files_from;
  p["globs"] = join(c.globs);
  p["profiles"] = join(c.profile_files);
  p["input_format"] = c.input_format;
  p["jsonl_fields"] = c.jsonl.id + "\x1f" + c.jsonl.url + "\x1f" + c.jsonl.text;
  p["max_doc_bytes"] = fmt::format("{}", c.max_doc_bytes);
  p["time_budget_ms"] = fmt::format("{}", c.time_budget_ms);
  p["strip"] = no_strip ? "no" : "yes";
  return p;
}

void check_engine(const std::string& dir, DedupOptions& options, const std::string& keep, std::size_t shards = 0) {
  options.keep = keep_policy(keep);
  auto params = stages::engine_params(options);
  if (shards) params["shards"] = fmt::format("{}", shards);
  stages::record_or_check_params(dir, params);
}

// The files a run over `corpus` reads, in its order, unread.
std::vector<std::string> list_files(const CorpusOptions& corpus) {
  Diagnostics diagnostics{stderr};
  diagnostics.set_quiet(corpus.quiet);
  ReaderOptions options;
  options.globs = corpus.globs;
  options.files_from = corpus.files_from;
  options.defer_files = true;
  options.list_files_only = true;
  std::vector<std::string> inputs = corpus.inputs;
  if (inputs.empty() && corpus.files_from.empty())
    throw stages::StageError("staged runs read files or directories: name them (standard input cannot be cut into shards)");
  InputReader reader(inputs, options, diagnostics);
  std::vector<std::string> files;
  Document doc;
  while (reader.next(doc)) {
    if (!reader.deferred())
      throw stages::StageError(fmt::format("{}: not a regular file: staged runs cut files into shards", doc.id));
    files.push_back(doc.id);
  }
  if (diagnostics.fatal_count()) throw stages::StageError("a named input is missing or unreadable: nothing shingled");
  return files;
}

int run_shingle(StageFlags f, stages::Shard shard) {
  f.dedup.keep = keep_policy(f.keep);
  auto params = stages::engine_params(f.dedup);
  params.merge(corpus_params(f.corpus, f.no_strip, shard.count));
  // Every task cuts the same list: a corpus that changed between two tasks
  // (files added, removed, renamed) would number documents twice or never.
  const std::vector<std::string> files = list_files(f.corpus);
  std::string listing;
  for (auto& file : files) listing += file + '\n';
  params["files"] = fmt::format("{} files, xxh64 {:016x}", files.size(), XXH64(listing.data(), listing.size(), 0));
  stages::record_or_check_params(f.dir, params);
  if (stages::done(f.dir, "shingle", shard.index)) return kExitOk;
  const std::size_t from = files.size() * shard.index / shard.count, to = files.size() * (shard.index + 1) / shard.count;
  stages::ShardWriter writer(f.dir, shard, f.dedup);
  if (from == to) {  // more shards than files: an empty shard
    writer.commit();
    return kExitOk;
  }
  CorpusOptions mine = f.corpus;
  mine.inputs.assign(files.begin() + static_cast<std::ptrdiff_t>(from), files.begin() + static_cast<std::ptrdiff_t>(to));
  mine.globs.clear();
  mine.files_from.clear();
  ExtractOptions extract;
  extract.strip = !f.no_strip;
  extract.metadata_parts = {false, false};  // grouping needs the text, type and date only
  auto run = start_corpus_run(mine, extract);
  if (!run) return kExitUsage;
  PipelineOptions pipeline;
  pipeline.jobs = mine.jobs;
  const ShingleOptions shingles = f.dedup.shingles;
  pipeline.after_extract = [shingles](Document& doc) { doc.shingles = shingle_set(doc.text, shingles); };
  std::uint64_t sequence = 0;
  run_extraction(*run->reader, *run->extractor, run->diagnostics, pipeline, [&](Document& doc) {
    writer.add(dedup_item(doc, sequence++, run->extractor->profiles()));
    run->record_written();
    return true;
  });
  run->finish();
  if (interrupted()) return interrupted_exit_code();  // nothing committed: a re-run redoes the shard
  if (run->diagnostics.fatal_count()) return kExitFatal;
  writer.commit();
  return kExitOk;
}

// The --emit output of a finished staged run, as `winnow dedup` writes it.
int write_result(const StageFlags& f, std::size_t shards) {
  OutputSink out(f.corpus.output);
  if (!out.ok()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  auto write = [&](std::string_view line) { return out.write_line(line); };
  if (f.emit == "pairs" || f.emit == "groups") {
    stages::write_cluster_report(f.dir, f.emit == "pairs" ? DedupEmit::Pairs : DedupEmit::Groups, write);
  } else {
    const auto emit = f.emit == "unique" ? stages::FilterEmit::Unique : stages::FilterEmit::Records;
    for (std::size_t s = 0; s < shards; ++s) {
      std::ifstream in(stages::filter_output(f.dir, s, emit), std::ios::binary);
      std::string line;
      while (std::getline(in, line))
        if (!write(line)) break;
    }
  }
  if (!out.commit()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  return kExitOk;
}

int run_all_stages(StageFlags f) {
  const std::size_t n = f.shards;
  for (std::size_t s = 0; s < n; ++s)
    if (int code = run_shingle(f, {s, n}); code != kExitOk) return code;
  check_engine(f.dir, f.dedup, f.keep, n);
  stages::templates_stage(f.dir, f.dedup);
  for (std::size_t s = 0; s < n; ++s) stages::signature_stage(f.dir, {s, n}, f.dedup);
  for (std::size_t b = 0; b < stages::band_count(f.dedup); ++b) stages::buckets_stage(f.dir, b, f.dedup);
  stages::cluster_stage(f.dir, f.dedup);
  if (f.emit == "records" || f.emit == "unique")
    for (std::size_t s = 0; s < n; ++s)
      stages::filter_stage(f.dir, {s, n}, f.emit == "unique" ? stages::FilterEmit::Unique : stages::FilterEmit::Records);
  return write_result(f, n);
}

std::size_t band_from(std::size_t flag) {
  if (flag != SIZE_MAX) return flag;
  const char* task = std::getenv("SLURM_ARRAY_TASK_ID");
  if (!task || !*task) throw stages::StageError("--band: not given and SLURM_ARRAY_TASK_ID is not set");
  return std::stoull(task);
}

CLI::App* stage_command(CLI::App& dedup, const char* name, const char* what, StageFlags& f) {
  auto* sub = dedup.add_subcommand(name, what);
  sub->add_option("--dir", f.dir, "The stage directory (on a file system every task sees)")->required();
  add_dedup_engine_options(*sub, f.dedup, f.keep);
  return sub;
}

}  // namespace

std::function<std::optional<int>()> add_dedup_stage_commands(CLI::App& dedup, CorpusOptions& corpus,
                                                             DedupOptions& options, std::string& keep,
                                                             std::string& emit, std::string& format, bool& no_strip) {
  auto all = std::make_shared<StageFlags>();
  dedup.add_option("--stages", all->dir,
                   "Run the staged dedup in this directory, every stage in turn, skipping finished work "
                   "(see STAGED RUNS in man winnow); the output is that of winnow dedup --basic-originals");
  dedup.add_option("--shards", all->shards, "With --stages: shards to cut the input files into [8]")
      ->check(CLI::Range(1, 1 << 20));
  const char* shard_help = "I/N: this task's shard of N; N alone takes I from SLURM_ARRAY_TASK_ID";

  auto shingle = std::make_shared<StageFlags>();
  auto* shingle_cmd = stage_command(dedup, "shingle", "Stage 1: clean one shard of the inputs, keep its shingles and count them", *shingle);
  shingle_cmd->add_option("--shard", shingle->shard, shard_help)->required();
  shingle_cmd->add_flag("--no-strip", shingle->no_strip, "As for winnow dedup");
  add_corpus_options(*shingle_cmd, shingle->corpus);

  auto templates = std::make_shared<StageFlags>();
  auto* templates_cmd = stage_command(dedup, "templates", "Stage 2: sum the shards' shingle counts: the site template shingles", *templates);

  auto signature = std::make_shared<StageFlags>();
  auto* signature_cmd = stage_command(dedup, "signature", "Stage 3: drop template shingles, MinHash one shard, write its band keys", *signature);
  signature_cmd->add_option("--shard", signature->shard, shard_help)->required();

  auto buckets = std::make_shared<StageFlags>();
  auto* buckets_cmd = stage_command(dedup, "buckets", "Stage 4: the candidate pairs of one LSH band", *buckets);
  buckets_cmd->add_option("--band", buckets->band, "The band (0 to bands-1; default SLURM_ARRAY_TASK_ID)");

  auto cluster = std::make_shared<StageFlags>();
  auto* cluster_cmd = stage_command(dedup, "cluster", "Stage 5: verify the candidates, group them, choose the originals", *cluster);
  cluster_cmd->add_option("--batch-shingles", cluster->batch_shingles,
                          "Shingle sets held at once while grouping, in shingles (the same verdicts whatever the "
                          "value) [the largest shard's]");

  auto filter = std::make_shared<StageFlags>();
  auto* filter_cmd = stage_command(dedup, "filter", "Stage 6: the verdicts (or kept ids) of one shard's records", *filter);
  filter_cmd->add_option("--shard", filter->shard, shard_help)->required();
  filter_cmd->add_option("--emit", filter->emit, "records or unique, as for winnow dedup [records]")
      ->check(CLI::IsMember({"records", "unique"}));

  return [=, &dedup, &corpus, &options, &keep, &emit, &format, &no_strip]() -> std::optional<int> {
    auto guarded = [](auto body) -> int {
      try {
        return body();
      } catch (const stages::StageError& e) {
        say("winnow: {}\n", e.what());
        return kExitFatal;
      }
    };
    if (shingle_cmd->parsed())
      return guarded([&] { return run_shingle(*shingle, stages::parse_shard(shingle->shard)); });
    if (templates_cmd->parsed()) return guarded([&] {
        check_engine(templates->dir, templates->dedup, templates->keep);
        stages::templates_stage(templates->dir, templates->dedup);
        return kExitOk;
      });
    if (signature_cmd->parsed()) return guarded([&] {
        const auto shard = stages::parse_shard(signature->shard);
        check_engine(signature->dir, signature->dedup, signature->keep, shard.count);
        stages::signature_stage(signature->dir, shard, signature->dedup);
        return kExitOk;
      });
    if (buckets_cmd->parsed()) return guarded([&] {
        check_engine(buckets->dir, buckets->dedup, buckets->keep);
        stages::buckets_stage(buckets->dir, band_from(buckets->band), buckets->dedup);
        return kExitOk;
      });
    if (cluster_cmd->parsed()) return guarded([&] {
        check_engine(cluster->dir, cluster->dedup, cluster->keep);
        stages::cluster_stage(cluster->dir, cluster->dedup, cluster->batch_shingles);
        return kExitOk;
      });
    if (filter_cmd->parsed()) return guarded([&] {
        const auto shard = stages::parse_shard(filter->shard);
        check_engine(filter->dir, filter->dedup, filter->keep, shard.count);
        stages::filter_stage(filter->dir, shard,
                             filter->emit == "unique" ? stages::FilterEmit::Unique : stages::FilterEmit::Records);
        return kExitOk;
      });
    if (all->dir.empty()) return std::nullopt;
    if (format != "ids") {
      say("winnow: --stages writes ids and verdicts: --format {} is not supported with it\n", format);
      return kExitUsage;
    }
    StageFlags f = *all;
    f.corpus = corpus;
    f.dedup = options;
    f.keep = keep;
    f.emit = emit;
    f.no_strip = no_strip;
    return guarded([&] { return run_all_stages(f); });
  };
}

}  // namespace winnow::cli
