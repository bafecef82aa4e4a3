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
// of the corpus. The reader is one serial filter, because files, WARC and
// JSONL streams can only be cut into records in order; decompression and
// record parsing therefore run on one thread, overlapped with extraction on
// the others. With two threads the run is as fast as the slower of the two
// halves, so the speed-up reaches 2 only while extraction costs at least as
// much as reading. Stopping (a closed pipe, or Ctrl-C through the reader's
// stop flag) ends the input; the records already in flight still reach the
// sink, so output ends on a whole record.
#include "winnow/pipeline.hpp"

#include <oneapi/tbb/parallel_pipeline.h>
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
  bool ok = false;
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
                                        return slot.release();
                                      }) &
            tbb::make_filter<Slot*, Slot*>(tbb::filter_mode::parallel,
                                           [&](Slot* slot) -> Slot* {
                                             std::string problem;
                                             slot->ok = extractor.run(slot->doc, &problem);
                                             if (slot->ok && render) slot->rendered = render(slot->doc);
                                             if (slot->ok && slot->doc.repairs.empty()) return slot;
                                             std::string who = slot->origin.empty()
                                                                   ? slot->doc.id
                                                                   : fmt::format("{} ({})", slot->origin, slot->doc.id);
                                             for (auto& r : slot->doc.repairs) diagnostics.repaired(who, r);
                                             if (!slot->ok) diagnostics.skipped(who, problem);
                                             return slot;
                                           }) &
            tbb::make_filter<Slot*, void>(tbb::filter_mode::serial_in_order, [&](Slot* raw) {
              std::unique_ptr<Slot> slot(raw);
              if (slot->ok && !stopped.load() && !sink(slot->doc, slot->rendered)) stopped = true;
            }));
  };
  tbb::task_arena arena(static_cast<int>(jobs));
  arena.execute(run);
  return !stopped.load();
}

}  // namespace winnow
