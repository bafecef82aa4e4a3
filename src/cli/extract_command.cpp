// `winnow extract`: one JSON record (or the clean text) per input document.
#include <fmt/format.h>

#include "commands.hpp"
#include "corpus_run.hpp"
#include "output_sink.hpp"
#include "winnow/output.hpp"
#include "winnow/pipeline.hpp"

namespace winnow::cli {

Runner add_extract_command(CLI::App& app) {
  auto options = std::make_shared<CorpusOptions>();
  auto format = std::make_shared<std::string>("json");
  add_corpus_options(app, *options);
  app.add_option("-f,--format", *format, "json: one JSON object per document per line; text: the clean article only,"
                                         " documents separated by a blank line")
      ->check(CLI::IsMember({"json", "text"}));
  return [options, format]() -> int {
    auto run = start_corpus_run(*options);
    if (!run) return kExitUsage;
    OutputSink out(options->output);
    if (!out.ok()) {
      fmt::print(stderr, "winnow: {}\n", out.error());
      return kExitFatal;
    }
    bool text = *format == "text";
    bool first = true;
    run_extraction(*run->reader, *run->extractor, run->diagnostics, {.jobs = options->jobs},
                   [&](Document& doc) {
                     if (!text) return out.write_line(document_json(doc));
                     if (!first && !out.write_line("")) return false;
                     first = false;
                     return out.write_line(doc.text);
                   });
    if (!out.commit()) {
      fmt::print(stderr, "winnow: {}\n", out.error());
      return kExitFatal;
    }
    if (out.closed()) return kExitOk;
    return run->diagnostics.exit_code();
  };
}

}  // namespace winnow::cli
