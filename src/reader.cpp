// Reading inputs.
//
// The reader expands inputs lazily: a directory is listed when the reader
// reaches it, not up front, so a walk over millions of files starts at once
// and holds only the names of one directory level at a time. A file is read
// whole because one file is one record; the size limit keeps a stray disk
// image from being pulled into memory.
#include "winnow/reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>

namespace fs = std::filesystem;

namespace winnow {

InputReader::InputReader(std::vector<std::string> inputs, ReaderOptions options, Diagnostics& diagnostics)
    : pending_(inputs.begin(), inputs.end()), options_(options), diagnostics_(diagnostics) {}

InputReader::~InputReader() = default;

void InputReader::expand_directory(const std::string& path) {
  std::vector<std::string> entries;
  std::error_code ec;
  fs::directory_iterator it(path, ec), end;
  if (ec) {
    diagnostics_.skipped(path, fmt::format("cannot list directory: {}", ec.message()));
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      diagnostics_.skipped(path, fmt::format("error while listing directory: {}", ec.message()));
      break;
    }
    std::string name = it->path().filename().string();
    if (name.starts_with(".")) continue;  // hidden files and editor droppings
    entries.push_back(it->path().string());
  }
  if (entries.empty()) {
    diagnostics_.skipped(path, "directory has no usable files");
    return;
  }
  std::sort(entries.begin(), entries.end());
  // Depth-first, in order: push this directory's entries to the front.
  for (auto e = entries.rbegin(); e != entries.rend(); ++e) pending_.push_front(*e);
}

bool InputReader::read_file(const std::string& path, Document& doc) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    diagnostics_.skipped(path, std::strerror(errno));
    return false;
  }
  std::string data;
  char buffer[1 << 16];
  std::size_t n;
  bool too_big = false;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    if (data.size() + n > options_.max_doc_bytes) { too_big = true; break; }
    data.append(buffer, n);
  }
  bool failed = std::ferror(f);
  int err = errno;
  if (f != stdin) std::fclose(f);
  if (failed) {
    diagnostics_.skipped(path, fmt::format("read error: {}", std::strerror(err)));
    return false;
  }
  if (too_big) {
    diagnostics_.skipped(path, fmt::format("larger than --max-doc-bytes ({} bytes)", options_.max_doc_bytes));
    return false;
  }
  doc = Document{};
  doc.id = path;
  doc.body = std::move(data);
  doc.sequence = sequence_++;
  return true;
}

bool InputReader::next(Document& doc) {
  while (!pending_.empty()) {
    std::string path = std::move(pending_.front());
    pending_.pop_front();
    if (path == "-") {
      if (read_file(path, doc)) return true;
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      diagnostics_.skipped(path, ec ? ec.message() : "no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      expand_directory(path);
      continue;
    }
    if (!fs::is_regular_file(st) && !fs::is_fifo(st)) {
      diagnostics_.skipped(path, "not a regular file");
      continue;
    }
    if (read_file(path, doc)) return true;
  }
  return false;
}

}  // namespace winnow
