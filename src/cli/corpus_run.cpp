#include "corpus_run.hpp"

#include <fmt/format.h>

namespace winnow::cli {

std::unique_ptr<CorpusRun> start_corpus_run(const CorpusOptions& options, ExtractOptions extract) {
  auto run = std::make_unique<CorpusRun>();
  run->diagnostics.set_quiet(options.quiet);
  ProfileSet profiles = ProfileSet::builtin();
  try {
    for (auto& file : options.profile_files) profiles.add_file(file);
  } catch (const ProfileError& e) {
    fmt::print(stderr, "winnow: {}\n", e.what());
    return nullptr;
  }
  run->extractor = std::make_unique<Extractor>(std::move(profiles), extract);
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  ReaderOptions reader_options;
  reader_options.max_doc_bytes = options.max_doc_bytes;
  run->reader = std::make_unique<InputReader>(std::move(inputs), reader_options, run->diagnostics);
  return run;
}

}  // namespace winnow::cli
