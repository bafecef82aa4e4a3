#include <doctest/doctest.h>

#include "winnow/record_format.hpp"

using namespace winnow;

namespace {
Document sample() {
  Document d;
  d.id = "crawl.warc#3";
  d.url = "http://example.org/a";
  d.fetch_date = "2024-05-01T10:20:30Z";
  d.metadata.title = "A title\twith a tab";
  d.text = "First line \\ with a backslash\nSecond line";
  return d;
}
}  // namespace

TEST_CASE("TSV: header, escaped cells, null as empty, one line per record") {
  std::string error;
  auto f = RecordFormatter::make("tsv", {"id", "title", "date", "text", "sources"}, &error);
  REQUIRE(f);
  CHECK(f->header() == "id\ttitle\tdate\ttext\tsources");
  CHECK(f->format(sample()) ==
        "crawl.warc#3\tA title\\twith a tab\t\tFirst line \\\\ with a backslash\\nSecond line\t[]");
}

TEST_CASE("TSV default columns end with a 200-character snippet") {
  std::string error;
  auto f = RecordFormatter::make("tsv", {}, &error);
  REQUIRE(f);
  CHECK(f->header() == "id\turl\tfetch_date\ttype\ttitle\tdate\tplace\tsnippet");
  Document d = sample();
  d.text = std::string(150, 'a') + "\n" + std::string(30, 'b') + "ééééééééééééééééééééééé";  // 204 characters
  std::string line = f->format(d);
  std::string snippet = line.substr(line.rfind('\t') + 1);
  CHECK(snippet == std::string(150, 'a') + " " + std::string(30, 'b') + "ééééééééééééééééééé");  // 200, never half a character
}

TEST_CASE("JSON with --fields: chosen members in chosen order; unknown names refused with the list") {
  std::string error;
  auto f = RecordFormatter::make("json", {"url", "id", "fetch_date"}, &error);
  REQUIRE(f);
  CHECK(f->format(sample()) ==
        R"({"url":"http://example.org/a","id":"crawl.warc#3","fetch_date":"2024-05-01T10:20:30Z"})");
  CHECK_FALSE(RecordFormatter::make("json", {"id", "titel"}, &error));
  CHECK(error.starts_with("unknown field \"titel\"; fields are: id, url, fetch_date, "));
}

TEST_CASE("JSON without --fields is the whole record; text is the article") {
  std::string error;
  CHECK(RecordFormatter::make("json", {}, &error)->format(sample()).starts_with(
      R"({"id":"crawl.warc#3","url":"http://example.org/a","fetch_date":"2024-05-01T10:20:30Z","format":)"));
  CHECK(RecordFormatter::make("text", {}, &error)->format(sample()) == sample().text);
}

TEST_CASE("writes(): what a record carries, so the command can skip the rest") {
  std::string error;
  auto all = RecordFormatter::make("json", {}, &error);
  CHECK(all->writes("speakers"));
  CHECK(all->writes("figures"));
  auto some = RecordFormatter::make("json", {"id", "figures"}, &error);
  CHECK_FALSE(some->writes("speakers"));
  CHECK(some->writes("figures"));
  CHECK_FALSE(RecordFormatter::make("tsv", {}, &error)->writes("speakers"));  // default columns
  CHECK_FALSE(RecordFormatter::make("text", {}, &error)->writes("figures"));
}
