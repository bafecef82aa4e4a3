// Reporting bad inputs: one line per problem, "winnow: INPUT: REASON", so a
// person can grep a long run's stderr for the file, and a script can count.
#include "winnow/diagnostics.hpp"

#include <fmt/format.h>

namespace winnow {

void write_message(std::FILE* sink, std::string_view text) noexcept {
  if (sink == nullptr) return;
  std::fwrite(text.data(), 1, text.size(), sink);  // a failed report is dropped: nowhere to report it
  std::fflush(sink);
}

void Diagnostics::print(std::string_view input, std::string_view reason) {
  if (quiet_ || sink_ == nullptr) return;
  std::string line = fmt::format("{}winnow: {}: {}\n", erase_line_ ? "\r\033[K" : "", input, reason);
  std::lock_guard lock(mutex_);
  write_message(sink_, line);
}

void Diagnostics::skipped(std::string_view input, std::string_view reason) {
  ++skipped_;
  print(input, fmt::format("{} (skipped)", reason));
}

void Diagnostics::repaired(std::string_view input, std::string_view reason) {
  ++repaired_;
  print(input, reason);
}

}  // namespace winnow
