// Starting and ending a corpus run.
//
// A long run stopped by Ctrl-C, `timeout`, systemd, Slurm or a closed ssh
// session (SIGINT, SIGTERM, SIGHUP alike) should leave usable output and no
// debris: the handler only raises a flag and records the signal (atomic
// stores are all a signal handler may safely do), the reader looks at the
// flag before each record and while waiting on a pipe, the records in flight
// are finished and written whole, the -o temporary file is removed, and the
// command exits 128 + the signal (130, 143, 129). A second signal, for a run
// stuck where the flag is not looked at, unlinks the temporary file (its
// name published by the output sink; unlink(2) is async-signal-safe) and
// dies of the signal at once.
//
// Ctrl-C must end a run within a second, but a record may be inside a C
// library that never looks at the flag (Gumbo parsing a 60 MB page takes
// seconds). So a watchdog thread, started with the run, waits for the flag;
// if the run has not ended kGraceMs after it, the watchdog takes the output
// lock (no record is then half written), flushes stdout, removes the -o
// temporary file, says so and exits 128 + the signal itself. What was
// written is whole either way; only --stats is not printed on that path.
#include "corpus_run.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <mutex>
#include <thread>

namespace winnow::cli {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<const char*> g_temp_path{nullptr};
static_assert(std::atomic<bool>::is_always_lock_free, "the SIGINT handler needs a lock-free flag");
static_assert(std::atomic<const char*>::is_always_lock_free, "the SIGINT handler needs a lock-free pointer");

std::atomic<int> g_signal{0};
std::atomic<bool> g_run_over{false};
std::mutex g_output_mutex;
bool g_quiet = false;
constexpr auto kGraceMs = std::chrono::milliseconds(600);

void start_stop_watchdog() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::thread([] {
      while (!g_interrupted.load()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      auto deadline = std::chrono::steady_clock::now() + kGraceMs;
      while (!g_run_over.load() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (g_run_over.load()) return;
      std::lock_guard lock(g_output_mutex);  // held until _exit: no record starts after this
      std::fflush(stdout);
      if (const char* temp = g_temp_path.load()) unlink(temp);
      if (!g_quiet)
        say("winnow: interrupted; the record in progress was abandoned without waiting for it (the records "
            "written are whole)\n");
      _exit(interrupted_exit_code());
    }).detach();
  });
}
constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void on_stop_signal(int sig) {
  if (g_signal.exchange(sig) != 0) {  // the second one: clean up and die of it
    if (const char* temp = g_temp_path.load()) unlink(temp);
    signal(sig, SIG_DFL);
    raise(sig);  // blocked while in here: delivered, and fatal, on return
    return;
  }
  g_interrupted.store(true);
}

void install_stop_handlers() {
  struct sigaction sa = {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : kStopSignals) sigaddset(&sa.sa_mask, sig);
  // SA_RESTART: writes and reads interrupted by the signal carry on; the
  // reader polls pipes and sees the flag within 200 ms anyway.
  sa.sa_flags = SA_RESTART;
  for (int sig : kStopSignals) sigaction(sig, &sa, nullptr);
}

// `winnow extract` alone reads standard input; on a terminal that looks
// like a hang. Say what it waits for (not when --quiet).
void say_if_waiting_on_terminal(const std::vector<std::string>& inputs, const std::string& files_from) {
  if (!isatty(STDIN_FILENO)) return;
  if (files_from == "-")
    say("winnow: reading the list of inputs (--files-from -) from the terminal, one path per line; end it with "
        "Ctrl-D\n");
  else if (std::find(inputs.begin(), inputs.end(), "-") != inputs.end())
    say("winnow: reading one document from standard input, a terminal: paste it and end it with Ctrl-D (Ctrl-C to "
        "stop); or name files or directories (winnow help)\n");
}

// "https://...", "s3://...": scheme letters, then "://".
bool looks_like_url(const std::string& input) {
  std::size_t colon = input.find("://");
  if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(input[0]))) return false;
  return std::all_of(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// Whether standard output writes to the terminal standard error is on:
// records would then be printed onto the progress line.
bool stdout_shares_terminal() {
  struct stat out {}, err {};
  return isatty(STDOUT_FILENO) && isatty(STDERR_FILENO) && fstat(STDOUT_FILENO, &out) == 0 &&
         fstat(STDERR_FILENO, &err) == 0 && out.st_rdev == err.st_rdev;
}

// The progress line: on a terminal of its own by default (drawn in place,
// without escape sequences for TERM=dumb); --progress forces it, as lines
// where it cannot be redrawn; --no-progress or --quiet silences it.
ProgressStyle progress_style(const CorpusOptions& options) {
  if (options.no_progress) return ProgressStyle::Off;
  bool terminal = isatty(STDERR_FILENO);
  bool shared = stdout_shares_terminal();
  if (!options.progress && (options.quiet || !terminal || shared)) return ProgressStyle::Off;
  if (!terminal || shared) return ProgressStyle::Lines;
  const char* term = std::getenv("TERM");
  return term && std::string_view(term) == "dumb" ? ProgressStyle::Plain : ProgressStyle::Ansi;
}

InputKind input_kind(const std::string& name) {
  if (name == "doc") return InputKind::Document;
  if (name == "warc") return InputKind::Warc;
  if (name == "jsonl") return InputKind::Jsonl;
  return InputKind::Auto;
}

}  // namespace

