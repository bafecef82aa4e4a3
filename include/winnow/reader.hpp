// Stage: read inputs and hand out records, one at a time, in input order.
//
// An input is a file, a directory (walked recursively, in sorted order so runs
// are reproducible; hidden entries skipped; with `globs`, only files whose
// name matches one of them), or "-" for standard input; `files_from` names a
// list of more inputs, one per line, read lazily after the others. A file is
// decompressed by content (gzip, also multi-member, or zstd), then cut into
// records by content:
//
//   WARC 1.0/1.1   "WARC/" first: each `response` record with a 2xx HTTP
//                  status and a text content type is a record; other record
//                  types, statuses and types are passed over and counted
//                  (ReaderStats::filtered), not reported as problems.
//   JSONL          a .jsonl/.ndjson name, or `{` first and a first line that
//                  parses as a JSON object: each line is a record.
//   anything else  the whole file is one record.
//
// Record ids (Document::id) are stable across runs:
//   one-record file   the path as given ("-" for stdin)
//   WARC record       its WARC-Record-ID without the angle brackets
//                     ("urn:uuid:..."), else PATH#N (N-th record, 1-based)
//   JSONL line        the value of the id field, else PATH#LINE (1-based)
//
// Every record also says where it can be found again (Document::source): its
// file, and the WARC record's byte offset or the JSONL line. Its url is what
// was fetched (WARC-Target-URI, the JSONL url field), never the page's own
// canonical link, which the HTML parser puts in Document::canonical_url.
//
// Problems (missing or unreadable files, a directory with no usable files, a
// record over max_doc_bytes, a broken JSONL line, a truncated gzip member or
// WARC record) go to Diagnostics naming the file and the line, record or
// byte offset; the records before the problem are kept and the reader moves on.
//
//   winnow::Diagnostics diag;
//   winnow::ReaderOptions options;
//   options.globs = {"*.warc.gz"};
//   winnow::InputReader reader({"crawls/", "-"}, options, diag);
//   winnow::Document doc;
//   while (reader.next(doc)) process(doc);
//   reader.stats().filtered;  // e.g. WARC request records passed over
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <set>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "winnow/diagnostics.hpp"
#include "winnow/document.hpp"

namespace winnow {

class LineInput;
class RecordSource;

enum class InputKind { Auto, Document, Warc, Jsonl };

struct JsonlFields {
  std::string id = "id";
  std::string url = "url";
  std::string text;  // empty: "html" if present, else "text"
};

struct ReaderOptions {
  std::uint64_t max_doc_bytes = 64ull << 20;  // larger records are skipped with a message
  std::vector<std::string> globs;             // fnmatch(3) patterns for file names found in directories
  std::string files_from;                     // a file listing more inputs, one per line; "-" is stdin
  InputKind kind = InputKind::Auto;           // force how files are cut into records
  JsonlFields jsonl;
  // JSONL input: fields of each record passed through to Document::kept_fields
  // (the `kept_fields` object of the JSON output), as datatrove keeps a
  // record's metadata; "*" is every field but the page. Empty: none.
  std::vector<std::string> keep_fields;
  const std::atomic<bool>* stop = nullptr;    // raised (e.g. by SIGINT): next() returns false soon
  // Hand out regular files whose names do not say WARC or JSONL unread (id
  // only, deferred() true), for load() on a worker thread: with a directory
  // of small files, opening and reading is a large share of the work, and
  // it need not be serial. The pipeline sets this; see load().
  bool defer_files = false;
  // With defer_files: hand out every regular file unread, WARC and JSONL
  // too, so that a caller can list the files a run would read, in its order
  // (the staged dedup cuts that list into shards) without reading them.
  bool list_files_only = false;
  // Inputs named by the caller (not found in a walk or a --files-from list)
  // are looked at before any work: one that does not exist or cannot be
  // opened is Diagnostics::fatal() and nothing at all is read, so a cron
  // job's typo fails loudly instead of writing an empty output.
  bool check_named_inputs = true;
  // Directories named by the caller are walked once up front, to count the
  // files the walk will read (one directory listing, no stat per file), so
  // fraction_done() knows the total; past this many entries listed the count
  // is given up (no percentage) rather than delay the start. 0: never count.
  std::size_t count_walk_entries = 200000;
};

struct ReaderStats {
  std::atomic<std::uint64_t> records{0};    // records handed out
  std::atomic<std::uint64_t> files{0};      // files opened
  std::atomic<std::uint64_t> raw_bytes{0};  // bytes read from files (compressed size when compressed)
  std::atomic<std::uint64_t> filtered{0};   // records passed over on purpose (sum of filtered_by_reason)
  // Time spent inside next(): the serial part of a parallel run, so total
  // CPU / this bounds the speed-up more threads can give. Wall time on the
  // reading thread, not its CPU time: a thread's CPU clock is a system call
  // (2.5-5 us on this virtual machine, twice a record, on the serial path),
  // the monotonic clock is not; and waiting for the disk is serial too.
  std::atomic<std::uint64_t> read_ns{0};
  // "warc:request", "http:non-2xx", "http:non-text", ...: read it when the
  // run is over (writers hold the mutex).
  std::map<std::string, std::uint64_t> filtered_by_reason;
  // Files a directory walk passed over without --glob, by reason:
  // "temporary", "not-a-page" (README, LICENSE, ...), "extension".
  std::map<std::string, std::uint64_t> walk_skipped_by_reason;
  std::mutex filtered_mutex;
};

// What load() made of a deferred file.
enum class LoadResult {
  Loaded,     // doc.body holds the file, decompressed
  Skipped,    // reported to Diagnostics (unreadable, too large, truncated ...)
  Multi,      // its content is WARC or JSONL after all: read it with read_file()
};

class InputReader {
 public:
  InputReader(std::vector<std::string> inputs, ReaderOptions options, Diagnostics& diagnostics);
  ~InputReader();

