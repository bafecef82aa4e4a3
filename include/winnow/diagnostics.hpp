// Problems with inputs, reported for people, and the exit codes they lead to.
//
// A bad input never stops a run: the reader or a stage reports it here with
// the input's name and the reason, the record is skipped (or kept with a
// warning), and the run goes on. At the end the worst thing seen decides the
// exit code, which the CLI returns:
//
//   0  every input was read and processed
//   1  some inputs were skipped or repaired (each one reported on stderr)
//   2  usage error (bad flags): nothing was processed
//   3  fatal error (e.g. cannot write the output): the run stopped
//   130  interrupted (SIGINT; the CLI exits 143 for SIGTERM, 129 for SIGHUP):
//        whole records written so far are kept on stdout, an -o file is not
//        put in place
//
//   winnow::Diagnostics diag(stderr);
//   diag.skipped("fixtures/x.bin", "binary data, not text or HTML");
//   return diag.exit_code();   // 1
#pragma once

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace winnow {

enum ExitCode : int { kExitOk = 0, kExitSomeSkipped = 1, kExitUsage = 2, kExitFatal = 3, kExitInterrupted = 130 };

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

  // The input could not be used at all.
  void skipped(std::string_view input, std::string_view reason);
  // The input was used, but something about it was repaired or doubtful.
  void repaired(std::string_view input, std::string_view reason);

  std::size_t skipped_count() const { return skipped_; }
  std::size_t repaired_count() const { return repaired_; }
  int exit_code() const { return skipped_ + repaired_ > 0 ? kExitSomeSkipped : kExitOk; }
  void set_quiet(bool quiet) { quiet_ = quiet; }
  // A progress line is drawn on the same terminal: erase it before a message.
  void set_erase_line(bool erase) { erase_line_ = erase; }

 private:
  void print(std::string_view input, std::string_view reason);
  std::FILE* sink_;
  std::mutex mutex_;
  std::atomic<std::size_t> skipped_{0}, repaired_{0};
  bool quiet_ = false;
  bool erase_line_ = false;
};

}  // namespace winnow
