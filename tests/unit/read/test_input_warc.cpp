#include <doctest/doctest.h>

#include "corpus_files.hpp"

using namespace winnow;

namespace {

const std::string kHtml = "<!doctype html><html><head><title>T</title></head><body><p>Hello.</p></body></html>";

// A small crawl as wget and other crawlers write it: warcinfo, then a
// request/response pair per URL, plus a 404, an image and a metadata record.
std::vector<std::string> crawl(const std::string& version) {
  return {
      warc_record(version, "warcinfo", "urn:uuid:00000000-0000-0000-0000-000000000000", "",
                  "software: test\r\nformat: WARC File Format " + version + "\r\n", "application/warc-fields"),
      warc_record(version, "request", "urn:uuid:11111111-0000-0000-0000-000000000001", "http://example.org/a",
                  "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n", "application/http; msgtype=request"),
      warc_record(version, "response", "urn:uuid:11111111-0000-0000-0000-000000000002", "http://example.org/a",
                  http_response("200 OK", "text/html; charset=ISO-8859-1", kHtml)),
      warc_record(version, "response", "urn:uuid:11111111-0000-0000-0000-000000000003", "http://example.org/gone",
                  http_response("404 Not Found", "text/html", "<p>no</p>")),
      warc_record(version, "response", "urn:uuid:11111111-0000-0000-0000-000000000004", "http://example.org/i.png",
                  http_response("200 OK", "image/png", "\x89PNG....")),
      warc_record(version, "metadata", "urn:uuid:11111111-0000-0000-0000-000000000005", "http://example.org/a",
                  "outlinks: http://example.org/b\r\n", "application/warc-fields"),
      warc_record(version, "response", "urn:uuid:11111111-0000-0000-0000-000000000006", "https://example.org/b?x=1",
                  http_response("200 OK", "text/plain", "Plain text page.\n")),
  };
}

std::string joined(const std::vector<std::string>& records) {
  std::string s;
  for (auto& r : records) s += r;
  return s;
}

std::string per_record_gzip(const std::vector<std::string>& records) {
  std::string s;
  for (auto& r : records) s += gzip_member(r);
  return s;
}

void check_crawl(const ReadResult& r) {
  REQUIRE(r.docs.size() == 2);
  const Document& a = r.docs[0];
  CHECK(a.id == "urn:uuid:11111111-0000-0000-0000-000000000002");
  CHECK(a.url == "http://example.org/a");  // the full URI, host included
  CHECK(a.fetch_date == "2024-05-01T10:20:30Z");
  CHECK(a.charset_hint == "iso-8859-1");
  CHECK(a.body == kHtml);  // HTTP headers removed
  CHECK(r.docs[1].url == "https://example.org/b?x=1");
  CHECK(r.docs[1].body == "Plain text page.\n");
  CHECK(r.messages.empty());
  CHECK(r.filtered.at("warc:warcinfo") == 1);
  CHECK(r.filtered.at("warc:request") == 1);
  CHECK(r.filtered.at("warc:metadata") == 1);
  CHECK(r.filtered.at("http:non-2xx") == 1);
  CHECK(r.filtered.at("http:non-text") == 1);
}

}  // namespace

TEST_CASE("WARC 1.0, plain") {
  TempDir dir;
  check_crawl(read_all({dir.write("crawl.warc", joined(crawl("1.0")))}));
}

TEST_CASE("WARC 1.1, plain") {
  TempDir dir;
  check_crawl(read_all({dir.write("crawl.warc", joined(crawl("1.1")))}));
}

TEST_CASE("WARC 1.1, one gzip member per record") {
  TempDir dir;
  check_crawl(read_all({dir.write("crawl.warc.gz", per_record_gzip(crawl("1.1")))}));
}

TEST_CASE("WARC: source is the file and each record's offset in the decompressed stream") {
  const auto records = crawl("1.1");
  auto offset_of = [&](std::size_t n) {
    std::uint64_t at = 0;
    for (std::size_t i = 0; i < n; ++i) at += records[i].size();
    return at;
  };
  TempDir dir;
  for (const std::string& path :
       {dir.write("crawl.warc", joined(records)), dir.write("crawl.warc.gz", per_record_gzip(records))}) {
    CAPTURE(path);
    ReadResult r = read_all({path});
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[0].source.file == path);
    CHECK(r.docs[0].source.offset == offset_of(2));  // the third record: warcinfo and a request before it
    CHECK(r.docs[1].source.offset == offset_of(6));
    CHECK_FALSE(r.docs[0].source.line.has_value());
    CHECK(r.docs[0].canonical_url.empty());  // the reader never sets it from a WARC
  }
  // One gzip member per record: where each record's member starts in the file.
  auto member_offset_of = [&](std::size_t n) {
    std::uint64_t at = 0;
    for (std::size_t i = 0; i < n; ++i) at += gzip_member(records[i]).size();
    return at;
  };
  ReadResult gz = read_all({dir.write("members.warc.gz", per_record_gzip(records))});
  REQUIRE(gz.docs.size() == 2);
  CHECK(gz.docs[0].source.gzip_offset == member_offset_of(2));
  CHECK(gz.docs[1].source.gzip_offset == member_offset_of(6));
  // Not gzip, or one member for the whole file: no record starts a member.
  CHECK_FALSE(read_all({dir.write("plain.warc", joined(records))}).docs[0].source.gzip_offset.has_value());
  ReadResult whole = read_all({dir.write("whole.warc.gz", gzip_member(joined(records)))});
  REQUIRE(whole.docs.size() == 2);
  CHECK_FALSE(whole.docs[0].source.gzip_offset.has_value());
  // An empty member before a record: the record's own member is the one named.
  std::string with_empty = gzip_member(records[0]) + gzip_member(records[1]) + gzip_member("");
  for (std::size_t i = 2; i < records.size(); ++i) with_empty += gzip_member(records[i]);
  ReadResult empty = read_all({dir.write("empty.warc.gz", with_empty)});
  REQUIRE(empty.docs.size() == 2);
  CHECK(empty.docs[0].source.gzip_offset == member_offset_of(2) + gzip_member("").size());
}