bool interrupted() { return g_interrupted.load(); }

std::mutex& output_mutex() { return g_output_mutex; }

int interrupted_exit_code() {
  int sig = g_signal.load();
  return 128 + (sig == 0 ? SIGINT : sig);
}

void publish_temp_path(const char* path) { g_temp_path.store(path); }

std::unique_ptr<CorpusRun> start_corpus_run(const CorpusOptions& options, ExtractOptions extract) {
  extract.time_budget_ms = options.time_budget_ms;
  extract.cancel = &g_interrupted;  // Ctrl-C abandons the records in flight at their next poll
  auto run = std::make_unique<CorpusRun>();
  run->diagnostics.set_quiet(options.quiet);
  ProfileSet profiles = ProfileSet::builtin();
  try {
    for (auto& file : options.profile_files) profiles.add_file(file);
  } catch (const ProfileError& e) {
    say("winnow: {}\n", e.what());
    return nullptr;
  }
  run->extractor = std::make_unique<Extractor>(std::move(profiles), extract);
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty() && options.files_from.empty()) inputs.push_back("-");
  ReaderOptions reader_options;
  reader_options.max_doc_bytes = options.max_doc_bytes;
  reader_options.globs = options.globs;
  reader_options.files_from = options.files_from;
  reader_options.kind = input_kind(options.input_format);
  reader_options.jsonl = options.jsonl;
  reader_options.keep_fields = options.keep_fields;
  reader_options.stop = &g_interrupted;
  reader_options.defer_files = true;  // run_extraction() reads plain files on its worker threads
  install_stop_handlers();
  g_quiet = options.quiet;
  start_stop_watchdog();
  run->progress = std::make_unique<Progress>(stderr, progress_style(options));
  run->diagnostics.set_erase_line(run->progress->erase_sequence());
  if (!options.quiet) say_if_waiting_on_terminal(inputs, options.files_from);
  std::vector<std::string> urls;
  std::copy_if(inputs.begin(), inputs.end(), std::back_inserter(urls), looks_like_url);
  run->reader = std::make_unique<InputReader>(std::move(inputs), reader_options, run->diagnostics);
  std::error_code ec;
  for (auto& url : urls)  // refused as a missing file: say why
    if (!std::filesystem::exists(url, ec))
      say("winnow: {}: winnow reads files, it does not fetch URLs; fetch the page first (wget -O page.html URL) "
          "or crawl into a WARC (wget --warc-file=crawl URL) and give winnow the file\n",
          url);
  run->stats = options.stats;
  run->quiet = options.quiet;
  run->fail_on_repaired = options.strict;
  run->fail_on_any_skip = options.strict;
  for (auto& name : options.fail_on) {
    if (name == "repaired") run->fail_on_repaired = true;
    else if (name == "skipped") run->fail_on_any_skip = true;
    else if (auto c = skip_class_from_name(name)) run->fail_on_skips.push_back(*c);
  }
  return run;
}

void CorpusRun::finish() {
  g_run_over.store(true);  // the watchdog need not cut this run short
  progress->finish();
  if (interrupted() && !quiet) {
    if (writes_nothing_if_interrupted)
      say("winnow: interrupted after reading {} records; nothing written (verdicts on part of a corpus would "
          "mislead)\n",
          written);
    else
      say("winnow: interrupted after {} records; the records written are whole\n", written);
  }
  if (stats)
    say("{}\n", run_stats_json(*reader, diagnostics, written, progress->seconds(), interrupted()));
}

int close_output(OutputSink& out, const CorpusRun& run) {
  if (interrupted()) {
    out.abandon();
    return interrupted_exit_code();
  }
  const Diagnostics& d = run.diagnostics;
  if (d.fatal_count() > 0) {  // e.g. a named input missing: the old -o file stays as it was
    out.abandon();
    return kExitFatal;
  }
  if (!out.commit()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  bool fails = (run.fail_on_repaired && d.repaired_count() > 0) || (run.fail_on_any_skip && d.skipped_count() > 0);
  for (SkipClass c : run.fail_on_skips) fails = fails || d.skipped_count(c) > 0;
  return fails ? kExitFailOn : kExitOk;
}

}  // namespace winnow::cli
