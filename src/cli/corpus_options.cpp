// Flags shared by the corpus commands: what to read, how, and how to report.
#include <fmt/format.h>

#include "commands.hpp"

namespace winnow::cli {

// The defaults in the help text are read from the library's option structs
// (CorpusOptions takes them from ReaderOptions, ExtractOptions, JsonlFields),
// never copied by hand.
void add_corpus_options(CLI::App& app, CorpusOptions& o) {
  const CorpusOptions defaults;
  app.add_option("inputs", o.inputs,
                 "Files (plain, gzip or zstd; one document, WARC or JSONL, by content), directories (walked "
                 "recursively) or - for stdin [default: - unless --files-from]");
  app.add_option("-o,--output", o.output,
                 "Write to FILE atomically (hidden mkstemp file in its directory, renamed over it; mode and owner "
                 "kept; a symlink's target replaced; not renamed on error or Ctrl-C); a device, FIFO or /dev/stdout "
                 "is written directly; a directory or unwritable target is refused before any work (exit 3) "
                 "[default: stdout]");
  app.add_option("-j,--jobs", o.jobs, "Worker threads [default: all cores]")->check(CLI::Range(1, 1024));
  app.add_option("--glob", o.globs,
                 "In directories, read only files whose name matches this pattern (fnmatch; repeatable; '*' reads "
                 "every non-hidden file) [default: page and corpus names: .html .htm .xhtml .shtml .txt .text .jsonl "
                 ".ndjson .warc .arc, with .gz/.zst after them, or no extension; not README*, LICENSE*, manifest*, "
                 "temporary files; see man winnow]")
      ->allow_extra_args(false);
  app.add_option("--files-from", o.files_from, "Also read the inputs listed in LIST, a file of one path per line (- for stdin)");
  app.add_option("--input-format", o.input_format,
                 "How files are cut into records: auto (by content), doc (one per file), warc, jsonl [default: auto]")
      ->check(CLI::IsMember({"auto", "doc", "warc", "jsonl"}));
  app.add_option("--jsonl-id-field", o.jsonl.id,
                 fmt::format("JSONL input: field holding the record id [default: {}]", defaults.jsonl.id));
  app.add_option("--jsonl-url-field", o.jsonl.url,
                 fmt::format("JSONL input: field holding the URL [default: {}]", defaults.jsonl.url));
  app.add_option("--jsonl-text-field", o.jsonl.text,
                 "JSONL input: field holding the page [default: html if present, else text]");
  app.add_option("--keep-fields", o.keep_fields,
                 "JSONL input: pass these fields of each record through, untouched, into the output's kept_fields "
                 "object (comma-separated; a field a record lacks is null; * keeps every field but the page) "
                 "[default: none; kept_fields is null]")
      ->delimiter(',')
      ->check([](const std::string& name) { return name.empty() ? std::string("a field name is empty") : std::string(); })
      ->allow_extra_args(false);
  app.add_option("--profile", o.profile_files, "Add a site profile (JSON table); repeatable")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  app.add_option("--max-doc-bytes", o.max_doc_bytes,
                 fmt::format("Skip records larger than this [default: {}]", defaults.max_doc_bytes));
  app.add_option("--time-budget-ms", o.time_budget_ms,
                 fmt::format("Skip a record whose extraction takes longer than this, checked between stages; 0: no "
                             "limit [default: {}]",
                             defaults.time_budget_ms));
  app.add_flag("-q,--quiet", o.quiet, "No messages about skipped inputs and no progress line on stderr");
  auto* progress = app.add_flag("--progress", o.progress,
                                "Show the progress line even when stderr is not a terminal (then a line after 1 s and every 5 s), "
                                "with --quiet, or when stdout writes to the same terminal [default: on a terminal "
                                "only, not shared with stdout]");
  app.add_flag("--no-progress", o.no_progress, "Never show the progress line")->excludes(progress);
  app.add_flag("--stats", o.stats,
               "At the end, print the run's figures as one JSON object on stderr (skips counted in "
               "skipped_by_reason)");
  app.add_flag("--strict", o.strict, "Exit 1 if any record was skipped or repaired (same as --fail-on=skipped,repaired)");
  std::vector<std::string> classes = {"repaired", "skipped"};
  for (std::size_t c = 0; c < kSkipClasses; ++c) classes.emplace_back(skip_class_name(static_cast<SkipClass>(c)));
  app.add_option("--fail-on", o.fail_on,
                 "Exit 1 if a record of one of these classes occurred, comma-separated: repaired, skipped (any "
                 "skip), or a skip's reason: empty, no-article, binary, undecodable, too-large, time-budget, "
                 "corrupt, unreadable, not-a-file, not-a-document, out-of-memory [default: none; such records only counted]")
      ->delimiter(',')
      ->check(CLI::IsMember(classes))
      ->allow_extra_args(false);
}

}  // namespace winnow::cli
