// The extraction line for one record: decode -> parse -> classify -> metadata.
//
// From examples/clean_page.cpp (one page, the record `winnow extract PAGE` prints):
//
//   winnow::Document doc;
//   doc.id = argv[1];
//   doc.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
//   winnow::Extractor extractor(winnow::ProfileSet::builtin());
//   std::string problem;
//   if (!extractor.run(doc, &problem)) { ... problem says why, for people ... }
//   std::printf("%s\n", winnow::document_json(doc).c_str());  // doc.text: the clean article alone
//
// An Extractor holds only read-only state after construction (profiles,
// compiled patterns), so one instance may serve all worker threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "winnow/diagnostics.hpp"
#include "winnow/document.hpp"
#include "winnow/metadata.hpp"
#include "winnow/profiles.hpp"

namespace winnow {

struct ExtractOptions {
  bool keep_blocks = false;  // keep doc.blocks after extraction
  bool strip = true;         // false: doc.text is the whole decoded input, no cleaning or metadata
  bool metadata = true;      // false: skip the metadata extractors (for benchmarks)
  MetadataParts metadata_parts;  // speakers and figures only when the output carries them
  // Wall-clock budget per document, checked between stages and polled inside
  // their loops (src/deadline.hpp): a record that overruns it is skipped, so
  // one pathological page cannot stall a batch. 0: no budget.
  std::uint32_t time_budget_ms = 30000;
  // When set and raised (a SIGINT handler's flag), the record in progress
  // is abandoned at its next poll: run() returns false with the problem
  // Extractor::kInterrupted.
  const std::atomic<bool>* cancel = nullptr;
};

namespace detail {
class Budget;
}

class Extractor {
 public:
  explicit Extractor(ProfileSet profiles, ExtractOptions options = {});

  // Runs every stage on `doc`. Returns false, with a reason for people in
  // *problem, when the record cannot be used at all.
  bool run(Document& doc, std::string* problem) const;

  const ProfileSet& profiles() const { return profiles_; }

  // The problem of a record abandoned because ExtractOptions::cancel was raised.
  static constexpr std::string_view kInterrupted = "interrupted";
  // The class (--stats' skipped_by_reason, --fail-on) of a problem run() gave.
  static SkipClass skip_class(std::string_view problem);

 private:
  bool run_stages(Document& doc, const detail::Budget& budget, const char*& stage, std::string* problem) const;

  ProfileSet profiles_;
  ExtractOptions options_;
};

}  // namespace winnow
