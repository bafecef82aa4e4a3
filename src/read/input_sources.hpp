// Record sources: one open file, cut into records (private to the reader).
//
// The reader chooses a source by content (see reader.hpp) and pulls records
// from it until it ends; a source reports its own problems, naming the file
// and the record, line or byte offset, and ends when it cannot go on.
#pragma once

#include <memory>
#include <string>

#include "winnow/diagnostics.hpp"
#include "winnow/document.hpp"
#include "winnow/input_stream.hpp"
#include "winnow/reader.hpp"

namespace winnow {

struct SourceContext {
  std::string path;  // as given; "-" for stdin
  const ReaderOptions& options;
  Diagnostics& diagnostics;
  ReaderStats& stats;

  void filter(const std::string& reason) {
    ++stats.filtered;
    std::lock_guard lock(stats.filtered_mutex);
    ++stats.filtered_by_reason[reason];
  }
};

class RecordSource {
 public:
  RecordSource(std::unique_ptr<LineInput> in, SourceContext context) : in_(std::move(in)), ctx_(std::move(context)) {}
  virtual ~RecordSource() = default;
  // Fills the reader's fields of `doc` (id, url, fetch_date, charset_hint,
  // body); false at the end of the file or when it cannot go on.
  virtual bool next(Document& doc) = 0;
  std::uint64_t raw_offset() const { return in_->raw_offset(); }
  // Where the last record came from, for messages about it from later
  // stages: "crawl.warc.gz: WARC record 7 at byte 1234"; empty when the
  // record's id already names its file.
  const std::string& origin() const { return origin_; }

 protected:
  std::string origin_;
  std::unique_ptr<LineInput> in_;
  SourceContext ctx_;
};

std::unique_ptr<RecordSource> document_source(std::unique_ptr<LineInput> in, SourceContext context);
std::unique_ptr<RecordSource> warc_source(std::unique_ptr<LineInput> in, SourceContext context);
std::unique_ptr<RecordSource> jsonl_source(std::unique_ptr<LineInput> in, SourceContext context);

// True when `line` parses as a JSON object (content detection of JSONL).
bool is_json_object_line(const std::string& line);

}  // namespace winnow
