// Problems with inputs, reported for people, counted for scripts.
//
// A bad record never stops a run: the reader or a stage reports it here with
// the input's name and the reason, the record is skipped (or kept with a
// repair: invalid bytes replaced, NULs removed, a charset guessed), and the
// run goes on. Each skip carries a class (SkipClass below) so that --stats
// can count them by reason and a script can choose which ones fail it. Only
// a fatal problem (an input named on the command line that does not exist or
// cannot be opened) changes the exit code by itself: a nightly crawl always
// holds empty pages and pages with no article, and a cron script must be
// able to tell such a night from a broken one. The CLI's exit policy:
//
//   0  the run completed: repairs and per-record skips are counted, not failed
//   1  only with --strict or --fail-on=CLASSES: such a record occurred
//   2  usage error (bad flags): nothing was processed
//   3  fatal: a named input is missing or unreadable, the output cannot be
//      written; an -o file is left untouched; the dedup index (--index) is
//      foreign, damaged, read-only or its disk full: the index is unchanged
//   4  the dedup index is busy: another run held it past --wait SECONDS
//   128+signal  interrupted (130 SIGINT, 143 SIGTERM, 129 SIGHUP)
//
//   winnow::Diagnostics diag(stderr);
//   diag.skipped("fixtures/x.bin", "binary data, not text or HTML", winnow::SkipClass::Binary);
//   diag.fatal_count();   // 0
#pragma once

#include <array>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace winnow {

enum ExitCode : int { kExitOk = 0, kExitFailOn = 1, kExitUsage = 2, kExitFatal = 3, kExitBusy = 4, kExitInterrupted = 130 };

// Why a record or file was passed over: the keys of --stats'
// skipped_by_reason and the classes --fail-on names.
enum class SkipClass : int {
  Empty,         // "empty": an empty or blank page
  NoArticle,     // "no-article": nothing but navigation, scripts, boilerplate
  Binary,        // "binary": an image, archive, executable ...
  Undecodable,   // "undecodable": text that cannot be decoded (broken UTF-16)
  TooLarge,      // "too-large": over --max-doc-bytes
  TimeBudget,    // "time-budget": over --time-budget-ms
  Corrupt,       // "corrupt": a broken record in a WARC or JSONL file
  Unreadable,    // "unreadable": a file met in a walk or a list that cannot be read
  NotAFile,      // "not-a-file": a FIFO, socket or device met in a walk, a directory walked twice, an empty one
  NotADocument,  // "not-a-document": a JSONL record with no page in it (a manifest line)
  OutOfMemory,   // "out-of-memory": the record needed more memory than was left
};
inline constexpr std::size_t kSkipClasses = 11;
std::string_view skip_class_name(SkipClass c);
std::optional<SkipClass> skip_class_from_name(std::string_view name);

// Writes `text` to `sink` and flushes, ignoring failure: a closed or full
// stderr must never turn a report into an exception (or an abort).
void write_message(std::FILE* sink, std::string_view text) noexcept;

// `text` made safe for a terminal and a log: control characters (C0, DEL
// and C1) and invalid UTF-8 bytes shown as escapes (a newline as \n, ESC as
// \x1b, a lone 0xE9 as \xe9, U+0085 as \u0085), so that a file named
// "evil<ESC>[2J<LF>winnow: spoofed line" can neither clear the screen nor
// forge a line. Every message on stderr goes through it.
std::string printable(std::string_view text);

class Diagnostics {
 public:
  explicit Diagnostics(std::FILE* sink = stderr) : sink_(sink) {}

  // The record or file could not be used; the run goes on.
  void skipped(std::string_view input, std::string_view reason, SkipClass why);
  // The input was used, but something about it was repaired or doubtful.
  void repaired(std::string_view input, std::string_view reason);
  // The run cannot do what it was asked (a named input is missing): exit 3.
  void fatal(std::string_view input, std::string_view reason);

  std::size_t skipped_count() const { return skipped_; }
  std::size_t skipped_count(SkipClass c) const { return by_class_[static_cast<std::size_t>(c)]; }
  std::size_t repaired_count() const { return repaired_; }
  std::size_t fatal_count() const { return fatal_; }
  void set_quiet(bool quiet) { quiet_ = quiet; }
  // A progress line is drawn on the same terminal: write this before a
  // message to erase it (Progress::erase_sequence(); "" for none).
  void set_erase_line(std::string sequence) { erase_line_ = std::move(sequence); }

 private:
  void print(std::string_view input, std::string_view reason, bool even_if_quiet = false);
  std::FILE* sink_;
  std::mutex mutex_;
  std::atomic<std::size_t> skipped_{0}, repaired_{0}, fatal_{0};
  std::array<std::atomic<std::size_t>, kSkipClasses> by_class_{};
  bool quiet_ = false;
  std::string erase_line_;
};

}  // namespace winnow
