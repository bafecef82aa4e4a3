// Reading inputs: which files, in what order, cut into records how.
//
// The problem: a corpus is a directory of millions of files, a list of them,
// a few huge WARC or JSONL files, or a pipe, and the rest of winnow wants one
// thing: the next record, in an order that does not change between runs.
//
// The method: a queue of pending inputs expanded lazily. A directory is listed
// when the reader reaches it, not up front, so a walk over millions of files
// starts at once and holds the names of one directory level at a time; a
// --files-from list is read a line at a time, only when the queue runs dry.
// A walk reads only names that look like pages or corpora unless --glob says
// otherwise (walk_skip_reason: a README or a manifest is not an article); the
// inputs the caller named are checked up front, and one that is missing is
// fatal: nothing is read.
// Each file is opened through open_input() (decompression by magic bytes) and
// handed to a record source chosen by what the decompressed bytes start with
// (WARC, JSONL, or one document per file), and the source is drained before
// the next file is opened. The stop flag is checked before every record, so a
// SIGINT ends the stream between records, never inside one. With
// defer_files, a regular file whose name does not promise many records is
// handed out unread, and load() reads it on a worker thread (see
// pipeline.cpp for why); if its content is WARC or JSONL after all,
// read_file() reads it in order instead.
//
// For a progress percentage, the directories named by the caller are first
// listed once to count the files the walk will read (count_walk, the same
// name rules; no stat per file, d_type says what is a directory), up to
// ReaderOptions::count_walk_entries entries (200,000 by default), past
// which the count is given up and the progress shows no percentage.
//
// The cost: one stat per input, one directory listing held at a time (plus
// the counting pass: a listing of up to 200,000 names, none kept), and for
// content detection a look at the first line of each file (already in the
// read buffer, so no extra I/O).
#include "winnow/reader.hpp"

#include <sys/stat.h>

#include <fcntl.h>
#include <fnmatch.h>
#include <unistd.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>

#include "input_sources.hpp"
#include "winnow/input_stream.hpp"

namespace fs = std::filesystem;

namespace winnow {
namespace {

// One file, one record: text dumps and HTML pages.
class DocumentSource final : public RecordSource {
 public:
  using RecordSource::RecordSource;
  bool next(Document& doc) override {
    if (done_) return false;
    done_ = true;
    std::string data;
    std::uint64_t limit = ctx_.options.max_doc_bytes;
    in_->read_exact(data, static_cast<std::size_t>(std::min<std::uint64_t>(limit, SIZE_MAX - 1) + 1));
    if (in_->stopped()) return false;
    if (!in_->error().empty()) {
      ctx_.diagnostics.skipped(ctx_.path, in_->error(), SkipClass::Corrupt);
      return false;
    }
    if (data.size() > limit) {
      ctx_.diagnostics.skipped(ctx_.path, fmt::format("larger than --max-doc-bytes ({} bytes)", limit), SkipClass::TooLarge);
      return false;
    }
    doc.id = ctx_.path;
    doc.source.file = ctx_.path;
    doc.body = std::move(data);
    return true;
  }

 private:
  bool done_ = false;
};

// Names that promise many records per file: these are never deferred.
bool has_multi_record_name(std::string_view path) {
  for (std::string_view z : {".gz", ".zst", ".zstd"})
    if (path.ends_with(z)) path.remove_suffix(z.size());
  return path.ends_with(".warc") || path.ends_with(".jsonl") || path.ends_with(".ndjson");
}

bool has_jsonl_name(std::string_view path) {
  for (std::string_view z : {".gz", ".zst", ".zstd"})
    if (path.ends_with(z)) path.remove_suffix(z.size());
  return path.ends_with(".jsonl") || path.ends_with(".ndjson");
}

InputKind detect(LineInput& in, const std::string& path, std::uint64_t max_doc_bytes) {
  // The first line only: a pipe may have sent nothing more yet.
  std::size_t limit = static_cast<std::size_t>(std::min<std::uint64_t>(max_doc_bytes, 64ull << 20));
  std::string_view line = in.peek_line(limit);
  if (line.starts_with("WARC/")) return InputKind::Warc;
  if (has_jsonl_name(path)) return InputKind::Jsonl;
  std::size_t start = line.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || line[start] != '{') return InputKind::Document;
  return is_json_object_line(std::string(line)) ? InputKind::Jsonl : InputKind::Document;
}

}  // namespace

std::unique_ptr<RecordSource> document_source(std::unique_ptr<LineInput> in, SourceContext context) {
  return std::make_unique<DocumentSource>(std::move(in), std::move(context));
}

