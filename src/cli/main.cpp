// winnow: clean scraped web corpora. main() parses flags and dispatches.
#include <fcntl.h>

#include <csignal>
#include <cstdio>
#include <fmt/format.h>

#include "commands.hpp"
#include "help.hpp"
#include "winnow/diagnostics.hpp"

int main(int argc, char** argv) {
  // A descriptor 0-2 closed by the caller (`2>&-`) would be handed to the
  // first file opened, and messages written into the output: fill the gap.
  for (int fd = 0; fd <= 2; ++fd)
    if (fcntl(fd, F_GETFD) == -1 && open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) < 0) return winnow::kExitFatal;
  // A closed pipe shows up as EPIPE on write, handled as a quiet end.
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app{"winnow: strip boilerplate from scraped pages, extract their metadata, find near-duplicates.\n"
               "See man winnow for output fields and exit codes.",
               "winnow"};
  const std::string version = fmt::format("winnow {}", WINNOW_VERSION);
  app.set_version_flag("-V,--version", version);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 the run completed (repaired and skipped records are named on stderr and counted in "
             "--stats, not failed), 1 only with --strict or --fail-on=CLASSES when such a record occurred, 2 usage "
             "error, 3 fatal (a named input missing or unreadable: nothing read; the output cannot be written; an -o "
             "file is left untouched; a foreign, damaged, read-only or full --index: the index unchanged), 4 the --index is busy "
             "(another run held it past --wait), 130/143/129 interrupted by SIGINT/SIGTERM/SIGHUP (records before the one in "
             "flight written whole, -o temporary file removed; a second signal kills at once).");

  auto* extract = app.add_subcommand("extract", "Clean each document and print its article and metadata (JSONL)");
  auto run_extract = winnow::cli::add_extract_command(*extract);
  auto* dedup = app.add_subcommand("dedup", "Clean each document, then find near-duplicates and their originals");
  auto run_dedup = winnow::cli::add_dedup_command(*dedup);
  auto* profile = app.add_subcommand("profile", "Site profiles: learn one from a sample of a site's pages");
  auto run_profile = winnow::cli::add_profile_command(*profile);
  auto* index = app.add_subcommand("index", "The nightly dedup index (dedup --index): stats, show, export, forget, vacuum, check");
  auto run_index = winnow::cli::add_index_command(*index);
  // Listed in --help; prepare_arguments() turns `help CMD` into `CMD --help`.
  app.add_subcommand("help", "Show the options of winnow or of a command: winnow help [COMMAND...]");
  winnow::cli::finish_help(app, version);

  std::vector<std::string> args(argv, argv + argc);
  if (!winnow::cli::prepare_arguments(app, args)) return winnow::kExitUsage;
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 takes them last first
    app.parse(reversed);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    winnow::cli::report_usage_error(app, e);
    return winnow::kExitUsage;
  }
  try {
    if (extract->parsed()) return run_extract();
    if (dedup->parsed()) return run_dedup();
    if (profile->parsed()) return run_profile();
    if (index->parsed()) return run_index();
  } catch (const std::exception& e) {
    winnow::cli::say("winnow: {}\n", e.what());
    return winnow::kExitFatal;
  }
  return winnow::kExitUsage;
}
