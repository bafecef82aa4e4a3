// A spill file: formatted records parked on disk between the two passes of
// `dedup --emit unique --format json|tsv|text`.
//
// The verdicts are known only after every document has been seen, and the
// kept documents' records must then be written in input order; keeping them
// in memory would defeat the point of a corpus larger than memory, and
// re-reading the inputs is impossible for stdin and costs a second
// extraction. So pass one appends each formatted record (a length, then the
// bytes) to an unlinked temporary file in $TMPDIR (default /tmp), and pass two
// reads them back in order and writes the kept ones. The disk needed is the
// size of the output for the whole corpus; the file vanishes on exit, even
// on a crash, since it has no name.
//
//   SpillFile spill;
//   if (!spill.open(&error)) fail(error);
//   spill.append(record);                  // pass 1, in input order
//   spill.rewind();
//   std::string r;
//   while (spill.read(r)) maybe_write(r);  // pass 2
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace winnow::cli {

class SpillFile {
 public:
  SpillFile() = default;
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  bool open(std::string* error);
  bool append(std::string_view record);
  bool rewind();
  bool read(std::string& record);  // false at the end or on error
  const std::string& error() const { return error_; }

 private:
  std::FILE* file_ = nullptr;
  std::string error_;
};

}  // namespace winnow::cli
