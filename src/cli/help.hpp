// What the CLI says before any command runs: help, versions, unknown
// commands, usage errors. See help.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace winnow::cli {

// After every command is registered: plain value names in --help (FORMAT,
// N, json|tsv|text, not CLI11's "TEXT:{json,tsv,text}" or "UINT:INT in
// [1 - 1024]"), and -V/--version on every command, not only the top level.
void finish_help(CLI::App& app, const std::string& version);

// Reads the command words of `args` (args[0] is the program) before CLI11
// does, and rewrites or refuses what CLI11 would answer badly:
//   winnow help [CMD...]     -> winnow [CMD...] --help
//   winnow frob              -> "winnow: unknown command frob; commands: ..." (exit 2)
//   winnow                   -> "winnow: a command is needed; commands: ..." (exit 2)
//   --fields "id, title"     -> --fields id,title (also --fail-on): spaces around commas dropped
// Returns false when it printed a usage error.
bool prepare_arguments(const CLI::App& app, std::vector<std::string>& args);

// A usage error as one line that names winnow, and where to look.
void report_usage_error(const CLI::App& app, const CLI::ParseError& error);

}  // namespace winnow::cli
