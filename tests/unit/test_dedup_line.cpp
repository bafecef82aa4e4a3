// The dedup line as a library call (winnow/dedup.hpp: DedupLine and the
// --emit writers) against `winnow dedup` on fixtures/: the CLI only wires
// the line, so every --emit form must come out byte for byte the same.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "winnow/dedup.hpp"

namespace {

const std::string kFixtures = std::string(WINNOW_SOURCE_DIR) + "/fixtures";

std::string run_cli(const std::string& emit) {
  std::string command = std::string(WINNOW_BINARY) + " dedup -q -j 2 --emit " + emit + " " + kFixtures;
  std::string out;
  std::FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

winnow::DedupResult run_library() {
  winnow::Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  winnow::ExtractOptions extract;
  extract.metadata_parts = {false, false};  // as the CLI: grouping reads no speakers or figures
  winnow::Extractor extractor(winnow::ProfileSet::builtin(), extract);
  winnow::ReaderOptions reader_options;
  reader_options.defer_files = true;
  winnow::InputReader reader({kFixtures}, reader_options, diagnostics);
  winnow::DedupLine line(winnow::DedupOptions{});
  CHECK(line.read(reader, extractor, diagnostics, 2));
  return line.finish();
}

std::string lines(const winnow::DedupResult& result, winnow::DedupEmit emit) {
  std::string out;
  winnow::write_dedup_report(result, emit, [&](std::string_view line) {
    out.append(line);
    out += '\n';
    return true;
  });
  return out;
}

}  // namespace

TEST_CASE("the dedup line called from the library writes what winnow dedup writes on fixtures/") {
  winnow::DedupResult result = run_library();
  REQUIRE(result.ids.size() > 100);
  REQUIRE(!result.report.groups.empty());  // fixtures/ holds planted reposts: something to group
  CHECK(lines(result, winnow::DedupEmit::Records) == run_cli("records"));
  CHECK(lines(result, winnow::DedupEmit::Unique) == run_cli("unique"));
  CHECK(lines(result, winnow::DedupEmit::Pairs) == run_cli("pairs"));
  CHECK(lines(result, winnow::DedupEmit::Groups) == run_cli("groups"));
}

TEST_CASE("write_dedup_report stops at the first refused line") {
  winnow::DedupResult result = run_library();
  int calls = 0;
  CHECK_FALSE(winnow::write_dedup_report(result, winnow::DedupEmit::Records, [&](std::string_view) {
    ++calls;
    return calls < 3;
  }));
  CHECK(calls == 3);
}
