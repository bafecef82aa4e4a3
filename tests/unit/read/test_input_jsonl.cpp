#include <doctest/doctest.h>

#include "corpus_files.hpp"

using namespace winnow;

TEST_CASE("JSONL: a broken line in the middle is reported with its line number, the others kept") {
  TempDir dir;
  auto path = dir.write("export.jsonl",
                        "{\"id\":\"a\",\"url\":\"http://e.org/a\",\"html\":\"<p>A</p>\"}\n"
                        "{\"id\":\"b\",\"html\":\"<p>B</p>\"\n"  // no closing brace
                        "\n"
                        "{\"url\":\"http://e.org/c\",\"text\":\"C text\"}\n"
                        "[1,2]\n"
                        "{\"id\":7,\"title\":\"no text\"}\n"
                        "{\"id\":8,\"text\":\"last\",\"fetch_date\":\"2024-01-02T03:04:05Z\"}");  // no final newline
  ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].id == "a");
  CHECK(r.docs[0].url == "http://e.org/a");
  CHECK(r.docs[0].body == "<p>A</p>");
  CHECK(r.docs[1].id == path + "#4");  // no id field: PATH#LINE
  CHECK(r.docs[1].body == "C text");
  CHECK(r.docs[2].id == "8");
  CHECK(r.docs[2].fetch_date == "2024-01-02T03:04:05Z");
  REQUIRE(r.messages.size() == 3);
  CHECK(r.messages[0].starts_with("winnow: " + path + ": line 2: invalid JSON at column "));
  CHECK(r.messages[1] == "winnow: " + path + ": line 5: not a JSON object (skipped)");
  CHECK(r.messages[2] == "winnow: " + path + ": line 6: no \"html\" or \"text\" string field (skipped)");
}

TEST_CASE("JSONL is detected by content without a .jsonl name, and field names can be set") {
  TempDir dir;
  auto path = dir.write("dump.txt", "  {\"key\":\"k1\",\"link\":\"http://e.org/\",\"content\":\"body one\"}\n"
                                    "{\"key\":\"k2\",\"content\":\"body two\"}\n");
  ReaderOptions options;
  options.jsonl.id = "key";
  options.jsonl.url = "link";
  options.jsonl.text = "content";
  ReadResult r = read_all({path}, options);
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == "k1");
  CHECK(r.docs[0].url == "http://e.org/");
  CHECK(r.docs[1].body == "body two");
}

TEST_CASE("JSONL: source line, canonical_url read back, and kept fields") {
  TempDir dir;
  auto path = dir.write("export.jsonl",
                        "{\"id\":\"a\",\"url\":\"http://e.org/a\",\"canonical_url\":\"http://e.org/c\","
                        "\"lang\":\"en\",\"n\":[1,{\"x\":null}],\"big\":123456789012,\"text\":\"A\"}\n"
                        "\n"
                        "{\"id\":\"b\",\"text\":\"B\",\"lang\":\"caf\xe9\"}\n");
  ReaderOptions options;
  options.keep_fields = {"n", "lang", "absent", "big"};
  ReadResult r = read_all({path}, options);
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].source.file == path);
  CHECK(r.docs[0].source.line == 1u);
  CHECK(r.docs[1].source.line == 3u);  // blank lines count
  CHECK_FALSE(r.docs[0].source.offset.has_value());
  CHECK(r.docs[0].url == "http://e.org/a");
  CHECK(r.docs[0].canonical_url == "http://e.org/c");
  CHECK(r.docs[0].kept_fields == R"({"n":[1,{"x":null}],"lang":"en","absent":null,"big":123456789012})");
  // An invalid byte in a kept string is repaired, as in every string winnow writes.
  CHECK(r.docs[1].kept_fields == "{\"n\":null,\"lang\":\"caf\xef\xbf\xbd\",\"absent\":null,\"big\":null}");
  options.keep_fields = {"*"};
  ReadResult every = read_all({path}, options);
  CHECK(every.docs[1].kept_fields == "{\"id\":\"b\",\"lang\":\"caf\xef\xbf\xbd\"}");  // all but the page
  CHECK(read_all({path}).docs[0].kept_fields.empty());  // not asked for
}

TEST_CASE("a text file starting with { that is not JSON stays one document") {
  TempDir dir;
  auto path = dir.write("notes.txt", "{draft} notes about a page\nsecond line\n");
  ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == path);
}

TEST_CASE("JSONL, gzip-compressed and cut short: the lines before are kept, the cut reported") {
  std::string lines;
  for (int i = 1; i <= 200; ++i) lines += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"record number " +
                                          std::to_string(i) + " with some words in it\"}\n";
  std::string gz = gzip_member(lines);
  TempDir dir;
  auto path = dir.write("cut.jsonl.gz", gz.substr(0, gz.size() * 2 / 3));
  ReadResult r = read_all({path});
  CHECK(r.docs.size() > 10);
  CHECK(r.docs.size() < 200);
  CHECK(r.docs.front().id == "r1");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].find("truncated gzip data") != std::string::npos);
  CHECK(r.messages[0].find(": line " + std::to_string(r.docs.size() + 1) + ": ") != std::string::npos);
}

TEST_CASE("--files-from and --glob") {
  TempDir dir;
  auto a = dir.write("a.html", "<p>a</p>");
  dir.write("b.txt", "b");
  auto c = dir.write("c.html", "<p>c</p>");
  auto list = dir.write("list", a + "\n\n" + c + "\n" + dir.path + "/missing\n");
  ReaderOptions options;
  options.files_from = list;
  ReadResult r = read_all({}, options);
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[1].id == c);
  CHECK(r.skipped == 1);

  ReaderOptions globbed;
  globbed.globs = {"*.html"};
  ReadResult g = read_all({dir.path}, globbed);
  REQUIRE(g.docs.size() == 2);
  CHECK(g.docs[0].id == a);
}

TEST_CASE("defer_files: plain files come out unread for load(); a misnamed JSONL file reads in order") {
  TempDir dir;
  auto a = dir.write("a.txt", "page a");
  auto b = dir.write("b.dat", "{\"id\":\"b1\",\"text\":\"one\"}\n{\"id\":\"b2\",\"text\":\"two\"}\n");
  auto c = dir.write("c.jsonl", "{\"id\":\"c1\",\"text\":\"three\"}\n");
  std::FILE* sink = std::tmpfile();
  Diagnostics diag(sink);
  ReaderOptions options;
  options.defer_files = true;
  InputReader reader({dir.path}, options, diag);
  Document doc;
  REQUIRE(reader.next(doc));
  CHECK(reader.deferred());
  CHECK(doc.id == a);
  CHECK(doc.body.empty());
  CHECK(reader.load(doc) == LoadResult::Loaded);
  CHECK(doc.body == "page a");
  REQUIRE(reader.next(doc));
  CHECK(reader.deferred());
  CHECK(reader.load(doc) == LoadResult::Multi);
  std::vector<std::string> ids;
  reader.read_file(b, [&](Document& d, const std::string& origin) {
    ids.push_back(d.id + " " + origin);
    return true;
  });
  CHECK(ids == std::vector<std::string>{"b1 " + b + ": line 1", "b2 " + b + ": line 2"});
  REQUIRE(reader.next(doc));  // a .jsonl name is never deferred
  CHECK_FALSE(reader.deferred());
  CHECK(doc.id == "c1");
  CHECK_FALSE(reader.next(doc));
  CHECK(reader.stats().records == 4);
  CHECK(reader.stats().files == 3);
  std::fclose(sink);
}
