#include <doctest/doctest.h>

#include <cstdio>

#include "winnow/reader.hpp"

using namespace winnow;

TEST_CASE("directories are walked in sorted order; inputs gone since they were listed are reported and skipped") {
  std::FILE* sink = std::tmpfile();
  Diagnostics diag(sink);
  ReaderOptions options;
  options.check_named_inputs = false;  // as for a path from a walk or a --files-from list
  InputReader reader({std::string(WINNOW_SOURCE_DIR) + "/fixtures/seeds", "/no/such/file"}, options, diag);
  std::vector<std::string> ids;
  Document doc;
  while (reader.next(doc)) {
    CHECK(doc.sequence == ids.size());
    ids.push_back(doc.id.substr(doc.id.rfind('/') + 1));
  }
  CHECK(ids == std::vector<std::string>{"000_63f0391d745259ed.txt", "001_47bcd35a6f9d77e2.txt",
                                        "002_6ba652603ef8cee0.txt", "003_40b93695f5b12e5d.txt",
                                        "004_fb904a025db9dcc0.txt"});
  CHECK(diag.skipped_count() == 1);
  CHECK(diag.skipped_count(SkipClass::Unreadable) == 1);
  CHECK(diag.fatal_count() == 0);
  std::rewind(sink);
  char line[256] = {};
  REQUIRE(std::fgets(line, sizeof line, sink) != nullptr);
  CHECK(std::string(line) == "winnow: /no/such/file: No such file or directory (skipped)\n");
  std::fclose(sink);
}

TEST_CASE("a missing input named by the caller is fatal and nothing is read") {
  std::FILE* sink = std::tmpfile();
  Diagnostics diag(sink);
  InputReader reader({std::string(WINNOW_SOURCE_DIR) + "/fixtures/seeds", "/no/such/file"}, {}, diag);
  Document doc;
  CHECK_FALSE(reader.next(doc));
  CHECK(diag.fatal_count() == 1);
  CHECK(diag.skipped_count() == 0);
  std::rewind(sink);
  char line[256] = {};
  REQUIRE(std::fgets(line, sizeof line, sink) != nullptr);
  CHECK(std::string(line) == "winnow: /no/such/file: No such file or directory (fatal: nothing read, no output written)\n");
  std::fclose(sink);
}