namespace {

// Why an input the user named cannot be used, or "" if it can: missing, or a
// regular file or directory that cannot be opened. Other kinds (a FIFO, a
// device) are not opened here: opening a FIFO's read end would release its
// writer before the run is ready for it.
std::string unusable_named_input(const std::string& path) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) return ec.message();
  if (!fs::exists(st)) return std::make_error_code(std::errc::no_such_file_or_directory).message();
  if (!fs::is_regular_file(st) && !fs::is_directory(st)) return "";
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (fs::is_directory(st) ? O_DIRECTORY : 0));
  if (fd < 0) return std::strerror(errno);
  ::close(fd);
  return "";
}

// Why a directory walk passes over a file by default (no --glob), or "" to
// read it. A walk is meant for pages and corpora; what sits beside them in a
// crawl's directory (a README, a LICENSE, a .tsv index, a .json manifest, an
// editor's or our own -o's temporary file) is not an article. By name, not by
// content: no file is opened to be refused, and the rule is easy to state.
// Files named on the command line are always read; --glob replaces the rule.
std::string walk_skip_reason(std::string name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (std::string_view end : {"~", ".tmp", ".swp", ".swo", ".part", ".crdownload"})
    if (lower.ends_with(end)) return "temporary";
  for (std::string_view start : {"readme", "license", "licence", "copying", "notice", "changelog", "manifest"})
    if (lower.starts_with(start)) return "not-a-page";
  for (std::string_view packed : {".gz", ".zst"})  // x.warc.gz is judged as x.warc; a bare x.gz as x
    if (lower.ends_with(packed)) lower.erase(lower.size() - packed.size());
  std::size_t dot = lower.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";  // no extension: crawlers' page dumps often have none
  std::string_view ext = std::string_view(lower).substr(dot + 1);
  for (std::string_view page : {"html", "htm", "xhtml", "shtml", "txt", "text", "jsonl", "ndjson", "warc", "arc"})
    if (ext == page) return "";
  return "extension";
}

// Why a walk passes over the file `name`, or "" to read it: the --glob
// patterns when given, else walk_skip_reason. kGlobMiss is not counted.
constexpr std::string_view kGlobMiss = "glob";
std::string walk_filter(const std::string& name, const std::vector<std::string>& globs) {
  if (globs.empty()) return walk_skip_reason(name);
  bool matched = std::any_of(globs.begin(), globs.end(),
                             [&](const std::string& g) { return fnmatch(g.c_str(), name.c_str(), 0) == 0; });
  return matched ? "" : std::string(kGlobMiss);
}

// Counts the files a walk of `dir` reads, by expand_directory's rules,
// listing at most `budget` entries (false when they ran out).
bool count_walk(const std::string& dir, const std::vector<std::string>& globs, std::uint64_t& files,
                std::size_t& budget, std::set<std::pair<std::uint64_t, std::uint64_t>>& visited) {
  struct stat info {};
  if (::stat(dir.c_str(), &info) != 0 ||
      !visited.insert({static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)}).second)
    return true;  // the walk skips it too
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (budget == 0) return false;
    --budget;
    std::string name = it->path().filename().string();
    if (name.starts_with(".")) continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      if (!count_walk(it->path().string(), globs, files, budget, visited)) return false;
    } else if (walk_filter(name, globs).empty()) {
      ++files;
    }
  }
  return true;
}

}  // namespace

InputReader::InputReader(std::vector<std::string> inputs, ReaderOptions options, Diagnostics& diagnostics)
    : options_(std::move(options)), diagnostics_(diagnostics) {
  std::size_t fatal_before = diagnostics_.fatal_count();
  if (options_.check_named_inputs)
    for (auto& path : inputs)
      if (std::string why = path == "-" ? "" : unusable_named_input(path); !why.empty()) diagnostics_.fatal(path, why);
  bool all_files = true;
  for (auto& path : inputs) {
    pending_.push_back({path, false});
    std::error_code ec;
    if (path == "-" || !fs::is_regular_file(path, ec)) all_files = false;
    else total_bytes_ += fs::file_size(path, ec);
  }
  total_files_ = inputs.size();
  if (!options_.files_from.empty()) {
    std::string error;
    auto stream = open_input(options_.files_from, options_.stop, &error);
    if (!stream) {
      diagnostics_.fatal(options_.files_from, fmt::format("cannot read the --files-from list: {}", error));
    } else {
      list_ = std::make_unique<LineInput>(std::move(stream));
    }
    // A list in a file can be counted up front, cheaply: lines, not stats.
    std::error_code ec;
    if (list_ && options_.files_from != "-" && all_files && fs::is_regular_file(options_.files_from, ec)) {
      std::string error2;
      if (auto counter = open_input(options_.files_from, nullptr, &error2)) {
        LineInput lines(std::move(counter));
        std::string line;
        while (lines.read_line(line, 1 << 16))
          if (!line.empty()) ++total_files_;
        fraction_by_files_ = true;
      }
    }
  } else if (all_files) {
    fraction_by_bytes_ = total_bytes_ > 0;
  } else if (options_.count_walk_entries > 0 &&
             std::none_of(inputs.begin(), inputs.end(), [](const std::string& p) { return p == "-"; })) {
    // Directories among files: count what the walks will read, if cheap.
    std::uint64_t files = 0;
    std::size_t budget = options_.count_walk_entries;
    std::set<std::pair<std::uint64_t, std::uint64_t>> visited;
    bool counted = true;
    for (auto& path : inputs) {
      std::error_code ec;
      if (fs::is_directory(path, ec)) counted = counted && count_walk(path, options_.globs, files, budget, visited);
      else if (fs::is_regular_file(path, ec)) ++files;
      else counted = false;  // a FIFO or device: no total
    }
    if (counted && files > 0) {
      total_files_ = files;
      fraction_by_files_ = true;
    }
  }
  if (diagnostics_.fatal_count() > fatal_before) {  // refused: read nothing
    pending_.clear();
    list_.reset();
  }
}