  // Fills `doc` (reset first) with the next record; false at the end, or
  // once the stop flag is raised.
  bool next(Document& doc);
  // True when the record next() last returned is a deferred file (see
  // ReaderOptions::defer_files): only doc.id (its path) is set.
  bool deferred() const { return deferred_; }
  // Reads a deferred file into doc.body. Safe to call from any thread,
  // concurrently with next().
  LoadResult load(Document& doc);
  // Every record of one file, in order, to `each` (false from it stops):
  // for a deferred file that turned out to hold many records.
  // `origin` is as origin() would say.
  void read_file(const std::string& path, const std::function<bool(Document&, const std::string& origin)>& each);

  const ReaderStats& stats() const { return stats_; }
  // Where the record last returned by next() came from, when its id does not
  // say: "crawl.warc.gz: WARC record 7 at byte 1234", "export.jsonl: line 12";
  // empty for a one-document file (the id is the path).
  const std::string& origin() const { return origin_; }
  // Share of the input done, when the total is known up front: by bytes when
  // every input is a file named on the command line, by files with a
  // --files-from list; nullopt when directories or stdin are read.
  std::optional<double> fraction_done() const;

 private:
  struct Pending {
    std::string path;
    bool regular = false;    // a directory listing said so: no stat needed
    bool from_walk = false;  // found in a directory, not named by the user
  };
  bool open_next();
  void expand_directory(const std::string& path);
  void close_current();
  bool pull_listed();

  std::deque<Pending> pending_;
  // Directories entered, by device and inode: a symlink loop (or two paths
  // to one directory) is walked once, not until the path is too long.
  std::set<std::pair<std::uint64_t, std::uint64_t>> visited_directories_;
  ReaderOptions options_;
  Diagnostics& diagnostics_;
  ReaderStats stats_;
  std::uint64_t sequence_ = 0;
  std::unique_ptr<RecordSource> current_;
  std::string current_path_;
  std::string deferred_path_;
  std::string origin_;
  std::uint64_t current_reported_ = 0;  // of the current file's raw bytes, added to stats_.raw_bytes
  bool deferred_ = false;
  std::unique_ptr<LineInput> list_;  // --files-from
  std::uint64_t total_bytes_ = 0, total_files_ = 0;
  std::atomic<std::uint64_t> files_done_{0};
  bool fraction_by_bytes_ = false, fraction_by_files_ = false;
};

}  // namespace winnow
