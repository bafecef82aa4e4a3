// Stage: read inputs and hand out records, one at a time, in input order.
//
// An input is a file, a directory (walked recursively, in sorted order so runs
// are reproducible), or "-" for standard input. Each file is one record whose
// id is its path as given (stdin: "-"). Problems (missing, unreadable, a
// directory with no usable files, a file over the size limit) are reported to
// Diagnostics and the reader moves on.
//
//   winnow::Diagnostics diag;
//   winnow::InputReader reader({"fixtures/seeds", "-"}, {}, diag);
//   winnow::Document doc;
//   while (reader.next(doc)) process(doc);
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "winnow/diagnostics.hpp"
#include "winnow/document.hpp"

namespace winnow {

struct ReaderOptions {
  std::uint64_t max_doc_bytes = 64ull << 20;  // larger records are skipped with a message
};

class InputReader {
 public:
  InputReader(std::vector<std::string> inputs, ReaderOptions options, Diagnostics& diagnostics);
  ~InputReader();

  // Fills `doc` (reset first) with the next record; false at the end.
  bool next(Document& doc);

 private:
  bool read_file(const std::string& path, Document& doc);
  void expand_directory(const std::string& path);

  std::deque<std::string> pending_;
  ReaderOptions options_;
  Diagnostics& diagnostics_;
  std::uint64_t sequence_ = 0;
};

}  // namespace winnow
