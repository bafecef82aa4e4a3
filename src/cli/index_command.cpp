// `winnow index stats|show|export|forget|vacuum|check FILE`: the nightly
// index for the people who run it. The command only wires flags to
// winnow::DedupIndex (winnow/index.hpp, src/index/index_admin.cpp); every
// failure is one line on stderr and the exit code IndexError carries.
#include <fmt/format.h>

#include "commands.hpp"
#include "output_sink.hpp"
#include "winnow/index.hpp"

namespace winnow::cli {
namespace {

struct IndexFlags {
  std::string file;
  std::string id;
  std::string before;
  std::string output = "-";
  double wait_seconds = IndexOpenOptions{}.wait_seconds;
};

int with_index(const IndexFlags& flags, bool read_only, const std::function<int(DedupIndex&, OutputSink&)>& body) {
  OutputSink out(flags.output);
  if (!out.ok()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  try {
    IndexOpenOptions open;
    open.read_only = read_only;
    open.wait_seconds = flags.wait_seconds;
    DedupIndex index(flags.file, nullptr, open);
    const int code = body(index, out);
    if (code != kExitOk) {
      out.commit();
      return code;
    }
  } catch (const IndexError& e) {
    out.abandon();
    say("winnow: {}\n", e.what());
    return e.exit_code();
  }
  if (!out.commit()) {
    say("winnow: {}\n", out.error());
    return kExitFatal;
  }
  return kExitOk;
}

CLI::App* file_command(CLI::App& app, const char* name, const char* help, IndexFlags& flags) {
  auto* sub = app.add_subcommand(name, help);
  sub->add_option("FILE", flags.file, "The index (an SQLite file written by winnow dedup --index)")->required();
  sub->add_option("--wait", flags.wait_seconds,
                  fmt::format("Seconds to wait for a run holding the index, then exit 4 [{}]",
                              IndexOpenOptions{}.wait_seconds))
      ->check(CLI::Range(0.0, 86400.0));
  return sub;
}

}  // namespace

Runner add_index_command(CLI::App& app) {
  auto flags = std::make_shared<IndexFlags>();
  app.require_subcommand(1);
  auto* stats = file_command(app, "stats", "Documents, groups, nights and size, as JSON", *flags);
  auto* show = file_command(app, "show", "One document: its group, original and first-seen date, as JSON", *flags);
  show->add_option("ID", flags->id, "The document's id")->required();
  auto* exported = file_command(app, "export", "Every document with its original, one JSON line each", *flags);
  exported->add_option("-o,--output", flags->output, "Write to FILE (atomically) instead of stdout");
  auto* forget = file_command(app, "forget", "Drop the documents last seen before DATE, with their frequencies", *flags);
  forget->add_option("--before", flags->before, "YYYY-MM-DD: documents last seen before this day go")
      ->required()
      ->check(check_iso_date);
  auto* vacuum = file_command(app, "vacuum", "Give the space of dropped documents back to the file system", *flags);
  auto* check = file_command(app, "check", "SQLite's integrity check and the index's own; exit 3 if damaged", *flags);
  return [=]() -> int {
    const IndexFlags& f = *flags;
    auto line = [](OutputSink& out, const std::string& text) { out.write_line(text); };
    if (stats->parsed())
      return with_index(f, true, [&](DedupIndex& index, OutputSink& out) -> int { line(out, index.stats_json()); return kExitOk; });
    if (show->parsed())
      return with_index(f, true, [&](DedupIndex& index, OutputSink& out) -> int {
        auto json = index.show_json(f.id);
        if (!json) {
          say("winnow: index {}: no document {}\n", f.file, f.id);
          return kExitFatal;
        }
        line(out, *json);
        return kExitOk;
      });
    if (exported->parsed())
      return with_index(f, true, [&](DedupIndex& index, OutputSink& out) -> int {
        index.export_jsonl([&](std::string_view l) { return out.write_line(l); });
        return kExitOk;
      });
    if (forget->parsed())
      return with_index(f, false, [&](DedupIndex& index, OutputSink& out) -> int {
        line(out, fmt::format("{{\"forgotten\":{}}}", index.forget_before(f.before)));
        return kExitOk;
      });
    if (vacuum->parsed())
      return with_index(f, false, [&](DedupIndex& index, OutputSink&) -> int { index.vacuum(); return kExitOk; });
    if (check->parsed())
      return with_index(f, true, [&](DedupIndex& index, OutputSink& out) -> int {
        const std::vector<std::string> problems = index.check();
        for (const std::string& p : problems) say("winnow: index {}: {}\n", f.file, p);
        line(out, fmt::format("{{\"ok\":{},\"problems\":{}}}", problems.empty() ? "true" : "false", problems.size()));
        return problems.empty() ? kExitOk : kExitFatal;
      });
    return kExitUsage;
  };
}

}  // namespace winnow::cli