InputReader::~InputReader() = default;

std::optional<double> InputReader::fraction_done() const {
  if (fraction_by_bytes_) return std::min(1.0, double(stats_.raw_bytes.load()) / double(total_bytes_));
  if (fraction_by_files_ && total_files_ > 0) return std::min(1.0, double(files_done_.load()) / double(total_files_));
  return std::nullopt;
}

void InputReader::expand_directory(const std::string& path) {
  std::vector<Pending> entries;
  std::error_code ec;
  fs::directory_iterator it(path, ec), end;
  if (ec) {
    diagnostics_.skipped(path, fmt::format("cannot list directory: {}", ec.message()), SkipClass::Unreadable);
    return;
  }
  std::size_t seen = 0;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      diagnostics_.skipped(path, fmt::format("error while listing directory: {}", ec.message()), SkipClass::Unreadable);
      break;
    }
    std::string name = it->path().filename().string();
    if (name.starts_with(".")) continue;  // hidden files and editor droppings
    ++seen;
    // Globs select files; directories are always entered, or a pattern
    // such as "*.html" would stop the walk at the first level.
    // The listing knows each entry's type (d_type), so no stat per file.
    std::error_code type_ec;
    bool dir = it->is_directory(type_ec);
    bool regular = !dir && it->is_regular_file(type_ec);
    if (!dir)
      if (std::string why = walk_filter(name, options_.globs); !why.empty()) {
        if (why != kGlobMiss) ++stats_.walk_skipped_by_reason[why];  // the reading thread alone lists directories
        continue;
      }
    entries.push_back({it->path().string(), regular, true});
  }
  if (seen == 0) {
    diagnostics_.skipped(path, "directory has no usable files", SkipClass::NotAFile);
    return;
  }
  std::sort(entries.begin(), entries.end(), [](const Pending& a, const Pending& b) { return a.path < b.path; });
  // Depth-first, in order: push this directory's entries to the front.
  for (auto e = entries.rbegin(); e != entries.rend(); ++e) pending_.push_front(std::move(*e));
}

bool InputReader::pull_listed() {
  if (!list_) return false;
  std::string line;
  while (list_->read_line(line, 1 << 16)) {
    if (line.empty()) continue;
    pending_.push_back({line, false});
    return true;
  }
  if (!list_->error().empty()) diagnostics_.skipped(options_.files_from, list_->error(), SkipClass::Unreadable);
  list_.reset();
  return false;
}

void InputReader::close_current() {
  if (!current_) return;
  stats_.raw_bytes += current_->raw_offset() - current_reported_;
  current_reported_ = 0;
  current_.reset();
  ++files_done_;
}

