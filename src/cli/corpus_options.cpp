#include "commands.hpp"

namespace winnow::cli {

void add_corpus_options(CLI::App& app, CorpusOptions& o) {
  app.add_option("inputs", o.inputs, "Files, directories (walked recursively) or - for stdin [default: -]");
  app.add_option("-o,--output", o.output, "Write to FILE atomically (temporary file, then rename) [default: stdout]");
  app.add_option("-j,--jobs", o.jobs, "Worker threads [default: all cores]")->check(CLI::Range(1, 1024));
  app.add_option("--profile", o.profile_files, "Add a site profile (JSON table); repeatable")
      ->check(CLI::ExistingFile);
  app.add_option("--max-doc-bytes", o.max_doc_bytes, "Skip records larger than this [default: 67108864]");
  app.add_flag("-q,--quiet", o.quiet, "No messages about skipped inputs on stderr");
}

}  // namespace winnow::cli
