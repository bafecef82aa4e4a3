// Reporting bad inputs: one line per problem, "winnow: INPUT: REASON", so a
// person can grep a long run's stderr for the file, and a script can count;
// each skip also counted by its class for --stats and --fail-on.
#include "winnow/diagnostics.hpp"

#include <fmt/format.h>

#include "winnow/decode.hpp"

namespace winnow {
namespace {

constexpr std::string_view kClassNames[kSkipClasses] = {"empty",     "no-article",  "binary",
                                                        "undecodable", "too-large", "time-budget",
                                                        "corrupt",   "unreadable",  "not-a-file", "not-a-document",
                                                        "out-of-memory"};

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

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (c == '\n') { out += "\\n"; ++i; continue; }
    if (c == '\t') { out += "\\t"; ++i; continue; }
    if (c == '\r') { out += "\\r"; ++i; continue; }
    if (c < 0x80) {  // other C0, DEL
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    // A multi-byte character: kept when valid, except the C1 controls
    // (U+0080-U+009F, which some terminals obey); each invalid byte escaped.
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::string_view one = text.substr(i, len);
    if (len > 1 && one.size() == len && is_valid_utf8(one)) {
      if (c == 0xC2 && static_cast<unsigned char>(one[1]) < 0xA0)
        out += fmt::format("\\u{:04x}", static_cast<unsigned char>(one[1]));
      else
        out += one;
      i += len;
      continue;
    }
    out += fmt::format("\\x{:02x}", c);
    ++i;
  }
  return out;
}

// The message with no allocation at all, for when memory ran out: control
// bytes escaped one at a time through a stack buffer.
void write_unallocated(std::FILE* sink, std::string_view text) noexcept {
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7f) {
      std::fputc(c, sink);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      std::fputs(buf, sink);
    }
  }
}

void Diagnostics::print(std::string_view input, std::string_view reason, bool even_if_quiet) {
  if ((quiet_ && !even_if_quiet) || sink_ == nullptr) return;
  try {
    std::string line =
        fmt::format("{}winnow: {}: {}\n", erase_line_, printable(input), printable(reason));
    std::lock_guard lock(mutex_);
    write_message(sink_, line);
  } catch (const std::bad_alloc&) {  // a record ran out of memory, and so would its message
    std::lock_guard lock(mutex_);
    std::fputs("winnow: ", sink_);
    write_unallocated(sink_, input);
    std::fputs(": ", sink_);
    write_unallocated(sink_, reason);
    std::fputc('\n', sink_);
    std::fflush(sink_);
  }
}

void Diagnostics::skipped(std::string_view input, std::string_view reason, SkipClass why) {
  ++skipped_;
  ++by_class_[static_cast<std::size_t>(why)];
  try {
    print(input, fmt::format("{} (skipped)", reason));
  } catch (const std::bad_alloc&) {
    print(input, reason);
  }
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
