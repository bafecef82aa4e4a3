// Shared plumbing of the corpus commands: profiles, reader, diagnostics,
// progress, --stats, and the SIGINT flag.
#pragma once

#include <memory>
#include <mutex>
#include <optional>

#include "commands.hpp"
#include "output_sink.hpp"
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
  // What turns a completed run into exit 1 (--strict, --fail-on).
  bool fail_on_repaired = false;
  bool fail_on_any_skip = false;
  std::vector<SkipClass> fail_on_skips;
  // dedup: an interrupted run writes no verdicts, so `written` counts records read, not written.
  bool writes_nothing_if_interrupted = false;

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
// Held while a record is written, so that a run ended by the stop watchdog
// (corpus_run.cpp) never leaves half a record.
std::mutex& output_mutex();
// 128 + the signal that stopped the run: 130 SIGINT, 143 SIGTERM, 129 SIGHUP.
int interrupted_exit_code();

// The -o temporary file, for the signal handler to unlink (null: none).
void publish_temp_path(const char* path);

// The end of a run, for every command, and the exit policy (see
// diagnostics.hpp): after a stop signal the output is abandoned (an -o file
// is not put in place; exit 128+signal); after a fatal input problem too
// (exit 3); otherwise it is committed (exit 3 if that fails), and the run's
// skips and repairs give 1 only if --strict or --fail-on names their class.
int close_output(OutputSink& out, const CorpusRun& run);

}  // namespace winnow::cli
