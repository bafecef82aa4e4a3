// The ordered parallel pipeline.
//
// oneTBB's parallel_pipeline gives exactly the shape needed: a serial input
// filter (the reader), a parallel middle filter (extraction), and a serial
// in-order output filter (the sink), with a token limit that bounds memory.
// A skipped record still travels through the line as an empty slot so the
// order of the others is kept without a reorder buffer of our own.
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
  bool ok = false;
};

}  // namespace

bool run_extraction(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics,
                    PipelineOptions options, const DocumentSink& sink) {
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
              if (slot->ok && !stopped.load() && !sink(slot->doc)) stopped = true;
            }));
  };
  tbb::task_arena arena(static_cast<int>(jobs));
  arena.execute(run);
  return !stopped.load();
}

}  // namespace winnow
