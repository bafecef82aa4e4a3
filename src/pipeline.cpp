// The ordered parallel pipeline.
//
// oneTBB's parallel_pipeline gives exactly the shape needed: a serial input
// filter (the reader), a parallel middle filter (extraction), and a serial
// in-order output filter (the sink), with a token limit that bounds memory.
// A skipped record still travels through the line as an empty slot so the
// order of the others is kept without a reorder buffer of our own.
//
// What it costs: at most `window` records exist at once (4 per thread by
// default), so peak memory is window x the largest record, whatever the size
// of the corpus. The reader is one serial filter, because WARC and JSONL
// streams can only be cut into records in order, so decompression and record
// parsing of those run on one thread, overlapped with extraction on the
// others; with two threads a run is as fast as the slower of the two halves.
// A directory of small files would make the serial half mostly open/read/
// close, so such files are handed out unread (ReaderOptions::defer_files)
// and a worker reads them: the serial stage only lists names. A deferred file
// that turns out to hold many records (a WARC named .dat) is read, in order,
// by the writer: correct, only slower, and rare. Stopping (a closed pipe, or
// Ctrl-C through the reader's stop flag) ends the input; the records already
// in flight still reach the sink, so output ends on a whole record. A record
// that Ctrl-C catches mid-extraction (ExtractOptions::cancel, polled inside
// the stages) is abandoned, and the records after it are not written, so the
// output stays a prefix of the input.
#include "winnow/pipeline.hpp"

#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>

#include <atomic>
#include <fmt/format.h>
#include <memory>
#include <thread>

namespace winnow {

std::size_t default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

namespace {

struct Slot {
  Document doc;
  std::string origin;  // the reader's origin(): messages name the file, not only a WARC id
  std::string rendered;
  bool deferred = false;  // only doc.id is set: the worker reads the file (ReaderOptions::defer_files)
  bool multi = false;     // a deferred file that holds many records: read in order by the writer
  bool ok = false;
  bool interrupted = false;  // abandoned mid-extraction by Ctrl-C: it and every later record are dropped
};

}  // namespace

bool run_extraction(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics,
                    PipelineOptions options, const DocumentSink& sink) {
  return run_extraction(reader, extractor, diagnostics, options, nullptr,
                        [&](Document& doc, std::string&) { return sink(doc); });
}

bool run_extraction(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics,
                    PipelineOptions options, const DocumentRenderer& render, const RenderedSink& sink) {
  std::size_t jobs = options.jobs == 0 ? default_jobs() : options.jobs;
  std::size_t window = options.window == 0 ? 4 * jobs : options.window;
  std::atomic<bool> stopped{false};
  bool cut = false;  // a record was abandoned by Ctrl-C; only the serial output filter touches it

  // Extraction, reports and rendering of one record; any thread.
  auto work = [&](Document& doc, const std::string& origin, std::string& rendered, bool* interrupted) {
    std::string problem;
    bool ok = extractor.run(doc, &problem);
    if (!ok && problem == Extractor::kInterrupted) {
      *interrupted = true;  // not the record's fault: no message
      return false;
    }
    try {
      if (ok && options.after_extract) options.after_extract(doc);
      if (ok && render) rendered = render(doc);
    } catch (const std::bad_alloc&) {  // as in Extractor::run: this record only
      rendered = std::string();
      ok = false;
      problem = "out of memory while writing its record";
    }
    if (ok && doc.repairs.empty()) return ok;
    std::string who = origin.empty() ? doc.id : fmt::format("{} ({})", origin, doc.id);
    for (auto& r : doc.repairs) diagnostics.repaired(who, r);
    if (!ok) diagnostics.skipped(who, problem, Extractor::skip_class(problem));
    return ok;
  };

  auto run = [&] {
    tbb::parallel_pipeline(
        window,
        tbb::make_filter<void, Slot*>(tbb::filter_mode::serial_in_order,
                                      [&](tbb::flow_control& fc) -> Slot* {
                                        auto slot = std::make_unique<Slot>();
                                        if (stopped.load() || !reader.next(slot->doc)) {
                                          fc.stop();
                                          return nullptr;
                                        }
                                        slot->origin = reader.origin();
                                        slot->deferred = reader.deferred();
                                        return slot.release();
                                      }) &
            tbb::make_filter<Slot*, Slot*>(tbb::filter_mode::parallel,
                                           [&](Slot* slot) -> Slot* {
                                             if (slot->deferred) {
                                               LoadResult r = reader.load(slot->doc);
                                               if (r == LoadResult::Skipped) return slot;
                                               if (r == LoadResult::Multi) {
                                                 slot->multi = true;
                                                 return slot;
                                               }
                                             }
                                             slot->ok = work(slot->doc, slot->origin, slot->rendered, &slot->interrupted);
                                             return slot;
                                           }) &
            tbb::make_filter<Slot*, void>(tbb::filter_mode::serial_in_order, [&](Slot* raw) {
              std::unique_ptr<Slot> slot(raw);
              if (slot->interrupted) cut = true;  // output stays a prefix of the input, in order
              if (stopped.load() || cut) return;
              if (slot->multi) {
                // Rare (a WARC or JSONL file with a name that does not say
                // so): its records are read and extracted here, in order, on
                // this one thread.
                reader.read_file(slot->doc.id, [&](Document& doc, const std::string& origin) {
                  std::string rendered;
                  bool interrupted = false;
                  if (work(doc, origin, rendered, &interrupted) && !sink(doc, rendered)) stopped = true;
                  cut = cut || interrupted;
                  return !stopped.load() && !cut;
                });
                return;
              }
              if (slot->ok && !sink(slot->doc, slot->rendered)) stopped = true;
            }));
  };
  // More jobs than cores is the user's call (they may be waiting on I/O):
  // raise oneTBB's worker limit for the run, so it neither refuses them nor
  // prints its "number of workers is currently limited" warning.
  tbb::global_control workers(tbb::global_control::max_allowed_parallelism,
                              std::max<std::size_t>(jobs, tbb::global_control::active_value(
                                                              tbb::global_control::max_allowed_parallelism)));
  tbb::task_arena arena(static_cast<int>(jobs));
  arena.execute(run);
  return !stopped.load();
}

}  // namespace winnow
