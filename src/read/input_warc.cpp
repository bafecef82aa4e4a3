// WARC 1.0 and 1.1 (ISO 28500), streaming.
//
// The problem: crawls arrive as WARC files, usually one gzip member per
// record, sometimes many gigabytes. libarchive's WARC reader keeps only the
// path of WARC-Target-URI (the host is lost, and the host is what a
// near-duplicate report needs) and refuses WARC/1.1. What winnow needs from a
// crawl is small: each successful HTML or text response, its URL (what was
// fetched: WARC-Target-URI, Document::url), date and id, the charset the
// server declared, and where the record starts (Document::source: the byte
// offset of its version line in the decompressed stream, the offset our
// messages name, and in a .warc.gz of one gzip member per record where that
// member begins, as CDX indexes give it), so that it can be found again.
//
// The method: a record is a version line, header lines up to an empty line,
// then exactly Content-Length bytes and "\r\n\r\n". The stream under us is
// already decompressed member by member (input_compressed.cpp), so the parser
// reads the headers line by line and the block with one exact-length read,
// and passes over unwanted blocks without keeping them. A `response` block
// whose target is http(s) holds the HTTP response as received: the status line
// and headers decide whether the record is wanted (2xx, a text content type);
// a chunked transfer encoding is undone, and a gzip or deflate content
// encoding is inflated, since the crawler stores bytes as they came. Anything
// else (request, metadata, warcinfo, revisit records; 404s; images) is passed
// over and counted by reason, because it is the normal content of a crawl and
// not a problem. A record that ends early, or a file that does not continue
// with "WARC/" where a record should start, is reported with the record's
// number and byte offset, and the file ends there: the records before it are
// kept, and nothing after a broken length can be trusted.
//
// The cost: one pass; memory is one record's block (bounded by
// --max-doc-bytes) plus the read buffer.
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <string_view>
#include <vector>

#include "text_bytes.hpp"
#include "input_sources.hpp"

