// Where the CLI writes: stdout, or the file named by -o.
//
// The file's policy (written directly when it is a device, a FIFO or a
// descriptor; otherwise a hidden mkstemp file in its directory, renamed over
// it at the end; refused before any work when unusable) is the library's
// OutputFile. This adds what a command needs around it: lines, a closed
// stdout or FIFO (`winnow ... | head`) as a quiet end rather than an error,
// and the temporary file's name published for the signal handler, so a
// second SIGINT/SIGTERM/SIGHUP can unlink it before dying.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "winnow/output_file.hpp"

namespace winnow::cli {

class OutputSink {
 public:
  // path "" or "-" is stdout.
  explicit OutputSink(const std::string& path);
  ~OutputSink();

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool closed() const { return closed_; }

  // Writes `line` and a newline (or the terminator set: `--null` ends ids
  // with NUL, for xargs -0). False once the reader has gone away or a write
  // failed (see error()).
  bool write_line(std::string_view line);
  void set_terminator(char terminator) { terminator_ = terminator; }

  // Flushes and, for a file, renames it into place. False on failure.
  bool commit();
  // Interrupted run: flushes stdout (whole lines only were written), or
  // removes the temporary file so FILE is left as it was.
  void abandon();

 private:
  OutputFile file_;
  std::string error_;
  bool closed_ = false;
  char terminator_ = '\n';
};

}  // namespace winnow::cli