TEST_CASE("WARC, zstd-compressed as a whole") {
  TempDir dir;
  check_crawl(read_all({dir.write("crawl.warc.zst", zstd_frame(joined(crawl("1.0"))))}));
}

TEST_CASE("WARC: bracketed target URI, folded header, chunked and gzip-encoded HTTP bodies") {
  std::string chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "5\r\n<p>He\r\n6\r\nllo.</\r\n2\r\np>\r\n0\r\n\r\n";
  std::string gz = gzip_member("<p>zipped</p>");
  std::string encoded = "HTTP/1.1 200 OK\r\nContent-Type:\r\n text/html\r\nContent-Encoding: gzip\r\n\r\n" + gz;
  TempDir dir;
  auto path = dir.write("x.warc", warc_record("1.1", "response", "urn:uuid:c", "<http://example.org/c>", chunked) +
                                      warc_record("1.1", "response", "urn:uuid:d", "http://example.org/d", encoded));
  ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].url == "http://example.org/c");
  CHECK(r.docs[0].body == "<p>Hello.</p>");
  CHECK(r.docs[1].body == "<p>zipped</p>");
}

TEST_CASE("WARC: a truncated record is reported with its number and offset; the records before are kept") {
  auto records = crawl("1.1");
  std::string whole = joined(records);
  std::string cut = whole.substr(0, whole.size() - 10);  // inside the last response's block
  TempDir dir;
  auto path = dir.write("cut.warc", cut);
  ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].url == "http://example.org/a");
  REQUIRE(r.messages.size() == 1);
  std::size_t last_start = whole.size() - records.back().size();
  CHECK(r.messages[0] == "winnow: " + path + ": WARC record 7 at byte " + std::to_string(last_start) +
                             ": truncated: Content-Length is " +
                             std::to_string(http_response("200 OK", "text/plain", "Plain text page.\n").size()) +
                             " but only " +
                             std::to_string(http_response("200 OK", "text/plain", "Plain text page.\n").size() - 6) +
                             " bytes follow (skipped)");
  CHECK(r.skipped == 1);
}

TEST_CASE("WARC.gz cut inside a member: the gzip error is reported, the records before are kept") {
  auto records = crawl("1.0");
  std::string gz = per_record_gzip(records);
  std::string last = gzip_member(records.back());
  TempDir dir;
  auto path = dir.write("cut.warc.gz", gz.substr(0, gz.size() - last.size() / 2));
  ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 1);
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].find("WARC record 7 at byte") != std::string::npos);
  CHECK(r.messages[0].find("truncated gzip data: the member starting at compressed byte " +
                           std::to_string(gz.size() - last.size())) != std::string::npos);
}

TEST_CASE("WARC: a response over --max-doc-bytes is skipped with a message, the next one is read") {
  std::string big(5000, 'x');
  TempDir dir;
  auto path = dir.write("big.warc", warc_record("1.1", "response", "urn:uuid:big", "http://e.org/big",
                                                http_response("200 OK", "text/plain", big)) +
                                        warc_record("1.1", "response", "urn:uuid:small", "http://e.org/small",
                                                    http_response("200 OK", "text/plain", "small")));
  ReaderOptions options;
  options.max_doc_bytes = 1000;
  ReadResult r = read_all({path}, options);
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "urn:uuid:small");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] == "winnow: " + path + ": WARC record 1 at byte 0 (urn:uuid:big): larger than --max-doc-bytes "
                                             "(1000 bytes) (skipped)");
}

TEST_CASE("WARC: a record id is PATH#N when WARC-Record-ID is missing; junk where a record should start ends the file") {
  std::string block = http_response("200 OK", "text/plain", "no id");
  std::string record = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://e.org/\r\nContent-Length: " +
                       std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  TempDir dir;
  auto path = dir.write("noid.warc", record + "garbage\r\n");
  ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == path + "#1");
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].find("WARC record 2 at byte " + std::to_string(record.size()) +
                           ": expected a WARC version line") != std::string::npos);
}
