// `winnow extract`: one record per input document, as JSON, TSV or the clean
// text, in input order.
//
// The command only wires the pieces: the reader, the ordered pipeline, the
// formatter and the output sink. The exit code follows the policy in
// diagnostics.hpp (close_output): 128 + the signal after SIGINT, SIGTERM or
// SIGHUP (whole records only written, -o file not put in place), 3 if a named
// input is missing or the output cannot be written, 1 only when --strict or
// --fail-on names a class of record that occurred, else 0.
#include <fmt/format.h>

#include "commands.hpp"
#include "corpus_run.hpp"
#include "output_sink.hpp"
#include "winnow/pipeline.hpp"
#include "winnow/record_format.hpp"

namespace winnow::cli {
namespace {

struct ExtractFlags {
  CorpusOptions corpus;
  std::string format = "json";
  std::vector<std::string> fields;
};

int run_extract(const ExtractFlags& flags) {
  std::string error;
  auto formatter = RecordFormatter::make(flags.format, flags.fields, &error);
  if (!formatter) {
    say("winnow: --fields: {}\n", error);
    return kExitUsage;
  }
  ExtractOptions extract;
  extract.metadata_parts = {formatter->writes("speakers"), formatter->writes("figures")};
  auto run = start_corpus_run(flags.corpus, extract);
  if (!run) return kExitUsage;
  OutputSink out(flags.corpus.output);
  if (!out.ok()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  bool text = formatter->multiline();
  // A refused run (a named input missing: exit 3) writes nothing, not even a header.
  bool ok = run->diagnostics.fatal_count() == 0 && (!formatter->has_header() || out.write_line(formatter->header()));
  bool first = true;
  if (ok)
    run_extraction(
        *run->reader, *run->extractor, run->diagnostics, PipelineOptions{flags.corpus.jobs, 0, nullptr},
        [&](const Document& doc) { return formatter->format(doc); },  // on the worker threads
        [&](Document&, std::string& record) {
          // Text records are separated by a blank line.
          if (text && !first && !out.write_line("")) return false;
          first = false;
          if (!out.write_line(record)) return false;
          run->record_written();
          return true;
        });
  run->finish();
  return close_output(out, *run);  // Ctrl-C while writing: no half result in place
}

}  // namespace

Runner add_extract_command(CLI::App& app) {
  auto flags = std::make_shared<ExtractFlags>();
  add_corpus_options(app, flags->corpus);
  app.add_option("-f,--format", flags->format,
                 "json: one JSON object per document per line; tsv: a header line, then one line per document; "
                 "csv: the same as RFC 4180 CSV; markdown: each article as a # heading and paragraphs; text: the "
                 "clean article only; markdown and text documents separated by a blank line [default: json]")
      ->check(CLI::IsMember({"json", "tsv", "csv", "markdown", "text"}));
  app.add_option("--fields", flags->fields,
                 "Comma-separated fields of the JSON, TSV or CSV record, in this order (see man winnow, OUTPUT FIELDS; "
                 "also snippet: the first 200 characters of text); speakers and figures are only read when written "
                 "[default: JSON all; TSV and CSV id,url,fetch_date,type,title,date,place,snippet]")
      ->delimiter(',')
      ->allow_extra_args(false);
  return [flags]() { return run_extract(*flags); };
}

}  // namespace winnow::cli
