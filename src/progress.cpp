// Progress line and run statistics.
//
// The problem: a run over a large corpus is silent for minutes, and a person
// wants to know it is alive, how fast it goes and when it ends; a script wants
// none of that on stderr, but the final numbers in a form it can parse.
//
// The method: update() is called by the single in-order writer after each
// record, reads one clock, and redraws only if 250 ms have passed since the
// last draw, so its cost per record is a clock read and a compare. Rates are
// averages since the start (a moving average jumps around with record sizes
// and says little more). The figures come from the reader's atomic counters,
// which the reading thread updates per record; a progress line may be a
// record behind, which nobody can see. ETA is elapsed x (1 - f) / f on the
// reader's fraction done, shown once 1% is done and a second has passed.
// How the line is drawn depends on where it goes (ProgressStyle, chosen by
// the CLI): in place with "\r" and "\033[K" on a terminal; in place with
// "\r" and spaces on TERM=dumb, which knows no escape sequences; as whole
// lines, a few a minute, into a log or onto a terminal that the records
// are printed on too, since a line redrawn in place there would be written
// over by the records (and by default it is not drawn there at all).
//
// The cost: nothing measurable; the line is at most one write(2) every 250 ms.
#include "winnow/progress.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <sys/resource.h>

#include <cmath>
#include <fmt/format.h>

namespace winnow {

Progress::Progress(std::FILE* out, ProgressStyle style)
    : out_(out), style_(style), start_(std::chrono::steady_clock::now()), last_(start_) {}

namespace {
constexpr std::size_t kPlainColumns = 79;  // a dumb terminal's line, less the cursor
}

std::string Progress::erase_sequence() const {
  switch (style_) {
    case ProgressStyle::Ansi: return "\r\033[K";
    case ProgressStyle::Plain: return "\r" + std::string(kPlainColumns, ' ') + "\r";
    case ProgressStyle::Lines:
    case ProgressStyle::Off: break;
  }
  return "";
}

Progress::~Progress() { finish(); }

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

namespace {

std::string duration_text(double s) {
  auto t = static_cast<long long>(std::llround(s));
  if (t >= 3600) return fmt::format("{}h{:02}m", t / 3600, t / 60 % 60);
  if (t >= 60) return fmt::format("{}m{:02}s", t / 60, t % 60);
  return fmt::format("{}s", t);
}

}  // namespace

void Progress::update(const InputReader& reader, const Diagnostics& diagnostics, std::uint64_t documents) {
  if (style_ == ProgressStyle::Off) return;
  auto now = std::chrono::steady_clock::now();
  // Lines stay in a log: the first after a second, then one every 5 s.
  auto interval = style_ != ProgressStyle::Lines ? std::chrono::milliseconds(250)
                  : lines_ == 0                  ? std::chrono::milliseconds(1000)
                                                 : std::chrono::milliseconds(5000);
  if (now - last_ < interval) return;
  last_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  const ReaderStats& st = reader.stats();
  double mb = double(st.raw_bytes.load()) / 1e6;
  std::string line = fmt::format("winnow: {} documents, {:.1f} MB/s, {} skipped, {} passed over", documents,
                                 elapsed > 0 ? mb / elapsed : 0.0, diagnostics.skipped_count(), st.filtered.load());
  if (auto f = reader.fraction_done()) {
    line += fmt::format(", {:.0f}%", *f * 100);
    if (*f >= 0.01 && elapsed >= 1) line += fmt::format(", ETA {}", duration_text(elapsed * (1 - *f) / *f));
  }
  if (style_ == ProgressStyle::Lines) {
    write_message(out_, line + "\n");
    std::fflush(out_);
    ++lines_;
    return;  // nothing to erase
  }
  if (style_ == ProgressStyle::Plain) {  // spaces, not "\033[K", clear what a longer line left
    line.resize(kPlainColumns, ' ');
    write_message(out_, "\r" + line);
  } else {
    write_message(out_, fmt::format("\r{}\033[K", line));
  }
  std::fflush(out_);
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  write_message(out_, erase_sequence());
  std::fflush(out_);
  drawn_ = false;
}

std::string run_stats_json(const InputReader& reader, const Diagnostics& diagnostics, std::uint64_t documents,
                           double seconds, bool interrupted) {
  const ReaderStats& st = reader.stats();
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto rounded = [&](double x) { w.Double(std::round(x * 100.0) / 100.0); };
  w.StartObject();
  w.Key("documents"), w.Uint64(documents);
  w.Key("skipped"), w.Uint64(diagnostics.skipped_count());
  w.Key("skipped_by_reason");
  w.StartObject();
  for (std::size_t c = 0; c < kSkipClasses; ++c)
    if (std::size_t n = diagnostics.skipped_count(static_cast<SkipClass>(c)); n > 0)
      w.Key(skip_class_name(static_cast<SkipClass>(c)).data()), w.Uint64(n);
  w.EndObject();
  w.Key("repaired"), w.Uint64(diagnostics.repaired_count());
  w.Key("fatal"), w.Uint64(diagnostics.fatal_count());
  w.Key("filtered"), w.Uint64(st.filtered.load());
  w.Key("filtered_by_reason");
  w.StartObject();
  for (auto& [reason, n] : st.filtered_by_reason) w.Key(reason.c_str()), w.Uint64(n);
  w.EndObject();
  w.Key("walk_skipped_by_reason");
  w.StartObject();
  for (auto& [reason, n] : st.walk_skipped_by_reason) w.Key(reason.c_str()), w.Uint64(n);
  w.EndObject();
  w.Key("files"), w.Uint64(st.files.load());
  w.Key("records_read"), w.Uint64(st.records.load());
  w.Key("bytes_read"), w.Uint64(st.raw_bytes.load());
  w.Key("seconds"), rounded(seconds);
  w.Key("docs_per_s"), rounded(seconds > 0 ? double(documents) / seconds : 0.0);
  w.Key("mb_per_s"), rounded(seconds > 0 ? double(st.raw_bytes.load()) / 1e6 / seconds : 0.0);
  // CPU time of the whole process, and of reading (one thread, in order):
  // their ratio bounds the speed-up of more threads whatever the load.
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  w.Key("cpu_seconds"), rounded(secs(usage.ru_utime) + secs(usage.ru_stime));
  w.Key("read_seconds"), rounded(double(st.read_ns.load()) / 1e9);
  w.Key("interrupted"), w.Bool(interrupted);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace winnow
