// `winnow dedup`: clean every input, then group near-duplicates.
//
// The command only wires the pieces, like `winnow extract`: the flags, the
// reader, the dedup line (winnow/dedup.hpp, src/dedup_line.cpp: extraction,
// shingling, the engine, the --emit writers) and the output sink. What is
// the CLI's own: `--emit unique --format json|tsv|text` writes the kept
// documents' cleaned records instead of their ids, so pass one parks every
// formatted record in a spill file on disk (spill_file.hpp) and pass two
// copies out the kept ones, and the texts are never all in memory; an
// interrupted run writes no verdicts; and with --index FILE the nightly line
// (winnow/index.hpp) replaces the dedup line, its records written before
// the index commits (run_indexed_dedup).
#include <fmt/format.h>

#include "commands.hpp"
#include "corpus_run.hpp"
#include "output_sink.hpp"
#include "spill_file.hpp"
#include "winnow/dedup.hpp"
#include "winnow/index.hpp"
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
  bool null = false;  // --null: ids end with NUL
  bool basic_originals = false;  // --basic-originals: DedupOptions::text_evidence off
  // --index: the nightly run against everything seen before.
  std::string index;
  bool dry_run = false;
  double wait_seconds = IndexOpenOptions{}.wait_seconds;
  std::string night;
};


DedupEmit emit_form(const std::string& name) {
  if (name == "unique") return DedupEmit::Unique;
  if (name == "pairs") return DedupEmit::Pairs;
  if (name == "groups") return DedupEmit::Groups;
  return DedupEmit::Records;
}

// --format json|tsv|text (with --emit unique only): the formatter of the
// kept records; false, said, on a usage error.
bool make_formatter(const DedupFlags& flags, std::optional<RecordFormatter>& formatter) {
  if (flags.format == "ids") return true;
  if (flags.emit != "unique") {
    say("winnow: --format {} needs --emit unique\n", flags.format);
    return false;
  }
  std::string error;
  formatter = RecordFormatter::make(flags.format, flags.fields, &error);
  if (!formatter) say("winnow: --fields: {}\n", error);
  return formatter.has_value();
}

// `--index FILE`: tonight's inputs against the index, then into it (see
// winnow/index.hpp). The records are written before the index commits, so
// a run killed between the two left the index as it was and, run again,
// writes the same records; --dry-run never commits.
int run_indexed_dedup(DedupFlags& flags) {
  if (flags.emit != "records" && flags.emit != "unique") {
    say("winnow: --index writes --emit records or unique, not {}\n", flags.emit);
    return kExitUsage;
  }
  // --emit unique --format json|tsv|text: the kept documents' records, as
  // without --index, parked in a spill file during the reading.
  std::optional<RecordFormatter> formatter;
  if (!make_formatter(flags, formatter)) return kExitUsage;
  ExtractOptions extract;
  extract.strip = !flags.no_strip;
  extract.metadata_parts = {formatter && formatter->writes("speakers"), formatter && formatter->writes("figures")};
  SpillFile spill;
  if (formatter) {
    std::string error;
    if (!spill.open(&error)) {
      say("winnow: {}\n", error);
      return kExitFatal;
    }
  }
  DocumentRenderer render;
  if (formatter) render = [&](const Document& doc) { return formatter->format(doc); };
  auto run = start_corpus_run(flags.corpus, extract);
  if (!run) return kExitUsage;
  run->writes_nothing_if_interrupted = true;
  OutputSink out(flags.corpus.output);
  if (!out.ok()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  bool run_finished = false;
  try {
    IndexOpenOptions open;
    open.wait_seconds = flags.wait_seconds;
    DedupIndex index(flags.index, &flags.dedup, open);
    NightlyDedup night(index, flags.night.empty() ? utc_date_today() : flags.night);
    night.read(*run->reader, *run->extractor, run->diagnostics, flags.corpus.jobs, render,
               [&](Document&, std::string& record) {
                 if (formatter && !spill.append(record)) return false;
                 run->record_written();
                 return true;
               });
    run->finish();
    run_finished = true;
    if (interrupted() || run->diagnostics.fatal_count() > 0) return close_output(out, *run);  // index untouched
    if (!spill.error().empty()) {
      say("winnow: {}; the index is unchanged\n", spill.error());
      return kExitFatal;
    }
    const NightlyResult result = night.finish();
    if (formatter) {  // one spilled record per NightlyRecord, in the same order
      const bool text = formatter->format() == RecordFormat::Text;
      bool first = true;
      std::string record;
      if (spill.rewind() && (!formatter->has_header() || out.write_line(formatter->header())))
        for (const NightlyRecord& r : result.records) {
          if (!spill.read(record)) break;
          if (!r.keep()) continue;
          if ((text && !first && !out.write_line("")) || !out.write_line(record)) break;
          first = false;
        }
      if (!spill.error().empty()) {
        say("winnow: {}; the index is unchanged\n", spill.error());
        return kExitFatal;
      }
    } else {
      for (const NightlyRecord& r : result.records) {
        if (flags.emit == "unique" ? r.keep() && !out.write_line(r.id)
                                   : !out.write_line(nightly_record_json(r)))
          break;
      }
    }
    if (!out.commit()) {
      say("winnow: {}; the index is unchanged\n", out.error());
      return kExitFatal;
    }
    if (interrupted()) return close_output(out, *run);
    if (!flags.dry_run) night.commit();
    if (flags.corpus.stats) {
      const auto& st = result.stats;
      say("winnow: index: {{\"documents\":{},\"new\":{},\"copies\":{},\"repeats\":{},\"changed\":{},"
          "\"better_originals\":{},\"band_lookups\":{},\"indexed_candidates\":{},\"reclustered\":{},"
          "\"indexed_documents\":{},\"seconds_lookup\":{:.3f},\"seconds_engine\":{:.3f},"
          "\"seconds_write\":{:.3f},\"committed\":{}}}\n",
          st.documents, st.fresh, st.copies, st.repeats, st.changed, st.better_originals, st.band_lookups,
          st.indexed_candidates, st.reclustered, st.indexed_documents, st.seconds_lookup, st.seconds_engine,
          st.seconds_write, flags.dry_run ? "false" : "true");
    }
  } catch (const IndexError& e) {
    if (!run_finished) run->finish();
    out.abandon();
    say("winnow: {}\n", e.what());
    return e.exit_code();
  }
  return close_output(out, *run);
}

int run_dedup(DedupFlags& flags) {
  flags.dedup.keep = keep_policy(flags.keep);
  // The index keeps shingle sets, not outlines: it always chooses this way.
  flags.dedup.text_evidence = !flags.basic_originals && flags.index.empty();
  if (!flags.index.empty()) return run_indexed_dedup(flags);
  if (flags.dry_run) {
    say("winnow: --dry-run needs --index FILE\n");
    return kExitUsage;
  }
  std::optional<RecordFormatter> formatter;
  if (!make_formatter(flags, formatter)) return kExitUsage;
  // Flags that would be silently ignored are refused instead.
  if (!flags.fields.empty() && (!formatter || !formatter->takes_fields())) {
    say("winnow: --fields picks the fields of the kept records: it needs --emit unique with --format json, tsv or csv "
        "(here --emit {} --format {})\n",
        flags.emit, flags.format);
    return kExitUsage;
  }
  if (flags.null && (flags.emit != "unique" || formatter)) {
    say("winnow: --null ends the ids of --emit unique (--format ids) with NUL; it does not apply to --emit {} "
        "--format {}\n",
        flags.emit, flags.format);
    return kExitUsage;
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
  if (flags.null) out.set_terminator('\0');
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
    bool text = formatter->multiline();
    if (spill.rewind() && (!formatter->has_header() || out.write_line(formatter->header())))
      write_kept_records(result, [&](std::string& record) { return spill.read(record); }, text, write);
    if (!spill.error().empty()) {
      say("winnow: {}\n", spill.error());
      return kExitFatal;
    }
  } else {
    write_dedup_report(result, emit_form(flags.emit), write);
  }
  if (flags.explain) fmt::print(stderr, "{}", dedup_reasons_explained(result));
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
                             "then the official source; then by how the copies differ: the source of a truncated "
                             "copy or a selection, the text a repost adds paragraphs to, the copy without "
                             "misspellings; then earliest date), longest, first, newest [{}]",
                             keep_policy_name(defaults.keep)))
      ->check(CLI::IsMember({"original", "longest", "first", "newest"}));
}

