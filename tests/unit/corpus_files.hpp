// Test helpers: temporary files, compressed bytes, WARC records, and a
// reader run that collects records and messages.
#pragma once

#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <fstream>
#include <string>
#include <vector>

#include "winnow/reader.hpp"

// A file under a fresh temporary directory, removed with it at the end.
struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/winnow-test.XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { std::system(("rm -rf " + path).c_str()); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string p = path + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
};

// One gzip member holding `data` (gzip(1) output, or one WARC record of a .warc.gz).
inline std::string gzip_member(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string zstd_frame(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

// A WARC record as the 1.1 spec lays it out: version, headers, CRLF, block, CRLF CRLF.
inline std::string warc_record(const std::string& version, const std::string& type, const std::string& id,
                               const std::string& uri, const std::string& block,
                               const std::string& content_type = "application/http; msgtype=response") {
  std::string r = "WARC/" + version + "\r\n";
  r += "WARC-Type: " + type + "\r\n";
  r += "WARC-Record-ID: <" + id + ">\r\n";
  r += "WARC-Date: 2024-05-01T10:20:30Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return r + block + "\r\n\r\n";
}

inline std::string http_response(const std::string& status, const std::string& content_type, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\nServer: test\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

struct ReadResult {
  std::vector<winnow::Document> docs;
  std::vector<std::string> messages;  // "winnow: ..." lines
  std::size_t skipped = 0;
  std::map<std::string, std::uint64_t> filtered;
};

inline ReadResult read_all(std::vector<std::string> inputs, winnow::ReaderOptions options = {}) {
  std::FILE* sink = std::tmpfile();
  ReadResult result;
  {
    winnow::Diagnostics diag(sink);
    winnow::InputReader reader(std::move(inputs), options, diag);
    winnow::Document doc;
    while (reader.next(doc)) result.docs.push_back(doc);
    result.skipped = diag.skipped_count();
    result.filtered = reader.stats().filtered_by_reason;
  }
  std::rewind(sink);
  char line[4096];
  while (std::fgets(line, sizeof line, sink)) {
    std::string s(line);
    if (!s.empty() && s.back() == '\n') s.pop_back();
    result.messages.push_back(s);
  }
  std::fclose(sink);
  return result;
}
