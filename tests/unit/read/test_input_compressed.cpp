#include <doctest/doctest.h>

#include "corpus_files.hpp"
#include "winnow/input_stream.hpp"

using namespace winnow;

namespace {
const std::string kPage = "A plain text page.\nIt has two lines of prose in it, and that is all.\n";
}

TEST_CASE("gzip and zstd files are decompressed by content, whatever their name") {
  TempDir dir;
  auto plain = dir.write("page.txt", kPage);
  auto gz = dir.write("looks-plain.txt", gzip_member(kPage));
  auto zst = dir.write("no-extension", zstd_frame(kPage));
  ReadResult r = read_all({plain, gz, zst});
  REQUIRE(r.docs.size() == 3);
  for (auto& d : r.docs) CHECK(d.body == kPage);
  CHECK(r.docs[1].id == gz);  // one document per file: the id is the path
  CHECK(r.messages.empty());
}

TEST_CASE("multi-member gzip is read member by member to the end") {
  std::string a(100000, 'a'), b = "second member\n", c(70000, 'c');
  LineInput in(gzip_stream(memory_stream(gzip_member(a) + gzip_member(b) + gzip_member(c))));
  std::string all;
  CHECK(in.read_exact(all, 1 << 20) == a.size() + b.size() + c.size());
  CHECK(all == a + b + c);
  CHECK(in.error().empty());
}

TEST_CASE("multi-frame zstd is read to the end") {
  LineInput in(zstd_stream(memory_stream(zstd_frame("one\n") + zstd_frame("two\n"))));
  std::string line;
  REQUIRE(in.read_line(line, 100));
  CHECK(line == "one");
  REQUIRE(in.read_line(line, 100));
  CHECK(line == "two");
  CHECK_FALSE(in.read_line(line, 100));
  CHECK(in.error().empty());
}

TEST_CASE("a truncated gzip member is an error naming its compressed offset") {
  std::string first = gzip_member("complete member\n");
  std::string second = gzip_member(std::string(5000, 'x'));
  LineInput in(gzip_stream(memory_stream(first + second.substr(0, second.size() / 2))));
  std::string line;
  REQUIRE(in.read_line(line, 100));
  CHECK(line == "complete member");
  std::string rest;
  in.read_exact(rest, 1 << 20);
  CHECK(rest.size() < 5000);
  CHECK(in.error() == "truncated gzip data: the member starting at compressed byte " + std::to_string(first.size()) +
                          " ends early");
}

TEST_CASE("a truncated zstd frame is an error") {
  std::string frame = zstd_frame(std::string(100000, 'z') + "end");
  LineInput in(zstd_stream(memory_stream(frame.substr(0, frame.size() - 3))));
  std::string all;
  in.read_exact(all, 1 << 20);
  CHECK(in.error().starts_with("truncated zstd data"));
}

TEST_CASE("garbage after the last gzip member is reported, the data before kept") {
  LineInput in(gzip_stream(memory_stream(gzip_member("kept\n") + std::string(16, '\0'))));
  std::string line;
  REQUIRE(in.read_line(line, 100));
  CHECK(line == "kept");
  CHECK_FALSE(in.read_line(line, 100));
  CHECK(in.error().starts_with("unexpected bytes after the gzip member"));
}

TEST_CASE("a truncated compressed one-document file is skipped with a message naming it") {
  TempDir dir;
  std::string gz = gzip_member(kPage);
  auto bad = dir.write("cut.gz", gz.substr(0, gz.size() - 6));
  ReadResult r = read_all({bad});
  CHECK(r.docs.empty());
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].starts_with("winnow: " + bad + ": truncated gzip data"));
}

TEST_CASE("LineInput: CRLF and LF lines, over-long lines cut and flagged, peek does not consume") {
  LineInput in(memory_stream("ab\r\ncd\n0123456789\nlast"));
  CHECK(in.peek(2) == "ab");
  std::string line;
  bool too_long = false;
  REQUIRE(in.read_line(line, 100, &too_long));
  CHECK(line == "ab");
  REQUIRE(in.read_line(line, 100, &too_long));
  CHECK(line == "cd");
  REQUIRE(in.read_line(line, 4, &too_long));
  CHECK(line == "0123");
  CHECK(too_long);
  REQUIRE(in.read_line(line, 100, &too_long));
  CHECK(line == "last");
  CHECK_FALSE(too_long);
  CHECK(in.at_end());
  CHECK(in.offset() == 22);
}
