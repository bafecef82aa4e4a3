// The extraction line for one record: decode -> parse -> classify -> metadata.
//
//   winnow::Extractor extractor(winnow::ProfileSet::builtin());
//   std::string problem;
//   if (!extractor.run(doc, &problem)) diagnostics.skipped(doc.id, problem);
//   else fmt::print("{}\n", doc.text);
//
// An Extractor holds only read-only state after construction (profiles,
// compiled patterns), so one instance may serve all worker threads.
#pragma once

#include <cstdint>
#include <string>

#include "winnow/document.hpp"
#include "winnow/metadata.hpp"
#include "winnow/profiles.hpp"

namespace winnow {

struct ExtractOptions {
  bool keep_blocks = false;  // keep doc.blocks after extraction
  bool strip = true;         // false: doc.text is the whole decoded input, no cleaning or metadata
  bool metadata = true;      // false: skip the metadata extractors (for benchmarks)
  MetadataParts metadata_parts;  // speakers and figures only when the output carries them
  // Wall-clock budget per document, checked between stages: a record that
  // overruns it is skipped, so one pathological page cannot stall a batch.
  // Stages are linear in their input (RE2, iterative tree walks), so the
  // overrun of the stage that crosses the budget is bounded by the size limit.
  std::uint32_t time_budget_ms = 30000;
};

class Extractor {
 public:
  explicit Extractor(ProfileSet profiles, ExtractOptions options = {});

  // Runs every stage on `doc`. Returns false, with a reason for people in
  // *problem, when the record cannot be used at all.
  bool run(Document& doc, std::string* problem) const;

  const ProfileSet& profiles() const { return profiles_; }

 private:
  ProfileSet profiles_;
  ExtractOptions options_;
};

}  // namespace winnow
