// The first things a newcomer types, answered plainly.
//
// The problem: CLI11 answers `winnow help` and `winnow frob` alike with "A
// subcommand is required", prints its own type names in --help
// ("UINT:INT in [1 - 1024]", "TEXT:{auto,doc,warc,jsonl}"), knows
// --version at the top level only, writes usage errors without saying which
// program wrote them, and takes `--fields "id, title"` as the fields "id" and
// " title".
//
// The method: two passes around CLI11 rather than a fork of its formatter.
// Before parsing, prepare_arguments() walks the command words against the
// registered subcommands (so a command added in main.cpp is known here with
// no table to update): `help WORDS` becomes `WORDS --help`, an unknown word
// where a command belongs is refused with the list, and the values of the
// comma-list options lose the spaces around their commas. After the
// commands are registered, finish_help() gives every option a plain value
// name: the set of values when a validator restricts them (json|tsv|text),
// else a name from kValueNames (FILE, N, PATTERN...), else one from the
// value's type (N for integers, X for fractions); the man page uses the
// same names. Errors are "winnow: WHAT" and "winnow: see winnow CMD --help".
//
// The cost: a walk over the arguments and the options, once per run.
#include "help.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "commands.hpp"

namespace winnow::cli {
namespace {

// Value names by long option name; an option missing here is named by its
// validator's set of values or its type.
const std::map<std::string, std::string> kValueNames = {
    {"output", "FILE"},          {"jobs", "N"},          {"glob", "PATTERN"},          {"files-from", "LIST"},
    {"jsonl-id-field", "NAME"},  {"jsonl-url-field", "NAME"}, {"jsonl-text-field", "NAME"}, {"profile", "FILE"},
    {"max-doc-bytes", "N"},      {"time-budget-ms", "MS"}, {"fail-on", "CLASSES"},     {"fields", "LIST"},
    {"jaccard", "X"},            {"containment", "X"},   {"shingle-size", "K"},        {"num-perm", "N"},
    {"name", "NAME"},            {"min-share", "X"},     {"min-pages", "N"},           {"inputs", "INPUT..."},
    {"keep-fields", "FIELD,..."}, {"index", "FILE"},         {"stages", "DIR"},            {"shards", "N"},         {"night", "DATE"},            {"before", "DATE"},
};

// Options whose value is a comma-separated list.
constexpr std::string_view kListOptions[] = {"--fields", "--fail-on"};

std::string plain_value_name(const CLI::Option& option) {
  std::string name = option.get_single_name();
  if (auto it = kValueNames.find(name); it != kValueNames.end()) return it->second;
  std::string type = option.get_type_name();  // "TEXT:{json,tsv,text}", "UINT:INT in [1 - 1024]", "FLOAT"
  auto open = type.find('{'), close = type.rfind('}');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    std::string values = type.substr(open + 1, close - open - 1);
    std::replace(values.begin(), values.end(), ',', '|');
    return values;
  }
  std::string base = type.substr(0, type.find(':'));
  if (base == "UINT" || base == "INT") return "N";
  if (base == "FLOAT") return "X";
  if (type.find("FILE") != std::string::npos) return "FILE";
  return "VALUE";
}

void name_values(CLI::App& app, const std::string& version) {
  if (app.get_parent() != nullptr) app.set_version_flag("-V,--version", version);
  for (CLI::Option* option : app.get_options())
    if (option->get_expected_max() != 0 && option->get_option_text().empty())  // not a flag
      option->option_text(plain_value_name(*option));
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) name_values(*sub, version);
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

const CLI::App* find_command(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->check_name(word)) return sub;
  return nullptr;
}

// "id, title" -> "id,title"
std::string without_spaces_around_commas(const std::string& list) {
  std::string out;
  for (char c : list) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ',') out += c;  // kept only inside an item, for now
      continue;
    }
    if (c == ',')
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

}  // namespace

void finish_help(CLI::App& app, const std::string& version) { name_values(app, version); }

namespace {
bool takes_inputs(const CLI::App& app) {
  for (const CLI::Option* option : app.get_options())
    if (!option->nonpositional()) return true;
  return false;
}
}  // namespace

bool prepare_arguments(const CLI::App& app, std::vector<std::string>& args) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    for (std::string_view option : kListOptions) {
      if (args[i] == option && i + 1 < args.size()) args[i + 1] = without_spaces_around_commas(args[i + 1]);
      else if (args[i].starts_with(std::string(option) + "="))
        args[i] = std::string(option) + "=" + without_spaces_around_commas(args[i].substr(option.size() + 1));
    }
  }
  // The command words: each must name a subcommand of the one before.
  const CLI::App* at = &app;
  std::string path = "winnow";
  bool help = false;
  std::size_t i = 1;
  if (i < args.size() && args[i] == "help") {  // `winnow help [CMD...]` is `winnow [CMD...] --help`
    help = true;
    args.erase(args.begin() + 1);
  }
  for (; i < args.size(); ++i) {
    std::vector<std::string> names = command_names(*at);
    if (names.empty() || args[i].starts_with("-")) break;
    const CLI::App* next = find_command(*at, args[i]);
    // A command with both subcommands and inputs (`winnow dedup shingle`,
    // `winnow dedup DIR`): a word that names no subcommand is an input.
    if (!next && takes_inputs(*at)) break;
    if (!next) {
      say("winnow: unknown command {}{}; the commands{} are: {} (winnow help COMMAND shows its options)\n",
          path == "winnow" ? "" : path.substr(7) + " ", args[i], path == "winnow" ? "" : " of " + path,
          fmt::join(names, ", "));
      return false;
    }
    at = next;
    path += " " + args[i];
  }
  if (help) {
    args.insert(args.begin() + static_cast<std::ptrdiff_t>(i), "--help");
    return true;
  }
  // A command that needs a subcommand and got none (`winnow`, `winnow profile`).
  // (With options after it, CLI11 names what is wrong with them.)
  if (at->get_require_subcommand_min() > 0 && i >= args.size()) {
    say("winnow: {} needs a command: {} (winnow help {}shows them all)\n", path, fmt::join(command_names(*at), ", "),
        path == "winnow" ? "" : path.substr(7) + " ");
    return false;
  }
  return true;
}

void report_usage_error(const CLI::App& app, const CLI::ParseError& error) {
  std::string path = "winnow";
  const CLI::App* at = &app;
  for (;;) {
    auto parsed = at->get_subcommands();
    if (parsed.empty()) break;
    at = parsed.front();
    path += " " + at->get_name();
  }
  say("winnow: {}\n", error.what());
  say("winnow: see {} --help\n", path);
}

}  // namespace winnow::cli