bool InputReader::open_next() {
  while (!pending_.empty() || pull_listed()) {
    if (options_.stop && options_.stop->load()) return false;
    Pending item = std::move(pending_.front());
    pending_.pop_front();
    const std::string& path = item.path;
    if (path != "-" && !item.regular) {
      std::error_code ec;
      fs::file_status st = fs::status(path, ec);
      if (ec || !fs::exists(st)) {
        diagnostics_.skipped(path, ec ? ec.message() : "no such file or directory", SkipClass::Unreadable);
        ++files_done_;
        continue;
      }
      if (fs::is_directory(st)) {
        struct stat info {};
        if (::stat(path.c_str(), &info) == 0 &&
            !visited_directories_.insert({static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)})
                 .second) {
          diagnostics_.skipped(path, "directory already walked (a symlink loop, or a second path to it)", SkipClass::NotAFile);
          continue;
        }
        expand_directory(path);
        continue;
      }
      // A FIFO is read when the user names it; met in a walk it could block
      // the run forever on a writer that never comes.
      if (!fs::is_regular_file(st) && (item.from_walk || !fs::is_fifo(st))) {
        diagnostics_.skipped(path, item.from_walk ? "not a regular file (FIFOs, sockets and devices are read only "
                                                    "when named)"
                                                  : "not a regular file",
                           SkipClass::NotAFile);
        ++files_done_;
        continue;
      }
      item.regular = fs::is_regular_file(st);
    }
    if (options_.defer_files && item.regular &&
        (options_.list_files_only || (options_.kind == InputKind::Auto && !has_multi_record_name(path)))) {
      deferred_path_ = path;
      return true;
    }
    std::string error;
    auto stream = open_input(path, item.regular ? nullptr : options_.stop, &error);
    if (!stream) {
      diagnostics_.skipped(path, error, SkipClass::Unreadable);
      ++files_done_;
      continue;
    }
    ++stats_.files;
    auto in = std::make_unique<LineInput>(std::move(stream));
    InputKind kind = options_.kind;
    if (kind == InputKind::Auto) kind = detect(*in, path, options_.max_doc_bytes);
    SourceContext ctx{path, options_, diagnostics_, stats_};
    switch (kind) {
      case InputKind::Warc: current_ = warc_source(std::move(in), std::move(ctx)); break;
      case InputKind::Jsonl: current_ = jsonl_source(std::move(in), std::move(ctx)); break;
      default: current_ = document_source(std::move(in), std::move(ctx)); break;
    }
    current_path_ = path;
    return true;
  }
  return false;
}

namespace {

std::uint64_t monotonic_ns() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

// Adds the time spent in its scope to a counter.
struct ReadTimer {
  std::atomic<std::uint64_t>& total;
  std::uint64_t start = monotonic_ns();
  ~ReadTimer() { total += monotonic_ns() - start; }
};

}  // namespace

bool InputReader::next(Document& doc) {
  ReadTimer timer{stats_.read_ns};
  deferred_ = false;
  for (;;) {
    if (options_.stop && options_.stop->load()) return false;
    if (!current_) {
      deferred_path_.clear();
      if (!open_next()) return false;
      if (!deferred_path_.empty()) {
        doc = Document{};
        doc.id = std::move(deferred_path_);
        doc.sequence = sequence_++;
        origin_.clear();
        deferred_ = true;
        return true;
      }
    }
    doc = Document{};
    if (current_->next(doc)) {
      origin_ = current_->origin();
      doc.sequence = sequence_++;
      ++stats_.records;
      std::uint64_t offset = current_->raw_offset();
      stats_.raw_bytes += offset - current_reported_;
      current_reported_ = offset;
      return true;
    }
    close_current();
  }
}

LoadResult InputReader::load(Document& doc) {
  const std::string path = doc.id;
  ++stats_.files;
  std::string error;
  auto stream = open_input(path, nullptr, &error);
  if (!stream) {
    diagnostics_.skipped(path, error, SkipClass::Unreadable);
    ++files_done_;
    return LoadResult::Skipped;
  }
  auto in = std::make_unique<LineInput>(std::move(stream));
  if (detect(*in, path, options_.max_doc_bytes) != InputKind::Document) {
    --stats_.files;  // read_file() opens it again and counts it
    return LoadResult::Multi;
  }
  auto source = document_source(std::move(in), SourceContext{path, options_, diagnostics_, stats_});
  bool ok = source->next(doc);
  stats_.raw_bytes += source->raw_offset();
  ++files_done_;
  if (!ok) return LoadResult::Skipped;
  ++stats_.records;
  return LoadResult::Loaded;
}

void InputReader::read_file(const std::string& path,
                            const std::function<bool(Document&, const std::string& origin)>& each) {
  ReaderOptions options = options_;
  options.defer_files = false;
  options.check_named_inputs = false;  // found in a walk or a list: a skip if it has gone, not a fatal error
  InputReader sub({path}, options, diagnostics_);
  Document doc;
  while (sub.next(doc) && each(doc, sub.origin())) {
  }
  stats_.files += sub.stats_.files.load();
  stats_.records += sub.stats_.records.load();
  stats_.raw_bytes += sub.stats_.raw_bytes.load();
  stats_.filtered += sub.stats_.filtered.load();
  ++files_done_;
  std::lock_guard lock(stats_.filtered_mutex);
  for (auto& [reason, n] : sub.stats_.filtered_by_reason) stats_.filtered_by_reason[reason] += n;
}

}  // namespace winnow
