// Shared plumbing of the corpus commands: profiles, reader, diagnostics,
// progress, --stats, and the SIGINT flag.
#pragma once

#include <memory>
#include <optional>

#include "commands.hpp"
#include "winnow/diagnostics.hpp"
#include "winnow/extract.hpp"
#include "winnow/progress.hpp"
#include "winnow/reader.hpp"

namespace winnow::cli {

struct CorpusRun {
  Diagnostics diagnostics{stderr};
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<InputReader> reader;
  std::unique_ptr<Progress> progress;
  std::uint64_t written = 0;
  bool stats = false;
  bool quiet = false;

  // The sink calls this after each record it wrote.
  void record_written() { progress->update(*reader, diagnostics, ++written); }
  // Erases the progress line and prints --stats.
  void finish();
};

// Builds the run, or prints why not and returns null (a usage error).
// Installs the SIGINT handler: the first Ctrl-C raises interrupted() and the
// reader stops between records; a second one kills the process.
std::unique_ptr<CorpusRun> start_corpus_run(const CorpusOptions& options, ExtractOptions extract = {});

bool interrupted();

}  // namespace winnow::cli