Runner add_dedup_command(CLI::App& app) {
  auto flags = std::make_shared<DedupFlags>();
  add_corpus_options(app, flags->corpus);
  app.add_option("--emit", flags->emit,
                 "records: every input with its url, canonical_url, group and scores; unique: ids of the inputs to "
                 "keep; pairs: every verified candidate pair, with both urls; groups: one line per group, with the "
                 "members' urls [default: records]")
      ->check(CLI::IsMember({"records", "unique", "pairs", "groups"}));
  app.add_option("-f,--format", flags->format,
                 "With --emit unique: ids (the ids of the kept inputs), or json, tsv, csv, markdown, text: their "
                 "cleaned records as extract writes them (second pass through a spill file in $TMPDIR) [default: ids]")
      ->check(CLI::IsMember({"ids", "json", "tsv", "csv", "markdown", "text"}));
  app.add_option("--fields", flags->fields,
                 "With --emit unique --format json, tsv or csv: the fields to write, comma-separated (refused otherwise)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_flag("-0,--null", flags->null,
               "With --emit unique (ids): end each id with a NUL byte instead of a newline, for xargs -0 "
               "(ids are file names, which may hold spaces or newlines)");
  add_dedup_engine_options(app, flags->dedup, flags->keep);
  app.add_flag("--basic-originals", flags->basic_originals,
               "Choose originals without reading how the texts differ (no truncation, added-paragraphs, selection "
               "or spelling rules), as --index and the staged runs do: their answer from one local run");
  app.add_flag("--explain", flags->explain,
               "Print the shingle, MinHash and LSH parameters on stderr, and after the run each group's original "
               "and original_reason");
  app.add_option("--index", flags->index,
                 "Nightly runs: compare the inputs with each other and with every document in this SQLite index, "
                 "then add them (created if missing); records say new, copy, repeat or changed (man winnow, NIGHTLY RUNS)");
  app.add_flag("--dry-run", flags->dry_run, "With --index: report, but leave the index unchanged");
  app.add_option("--wait", flags->wait_seconds,
                 fmt::format("With --index: seconds to wait for another run holding the index, then exit 4 [{}]",
                             IndexOpenOptions{}.wait_seconds))
      ->check(CLI::Range(0.0, 86400.0));
  app.add_option("--night", flags->night,
                 "With --index: the date recorded as these documents' first sighting, YYYY-MM-DD [today, UTC]")
      ->check(check_iso_date);
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
