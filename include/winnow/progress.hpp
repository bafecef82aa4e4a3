// Progress on a terminal, and the numbers of a run.
//
// A long run over a corpus should say how far it is, but only to a person
// watching: the CLI enables Progress when stderr is a terminal and --quiet is
// not given, so logs and pipes get none of it. The line shows documents done,
// input MB/s, records skipped or passed over, and percent and ETA when the
// reader knows the total (see InputReader::fraction_done). It is redrawn in
// place ("\r") at most four times a second, so calling update() per record is
// cheap: one clock read.
//
//   winnow::Progress progress(stderr, isatty(2) && !quiet);
//   ... per record written:  progress.update(reader, diagnostics, ++written);
//   progress.finish();                       // erases the line
//   if (want_stats) fmt::print(stderr, "{}\n", winnow::run_stats_json(reader, diagnostics, written,
//                                                                     progress.seconds(), false));
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "winnow/diagnostics.hpp"
#include "winnow/reader.hpp"

namespace winnow {

// How the line is drawn. Ansi: redrawn in place ("\r", then "\033[K" to
// clear what a longer line left). Plain, for TERM=dumb: in place with "\r"
// only, cut to 79 columns and padded with spaces, no escape sequence.
// Lines: a line after 1 s, then one every 5 s, never redrawn, for a log or a pipe (--progress
// there) or a terminal that standard output also writes to.
enum class ProgressStyle { Off, Ansi, Plain, Lines };

class Progress {
 public:
  Progress(std::FILE* out, ProgressStyle style);
  Progress(std::FILE* out, bool enabled) : Progress(out, enabled ? ProgressStyle::Ansi : ProgressStyle::Off) {}
  ~Progress();

  void update(const InputReader& reader, const Diagnostics& diagnostics, std::uint64_t documents);
  void finish();  // erases the line; idempotent
  double seconds() const;
  bool enabled() const { return style_ != ProgressStyle::Off; }
  // What erases a drawn line, for messages printed between two draws.
  std::string erase_sequence() const;

 private:
  std::FILE* out_;
  ProgressStyle style_;
  bool drawn_ = false;
  std::uint64_t lines_ = 0;  // written in the Lines style
  std::chrono::steady_clock::time_point start_, last_;
};

// The summary printed by --stats: one JSON object, e.g.
// {"documents":120,"skipped":2,"skipped_by_reason":{"empty":1,"no-article":1},
//  "repaired":1,"fatal":0,"filtered":340,
//  "filtered_by_reason":{"warc:request":170,"http:non-2xx":3,...},
//  "walk_skipped_by_reason":{"extension":2,"not-a-page":1,"temporary":1},
//  "files":3,"records_read":122,"bytes_read":8812311,"seconds":1.52,
//  "docs_per_s":78.9,"mb_per_s":5.80,"cpu_seconds":2.9,"read_seconds":0.4,
//  "interrupted":false}
// read_seconds is the time spent reading (decompression, record parsing,
// waiting for the disk), which runs on one thread: cpu_seconds /
// read_seconds bounds the speed-up any number of threads can give.
std::string run_stats_json(const InputReader& reader, const Diagnostics& diagnostics, std::uint64_t documents,
                           double seconds, bool interrupted);

}  // namespace winnow
