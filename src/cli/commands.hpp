// The CLI's subcommands. Each registers its flags on a CLI11 app and returns
// the function that runs it; main() only dispatches.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <optional>

#include "winnow/dedup.hpp"
#include "winnow/diagnostics.hpp"
#include "winnow/extract.hpp"
#include "winnow/reader.hpp"

namespace winnow::cli {

// A message on stderr that never throws (stderr may be closed or full), its
// control characters escaped (a file name may hold any byte) but for the
// line's own final newline.
template <typename... Args>
void say(fmt::format_string<Args...> format, Args&&... args) {
  std::string message = fmt::format(format, std::forward<Args>(args)...);
  bool newline = !message.empty() && message.back() == '\n';
  if (newline) message.pop_back();
  write_message(stderr, printable(message) + (newline ? "\n" : ""));
}

// CLI11 check of a YYYY-MM-DD date (--night, index forget --before): a
// mistyped date must not forget a whole index, as "garbage" > every date.
inline std::string check_iso_date(const std::string& v) {
  bool ok = v.size() == 10 && v[4] == '-' && v[7] == '-';
  for (std::size_t i = 0; ok && i < v.size(); ++i) ok = i == 4 || i == 7 || (v[i] >= '0' && v[i] <= '9');
  ok = ok && v.substr(5, 2) >= "01" && v.substr(5, 2) <= "12" && v.substr(8, 2) >= "01" && v.substr(8, 2) <= "31";
  return ok ? std::string() : "a date YYYY-MM-DD, not " + v;
}

// Flags every subcommand that reads a corpus shares.
struct CorpusOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> profile_files;
  std::string output = "-";
  std::size_t jobs = 0;
  // The library's defaults, so that --help prints what the library does.
  std::uint64_t max_doc_bytes = ReaderOptions{}.max_doc_bytes;
  std::uint32_t time_budget_ms = ExtractOptions{}.time_budget_ms;
  bool quiet = false;
  bool progress = false, no_progress = false;  // force the progress line on or off
  bool stats = false;
  bool strict = false;                 // --strict: exit 1 if any record was skipped or repaired
  std::vector<std::string> fail_on;    // --fail-on: exit 1 if a record of one of these classes occurred
  std::vector<std::string> globs;
  std::string files_from;
  std::string input_format = "auto";
  JsonlFields jsonl;
  std::vector<std::string> keep_fields;  // --keep-fields: JSONL fields passed through to kept_fields
};
void add_corpus_options(CLI::App& app, CorpusOptions& options);

using Runner = std::function<int()>;
Runner add_extract_command(CLI::App& app);
Runner add_dedup_command(CLI::App& app);
// The engine's flags (--jaccard, --containment, --shingle-size, --num-perm,
// --keep), shared by `winnow dedup` and its stage subcommands.
void add_dedup_engine_options(CLI::App& app, DedupOptions& options, std::string& keep);
KeepPolicy keep_policy(const std::string& name);
// `winnow dedup shingle|templates|signature|buckets|cluster|filter` and
// `--stages DIR`: registers them on the dedup app; the returned runner
// gives nullopt when none of them was asked for.
std::function<std::optional<int>()> add_dedup_stage_commands(CLI::App& dedup, CorpusOptions& corpus,
                                                             DedupOptions& options, std::string& keep,
                                                             std::string& emit, std::string& format, bool& no_strip);
Runner add_profile_command(CLI::App& app);  // `profile learn`
Runner add_index_command(CLI::App& app);    // `index stats|show|export|forget|vacuum|check`

}  // namespace winnow::cli
