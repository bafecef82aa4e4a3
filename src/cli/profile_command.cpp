// `winnow profile learn`: a site profile from a sample of the site's pages.
//
// Reads the pages as `extract` does (every input kind, in order, on -j
// threads), keeps each page's blocks, feeds them to the library's
// TemplateLearner (include/winnow/profile_learn.hpp) and writes the profile
// JSON, which `--profile` reads. The command only wires the pieces.
#include <fmt/format.h>

#include "commands.hpp"
#include "corpus_run.hpp"
#include "output_sink.hpp"
#include "winnow/pipeline.hpp"
#include "winnow/profile_learn.hpp"

namespace winnow::cli {
namespace {

struct LearnFlags {
  CorpusOptions corpus;
  LearnOptions learn;
};

int run_learn(const LearnFlags& flags) {
  ExtractOptions extract;
  extract.keep_blocks = true;
  extract.metadata = false;
  auto run = start_corpus_run(flags.corpus, extract);
  if (!run) return kExitUsage;
  OutputSink out(flags.corpus.output);
  if (!out.ok()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  TemplateLearner learner(flags.learn);
  run_extraction(
      *run->reader, *run->extractor, run->diagnostics, PipelineOptions{flags.corpus.jobs, 0, nullptr},
      [](const Document&) { return std::string(); },
      [&](Document& doc, std::string&) {
        learner.add(doc);
        run->record_written();
        return true;
      });
  run->finish();
  if (!interrupted() && run->diagnostics.fatal_count() == 0) {  // a named input missing: exit 3, nothing written
    if (learner.pages() < flags.learn.min_pages) {
      say("winnow: profile learn: {} page(s) read; a template needs at least {} (--min-pages); nothing written\n",
          learner.pages(), flags.learn.min_pages);
      out.abandon();  // an -o file keeps what it held
      return kExitUsage;
    }
    if (out.write_line(learner.profile_json()) && !flags.corpus.quiet)
      say("winnow: profile learn: {} template lines from {} pages\n", learner.template_lines().size(), learner.pages());
  }
  return close_output(out, *run);
}

}  // namespace

Runner add_profile_command(CLI::App& app) {
  app.require_subcommand(1);
  auto* learn = app.add_subcommand("learn",
                                   "Learn a site profile (its template lines) from a sample of the site's pages; "
                                   "use it with --profile");
  auto flags = std::make_shared<LearnFlags>();
  add_corpus_options(*learn, flags->corpus);
  const LearnOptions defaults;
  learn->add_option("--name", flags->learn.name, fmt::format("The profile's name [default: {}]", defaults.name));
  learn->add_option("--min-share", flags->learn.min_share,
                    fmt::format("A template line is on at least this share of the pages [default: {}]",
                                defaults.min_share))
      ->check(CLI::Range(0.0, 1.0));
  learn->add_option("--min-pages", flags->learn.min_pages,
                    fmt::format("... and on at least this many pages [default: {}]", defaults.min_pages))
      ->check(CLI::PositiveNumber);
  return [flags]() { return run_learn(*flags); };
}

}  // namespace winnow::cli
