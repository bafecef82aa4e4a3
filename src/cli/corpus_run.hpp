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

// The end of a run, for every command: after Ctrl-C the output is abandoned
// (an -o file is not put in place; exit 130); otherwise it is committed
// (exit 3 if that fails), a closed stdout is a quiet success, and the
// inputs' problems decide between 0 and 1.
int close_output(OutputSink& out, const Diagnostics& diagnostics);

}  // namespace winnow::cli
