// Reporting bad inputs: one line per problem, "winnow: INPUT: REASON", so a
// person can grep a long run's stderr for the file, and a script can count;
// each skip also counted by its class for --stats and --fail-on.
#include "winnow/diagnostics.hpp"

#include <fmt/format.h>

namespace winnow {
namespace {

constexpr std::string_view kClassNames[kSkipClasses] = {"empty",     "no-article",  "binary",
                                                        "undecodable", "too-large", "time-budget",
                                                        "corrupt",   "unreadable",  "not-a-file", "not-a-document"};

}  // namespace

std::string_view skip_class_name(SkipClass c) { return kClassNames[static_cast<std::size_t>(c)]; }

std::optional<SkipClass> skip_class_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kSkipClasses; ++i)
    if (kClassNames[i] == name) return static_cast<SkipClass>(i);
  return std::nullopt;
}

void write_message(std::FILE* sink, std::string_view text) noexcept {
  if (sink == nullptr) return;
  std::fwrite(text.data(), 1, text.size(), sink);  // a failed report is dropped: nowhere to report it
  std::fflush(sink);
}

void Diagnostics::print(std::string_view input, std::string_view reason, bool even_if_quiet) {
  if ((quiet_ && !even_if_quiet) || sink_ == nullptr) return;
  std::string line = fmt::format("{}winnow: {}: {}\n", erase_line_ ? "\r\033[K" : "", input, reason);
  std::lock_guard lock(mutex_);
  write_message(sink_, line);
}

void Diagnostics::skipped(std::string_view input, std::string_view reason, SkipClass why) {
  ++skipped_;
  ++by_class_[static_cast<std::size_t>(why)];
  print(input, fmt::format("{} (skipped)", reason));
}

void Diagnostics::repaired(std::string_view input, std::string_view reason) {
  ++repaired_;
  print(input, reason);
}

void Diagnostics::fatal(std::string_view input, std::string_view reason) {
  ++fatal_;
  // -q silences warnings, not the reason a run failed.
  print(input, fmt::format("{} (fatal: nothing read, no output written)", reason), /*even_if_quiet=*/true);
}

}  // namespace winnow
