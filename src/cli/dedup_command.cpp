// `winnow dedup`: clean every input, then group near-duplicates.
//
// The command only wires the pieces, like `winnow extract`: the flags, the
// reader, the dedup line (winnow/dedup.hpp, src/dedup_line.cpp: extraction,
// shingling, the engine, the --emit writers) and the output sink. What is
// the CLI's own: `--emit unique --format json|tsv|text` writes the kept
// documents' cleaned records instead of their ids, so pass one parks every
// formatted record in a spill file on disk (spill_file.hpp) and pass two
// copies out the kept ones, and the texts are never all in memory; and an
// interrupted run writes no verdicts.
#include <fmt/format.h>

#include "commands.hpp"
#include "corpus_run.hpp"
#include "output_sink.hpp"
#include "spill_file.hpp"
#include "winnow/dedup.hpp"
#include "winnow/pipeline.hpp"
#include "winnow/record_format.hpp"

namespace winnow::cli {

KeepPolicy keep_policy(const std::string& name) {
  if (name == "longest") return KeepPolicy::Longest;
  if (name == "first") return KeepPolicy::First;
  if (name == "newest") return KeepPolicy::Newest;
  return KeepPolicy::Original;
}

namespace {

const char* keep_policy_name(KeepPolicy policy) {
  switch (policy) {
    case KeepPolicy::Longest: return "longest";
    case KeepPolicy::First: return "first";
    case KeepPolicy::Newest: return "newest";
    case KeepPolicy::Original: break;
  }
  return "original";
}

struct DedupFlags {
  CorpusOptions corpus;
  DedupOptions dedup;
  std::string emit = "records";
  std::string keep = keep_policy_name(DedupOptions{}.keep);
  std::string format = "ids";
  std::vector<std::string> fields;
  bool explain = false;
  bool no_strip = false;
};


DedupEmit emit_form(const std::string& name) {
  if (name == "unique") return DedupEmit::Unique;
  if (name == "pairs") return DedupEmit::Pairs;
  if (name == "groups") return DedupEmit::Groups;
  return DedupEmit::Records;
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
  DedupLine line(flags.dedup);
  if (flags.explain) fmt::print(stderr, "{}", dedup_explanation(line));
  SpillFile spill;
  if (formatter) {
    std::string error;
    if (!spill.open(&error)) {
      say("winnow: {}\n", error);
      return kExitFatal;
    }
  }
  // With --format, pass one parks each formatted record (rendered on the
  // worker threads) in the spill file.
  DocumentRenderer render;
  if (formatter) render = [&](const Document& doc) { return formatter->format(doc); };
  line.read(*run->reader, *run->extractor, run->diagnostics, flags.corpus.jobs, render,
            [&](Document&, std::string& record) {
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
  DedupResult result = line.finish();
  auto write = [&](std::string_view text) { return out.write_line(text); };
  if (formatter) {  // pass two: the kept records, back from the spill file
    bool text = formatter->format() == RecordFormat::Text;
    if (spill.rewind() && (!formatter->has_header() || out.write_line(formatter->header())))
      write_kept_records(result, [&](std::string& record) { return spill.read(record); }, text, write);
    if (!spill.error().empty()) {
      say("winnow: {}\n", spill.error());
      return kExitFatal;
    }
  } else {
    write_dedup_report(result, emit_form(flags.emit), write);
  }
  return close_output(out, *run);  // Ctrl-C while writing: no half result in place
}

}  // namespace

void add_dedup_engine_options(CLI::App& app, DedupOptions& options, std::string& keep) {
  // Defaults in the help are the library's (DedupOptions), printed, not copied.
  const DedupOptions defaults;
  app.add_option("--jaccard", options.jaccard,
                 fmt::format("A pair is a duplicate when its resemblance reaches this [{}]", defaults.jaccard))
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--containment", options.containment,
                 fmt::format("... or when this share of the smaller document is in the larger [{}]",
                             defaults.containment))
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--shingle-size", options.shingles.k, fmt::format("Words per shingle [{}]", defaults.shingles.k))
      ->check(CLI::Range(1, 64));
  app.add_option("--num-perm", options.num_perm, fmt::format("MinHash signature length [{}]", defaults.num_perm))
      ->check(CLI::Range(16, 1024));
  app.add_option("--keep", keep,
                 fmt::format("Which member of a group is the original: original (never a \"... Read more\" excerpt; "
                             "the official source, then the one the others contain, then earliest date), longest, "
                             "first, newest [{}]",
                             keep_policy_name(defaults.keep)))
      ->check(CLI::IsMember({"original", "longest", "first", "newest"}));
}

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
  add_dedup_engine_options(app, flags->dedup, flags->keep);
  app.add_flag("--explain", flags->explain, "Print the shingle, MinHash and LSH parameters on stderr");
  app.add_flag("--no-strip", flags->no_strip,
               "Shingle the raw input instead of the cleaned article (shows why cleaning comes first)");
  auto staged = add_dedup_stage_commands(app, flags->corpus, flags->dedup, flags->keep, flags->emit, flags->format,
                                         flags->no_strip);
  return [flags, staged]() {
    if (auto code = staged()) return *code;
    return run_dedup(*flags);
  };
}

}  // namespace winnow::cli
