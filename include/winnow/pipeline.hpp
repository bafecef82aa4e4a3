// Running the extraction line over a stream of records on all cores.
//
// Records are read one at a time (serially: readers are sequential), extracted
// in parallel, and handed to the sink in input order. At most `window`
// records are in flight, so memory is bounded by window x record size, not by
// the corpus. The sink runs on one thread at a time and may return false to
// stop the run early (e.g. the output pipe was closed).
//
//   winnow::run_extraction(reader, extractor, diag, {.jobs = 4},
//                          [&](winnow::Document& doc) { return out.write_line(doc.text); });
#pragma once

#include <cstddef>
#include <functional>

#include "winnow/diagnostics.hpp"
#include "winnow/document.hpp"
#include "winnow/extract.hpp"
#include "winnow/reader.hpp"

namespace winnow {

struct PipelineOptions {
  std::size_t jobs = 0;    // worker threads; 0 = all cores
  std::size_t window = 0;  // records in flight; 0 = 4 x jobs
  // A further stage run on the worker thread after a successful extraction
  // (e.g. fingerprinting for dedup), so that per-record work never queues
  // behind the in-order sink.
  std::function<void(Document&)> after_extract;
};

using DocumentSink = std::function<bool(Document&)>;

// Returns false if the sink asked to stop.
bool run_extraction(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics,
                    PipelineOptions options, const DocumentSink& sink);

// The same, with the per-record work that needs no order (formatting the
// record for output) moved onto the worker threads: `render` runs there after
// extraction, and the in-order sink gets its result, so the one serial writer
// only writes. With two threads and a serial reader, every microsecond taken
// out of the serial stages is throughput.
//
//   winnow::run_extraction(reader, extractor, diag, {},
//                          [](const winnow::Document& d) { return winnow::document_json(d); },
//                          [&](winnow::Document&, std::string& line) { return out.write_line(line); });
using DocumentRenderer = std::function<std::string(const Document&)>;
using RenderedSink = std::function<bool(Document&, std::string& rendered)>;
bool run_extraction(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics,
                    PipelineOptions options, const DocumentRenderer& render, const RenderedSink& sink);

std::size_t default_jobs();

}  // namespace winnow
