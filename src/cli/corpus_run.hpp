// Shared plumbing of the corpus commands: profiles, reader, diagnostics.
#pragma once

#include <memory>
#include <optional>

#include "commands.hpp"
#include "winnow/diagnostics.hpp"
#include "winnow/extract.hpp"
#include "winnow/reader.hpp"

namespace winnow::cli {

struct CorpusRun {
  Diagnostics diagnostics{stderr};
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<InputReader> reader;
};

// Builds the run, or prints why not and returns nullopt (a usage error).
std::unique_ptr<CorpusRun> start_corpus_run(const CorpusOptions& options, ExtractOptions extract = {});

}  // namespace winnow::cli