namespace winnow {
namespace {

// A record's header section is a dozen lines of a few hundred bytes. These
// bounds keep a hostile one (200 MB of folded continuation lines, millions
// of short lines) from growing the header list without end, whatever
// --max-doc-bytes says: past them the record is skipped as "record headers
// too long", its lines are read on without being kept, and the reading goes
// on after its block when a Content-Length was among them.
constexpr std::size_t kMaxHeaderLine = 1 << 16;
constexpr std::size_t kMaxHeaderBytes = 1 << 18;
constexpr std::size_t kMaxHeaderLines = 1000;

std::string lower(std::string_view s) { return text::ascii_lowered(s); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Some writers wrap URIs in angle brackets (the WARC 1.1 text did for
// WARC-Target-URI); the id and URL are the same either way.
std::string unbracket(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

struct Header {
  std::string name;  // lower case
  std::string value;
};

const std::string* find(const std::vector<Header>& headers, std::string_view name) {
  for (auto& h : headers)
    if (h.name == name) return &h.value;
  return nullptr;
}

// "Name: value" lines with obsolete line folding (a line starting with space
// or tab continues the previous value), as both WARC and HTTP/1.1 allow.
void add_header_line(std::vector<Header>& headers, std::string_view line) {
  if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !headers.empty()) {
    headers.back().value += ' ';
    headers.back().value += trim(line);
    return;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  headers.push_back({lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
}

std::string charset_of(std::string_view content_type) {
  std::string ct = lower(content_type);
  std::size_t at = ct.find("charset=");
  if (at == std::string::npos) return {};
  std::string_view v = std::string_view(ct).substr(at + 8);
  v = v.substr(0, v.find(';'));
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
  return std::string(v);
}

bool is_text_type(std::string_view content_type) {
  std::string ct = lower(trim(content_type.substr(0, content_type.find(';'))));
  return ct.empty() || ct.starts_with("text/") || ct == "application/xhtml+xml" || ct == "application/xml";
}

bool dechunk(std::string_view in, std::string* out) {
  out->clear();
  while (true) {
    std::size_t eol = in.find("\r\n");
    if (eol == std::string_view::npos) return false;
    std::string_view size_text = in.substr(0, eol);
    size_text = size_text.substr(0, size_text.find(';'));
    std::size_t size = 0;
    auto [p, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (ec != std::errc() || p == size_text.data()) return false;
    in.remove_prefix(eol + 2);
    if (size == 0) return true;
    if (in.size() < size) return false;
    out->append(in.substr(0, size));
    in.remove_prefix(std::min(in.size(), size + 2));
  }
}

// Inflates a gzip or zlib body; false when it is not whole and valid, or
// when it expands past `limit` (then *too_big is set: an HTTP gzip bomb is a
// size problem, not a coding one).
bool inflate_all(std::string_view in, std::string* out, std::uint64_t limit, bool* too_big) {
  *too_big = false;
  z_stream z{};
  if (inflateInit2(&z, 32 + MAX_WBITS) != Z_OK) return false;  // gzip or zlib, by header
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 15];
  int rc = Z_OK;
  while (rc == Z_OK && out->size() <= limit) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof buf - z.avail_out);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  *too_big = out->size() > limit;
  return rc == Z_STREAM_END && !*too_big;
}

class WarcSource final : public RecordSource {
 public:
  using RecordSource::RecordSource;

  bool next(Document& doc) override {
    while (!ended_) {
      if (read_record(doc)) return true;
    }
    return false;
  }

 private:
  // Where a message points: "WARC record 7 at byte 123456".
  std::string where() const { return fmt::format("WARC record {} at byte {}", number_, start_); }

  bool fail(std::string reason) {
    ctx_.diagnostics.skipped(ctx_.path, fmt::format("{}: {}", where(), reason), SkipClass::Corrupt);
    ended_ = true;
    return false;
  }

  // The stream's own error (truncated gzip, read error) takes precedence
  // over what the parser saw, since it is the cause.
  bool fail_short(std::string reason) {
    if (in_->stopped()) return ended_ = true, false;
    if (!in_->error().empty()) return fail(in_->error());
    return fail(std::move(reason));
  }

  bool read_record(Document& doc) {
    std::string line;
    // Blank lines between records are tolerated: writers disagree on them.
    do {
      start_ = in_->offset();
      if (!in_->read_line(line, kMaxHeaderLine)) {
        ended_ = true;
        if (in_->stopped()) return false;
        if (!in_->error().empty()) {
          ++number_;
          return fail(in_->error());
        }
        return false;
      }
    } while (trim(line).empty());
    ++number_;
    if (!line.starts_with("WARC/")) return fail(fmt::format("expected a WARC version line, found \"{}\"", line.substr(0, 40)));
    // Asked now, while the member is among the gzip stream's latest.
    start_member_ = in_->member_start(start_);

    std::vector<Header> headers;
    std::string too_long;  // why the headers are refused, once they are
    std::size_t header_bytes = 0, header_lines = 0;
    std::string late_length;  // a Content-Length read after the headers were refused
    for (;;) {
      bool line_too_long = false;
      if (!in_->read_line(line, kMaxHeaderLine, &line_too_long)) {
        if (!too_long.empty()) return fail_short(fmt::format("record headers too long ({}); the file ends inside them", too_long));
        return fail_short("the file ends inside the record's headers");
      }
      if (line.empty()) break;
      header_bytes += line.size();
      ++header_lines;
      if (too_long.empty()) {
        if (line_too_long) too_long = fmt::format("a line over {} KiB", kMaxHeaderLine >> 10);
        else if (header_lines > kMaxHeaderLines) too_long = fmt::format("over {} lines", kMaxHeaderLines);
        else if (header_bytes > kMaxHeaderBytes) too_long = fmt::format("over {} KiB", kMaxHeaderBytes >> 10);
        if (too_long.empty()) {
          add_header_line(headers, line);
          continue;
        }
      }
      if (lower(line.substr(0, 15)) == "content-length:") late_length = trim(std::string_view(line).substr(15));
    }
    if (!too_long.empty()) {
      const std::string* known = find(headers, "content-length");
      std::string length_text = known ? *known : late_length;
      std::uint64_t length = 0;
      if (length_text.empty() ||
          std::from_chars(length_text.data(), length_text.data() + length_text.size(), length).ec != std::errc())
        return fail(fmt::format("record headers too long ({}), and no valid Content-Length to pass the record by",
                                too_long));
      if (in_->skip(length) < length) return fail_short(fmt::format("the {}-byte block ends early", length));
      end_of_block();
      ctx_.diagnostics.skipped(ctx_.path, fmt::format("{}: record headers too long ({})", where(), too_long), SkipClass::Corrupt);
      return false;
    }
    const std::string* length_text = find(headers, "content-length");
    std::uint64_t length = 0;
    if (!length_text ||
        std::from_chars(length_text->data(), length_text->data() + length_text->size(), length).ec != std::errc())
      return fail("no valid Content-Length");
    const std::string* type = find(headers, "warc-type");
    std::string record_type = type ? lower(*type) : "unknown";
    const std::string* record_id = find(headers, "warc-record-id");
    std::string id = record_id ? unbracket(*record_id) : fmt::format("{}#{}", ctx_.path, number_);

    if (record_type != "response") {
      if (in_->skip(length) < length) return fail_short(fmt::format("the {}-byte block ends early", length));
      end_of_block();
      ctx_.filter("warc:" + record_type);
      return false;
    }
    if (length > ctx_.options.max_doc_bytes) {
      if (in_->skip(length) < length) return fail_short(fmt::format("the {}-byte block ends early", length));
      end_of_block();
      ctx_.diagnostics.skipped(ctx_.path, fmt::format("{} ({}): larger than --max-doc-bytes ({} bytes)", where(), id,
                                                      ctx_.options.max_doc_bytes), SkipClass::TooLarge);
      return false;
    }
    std::string block;
    block.reserve(static_cast<std::size_t>(length));
    if (in_->read_exact(block, static_cast<std::size_t>(length)) < length)
      return fail_short(fmt::format("truncated: Content-Length is {} but only {} bytes follow", length, block.size()));
    end_of_block();

    const std::string* target = find(headers, "warc-target-uri");
    std::string url = target ? unbracket(*target) : std::string();
    if (!block.starts_with("HTTP/")) {
      ctx_.filter("warc:response-not-http");  // dns:, ftp: and the like
      return false;
    }
    std::string body;
    std::string charset;
    if (!read_http(block, id, &body, &charset)) return false;
    origin_ = fmt::format("{}: {}", ctx_.path, where());
    doc.id = std::move(id);
    doc.url = std::move(url);
    doc.source.file = ctx_.path;
    doc.source.offset = start_;
    doc.source.gzip_offset = start_member_;
    if (const std::string* date = find(headers, "warc-date")) doc.fetch_date = *date;
    doc.charset_hint = std::move(charset);
    doc.body = std::move(body);
    return true;
  }

  // The block's trailing "\r\n\r\n"; lenient about how many line ends there are.
  void end_of_block() {
    for (int i = 0; i < 4; ++i) {
      std::string_view next = in_->peek(1);
      if (next != "\r" && next != "\n") break;
      in_->skip(1);
    }
  }

  // Splits an HTTP response; false (counted or reported) when it is not wanted.
  bool read_http(std::string& block, const std::string& id, std::string* body, std::string* charset) {
    std::size_t head_end = block.find("\r\n\r\n");
    std::size_t sep = 4;
    if (head_end == std::string::npos) {
      head_end = block.find("\n\n");
      sep = 2;
    }
    if (head_end == std::string::npos) head_end = block.size(), sep = 0;
    std::string_view head(block.data(), head_end);
    std::size_t eol = head.find('\n');
    std::string_view status_line = trim(head.substr(0, eol));
    std::size_t sp = status_line.find(' ');
    int status = 0;
    if (sp != std::string_view::npos) {
      std::string_view code = status_line.substr(sp + 1, 3);
      std::from_chars(code.data(), code.data() + code.size(), status);
    }
    if (status < 200 || status > 299) {
      ctx_.filter("http:non-2xx");
      return false;
    }
    std::vector<Header> headers;
    while (eol != std::string_view::npos) {
      head.remove_prefix(eol + 1);
      eol = head.find('\n');
      add_header_line(headers, head.substr(0, eol));
    }
    const std::string* content_type = find(headers, "content-type");
    if (content_type && !is_text_type(*content_type)) {
      ctx_.filter("http:non-text");
      return false;
    }
    if (content_type) *charset = charset_of(*content_type);
    std::string_view payload = std::string_view(block).substr(std::min(block.size(), head_end + sep));
    std::string decoded;
    const std::string* te = find(headers, "transfer-encoding");
    if (te && lower(*te).find("chunked") != std::string::npos) {
      if (!dechunk(payload, &decoded)) {
        ctx_.diagnostics.skipped(ctx_.path, fmt::format("{} ({}): broken chunked transfer encoding", where(), id), SkipClass::Corrupt);
        return false;
      }
      payload = decoded;
    }
    const std::string* ce = find(headers, "content-encoding");
    std::string ce_name = ce ? lower(trim(*ce)) : std::string();
    if (ce_name == "gzip" || ce_name == "x-gzip" || ce_name == "deflate") {
      std::string inflated;
      bool too_big = false;
      if (!inflate_all(payload, &inflated, ctx_.options.max_doc_bytes, &too_big)) {
        ctx_.diagnostics.skipped(
            ctx_.path,
            too_big ? fmt::format("{} ({}): its Content-Encoding {} expands past --max-doc-bytes ({} bytes)", where(), id,
                                  ce_name, ctx_.options.max_doc_bytes)
                    : fmt::format("{} ({}): cannot undo Content-Encoding {}", where(), id, ce_name),
            too_big ? SkipClass::TooLarge : SkipClass::Corrupt);
        return false;
      }
      *body = std::move(inflated);
      return true;
    }
    if (!ce_name.empty() && ce_name != "identity") {
      ctx_.filter("http:content-encoding");
      return false;
    }
    body->assign(payload);
    return true;
  }

  std::uint64_t number_ = 0, start_ = 0;
  std::optional<std::uint64_t> start_member_;  // the gzip member that begins with the record, if one does
  bool ended_ = false;
};

}  // namespace

std::unique_ptr<RecordSource> warc_source(std::unique_ptr<LineInput> in, SourceContext context) {
  return std::make_unique<WarcSource>(std::move(in), std::move(context));
}

}  // namespace winnow
