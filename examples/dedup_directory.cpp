// Example: find the near-duplicates in a directory with the library.
//
//   dedup_directory DIR    prints one line per group, as `winnow dedup --emit groups DIR` does
//
// The dedup line (winnow/dedup.hpp) is the code `winnow dedup` runs: the
// reader walks DIR (sorted, recursively; WARC, JSONL or one page per file),
// the extraction line cleans each record on all cores, its shingles go to
// the engine, and finish() groups them. Problems with inputs are reported on
// stderr by the Diagnostics, one line each.
#include <cstdio>
#include <string>
#include <string_view>

#include "winnow/dedup.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: dedup_directory DIR\n");
    return 2;
  }
  winnow::Diagnostics diagnostics;
  winnow::ExtractOptions extract;
  extract.metadata_parts = {false, false};  // grouping needs no speakers or figures
  winnow::Extractor extractor(winnow::ProfileSet::builtin(), extract);
  winnow::InputReader reader({argv[1]}, winnow::ReaderOptions{}, diagnostics);

  winnow::DedupLine line(winnow::DedupOptions{});  // defaults: jaccard or containment 0.8, 5-word shingles
  line.read(reader, extractor, diagnostics, /*jobs: all cores*/ 0);
  winnow::DedupResult result = line.finish();
  winnow::write_dedup_report(result, winnow::DedupEmit::Groups, [](std::string_view group) {
    return std::printf("%.*s\n", static_cast<int>(group.size()), group.data()) >= 0;
  });
  return diagnostics.fatal_count() > 0 ? 3 : 0;  // 3: a named input missing (the CLI's exit table)
}
