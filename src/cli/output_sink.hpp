// Where the CLI writes: stdout, or a file written atomically.
//
// A file given with -o is written to "FILE.tmp.PID" and renamed over FILE
// only when the run completes, so a crash or Ctrl-C never leaves half a file
// where a whole one is expected. A closed stdout (`winnow ... | head`) is not
// an error: writes stop, and the run ends quietly with the status so far.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace winnow::cli {

class OutputSink {
 public:
  // path "" or "-" is stdout.
  explicit OutputSink(const std::string& path);
  ~OutputSink();

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool closed() const { return closed_; }

  // Writes `line` and a newline. False once the reader has gone away or a
  // write failed (see error()).
  bool write_line(std::string_view line);

  // Flushes and, for a file, renames it into place. False on failure.
  bool commit();
  // Interrupted run: flushes stdout (whole lines only were written), or
  // removes the temporary file so FILE is left as it was.
  void abandon();

 private:
  std::FILE* file_ = nullptr;
  std::string path_, temp_path_;
  std::string error_;
  bool closed_ = false;
  bool committed_ = false;
};

}  // namespace winnow::cli
