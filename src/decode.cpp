// Decoding: from whatever bytes a crawler saved to valid UTF-8.
//
// The problem: every later stage (Gumbo, RE2, utf8proc) assumes UTF-8, but a
// scraped corpus holds UTF-8 with a BOM, UTF-16, legacy single-byte pages,
// truncated multi-byte sequences and files that are not text at all.
//
// The method: reject what is not text (NUL bytes, control characters), honour
// a BOM, then a declared charset (HTTP header via doc.charset_hint, or a
// <meta charset> in the first 4 KiB of HTML); accept valid UTF-8 as is; for
// anything else ask uchardet for a guess and convert with iconv. When nothing
// converts cleanly, invalid sequences become U+FFFD so no text is silently
// dropped, and a warning records it.
//
// The cost: one validation pass over the bytes (cheap, branch-light), and a
// conversion copy only for the minority of records that are not UTF-8.
#include "winnow/decode.hpp"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fmt/format.h>

namespace winnow {
namespace {

// Length of the longest valid UTF-8 prefix (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF).
std::size_t valid_utf8_prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else return i;
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += len;
  }
  return n;
}

bool convert_with_iconv(const std::string& from, std::string_view in, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string result;
  result.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::size_t written = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = result.data() + written;
    std::size_t dst_left = result.size() - written;
    std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    written = result.size() - dst_left;
    if (rc == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) { result.resize(result.size() * 2); continue; }
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return false;
  result.resize(written);
  *out = std::move(result);
  return true;
}

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// <meta charset="x"> or <meta http-equiv content="...; charset=x"> near the top.
std::string declared_html_charset(std::string_view bytes) {
  std::string head = lower_ascii(bytes.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    pos += 7;
    std::size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_' || head[j] == ':' || head[j] == '.')) ++j;
    if (j > i) return head.substr(i, j - i);
  }
  return {};
}

std::string replace_invalid(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    std::size_t ok = valid_utf8_prefix(s);
    out.append(s.substr(0, ok));
    if (ok == s.size()) break;
    out.append("\xEF\xBF\xBD");
    s.remove_prefix(ok + 1);
  }
  return out;
}

std::string guess_charset(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  uchardet_handle_data(ud, bytes.data(), std::min<std::size_t>(bytes.size(), 1 << 16));
  uchardet_data_end(ud);
  std::string cs = uchardet_get_charset(ud);
  uchardet_delete(ud);
  return lower_ascii(cs);
}

bool is_utf8_name(const std::string& cs) { return cs == "utf-8" || cs == "utf8"; }

}  // namespace

bool looks_binary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  // UTF-16 text has NULs too; a BOM says it is text.
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
    return false;
  std::size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B) ++control;
  }
  return head.size() > 0 && control * 10 > head.size();
}

InputFormat sniff_format(std::string_view bytes) {
  std::string head = lower_ascii(bytes.substr(0, 2048));
  std::size_t start = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (start == std::string::npos) return InputFormat::Text;
  std::string_view h(head);
  h.remove_prefix(start);
  for (std::string_view opener : {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<title"})
    if (h.starts_with(opener)) return InputFormat::Html;
  // A page whose first tags come after some junk: count tag-like openings.
  std::size_t tags = 0;
  for (std::string_view t : {"<div", "<p>", "<p ", "<a ", "<span", "<table", "<li", "<br", "<script"}) {
    std::size_t pos = 0;
    while ((pos = h.find(t, pos)) != std::string_view::npos) { ++tags; pos += t.size(); }
  }
  return tags >= 5 ? InputFormat::Html : InputFormat::Text;
}

bool decode_document(Document& doc, std::string* problem) {
  std::string& body = doc.body;
  if (body.empty() || body.find_first_not_of(" \t\r\n") == std::string::npos) {
    *problem = "empty input";
    return false;
  }
  if (looks_binary(body)) {
    *problem = "binary data, not text or HTML";
    return false;
  }
  // Byte order marks decide before anything else.
  if (body.size() >= 3 && body.compare(0, 3, "\xEF\xBB\xBF") == 0) body.erase(0, 3);
  else if (body.size() >= 2 && (body.compare(0, 2, "\xFF\xFE") == 0 || body.compare(0, 2, "\xFE\xFF") == 0)) {
    std::string cs = body[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    std::string out;
    if (!convert_with_iconv(cs, std::string_view(body).substr(2), &out)) {
      *problem = fmt::format("invalid {} text", cs);
      return false;
    }
    body = std::move(out);
    doc.charset = lower_ascii(cs);
  }
  if (doc.charset.empty()) {
    std::string declared = lower_ascii(doc.charset_hint);
    if (declared.empty() && sniff_format(body) == InputFormat::Html) declared = declared_html_charset(body);
    std::size_t valid = valid_utf8_prefix(body);
    if (valid == body.size() && (declared.empty() || is_utf8_name(declared) || declared == "us-ascii")) {
      doc.charset = "utf-8";
    } else {
      std::string out;
      std::string cs = declared;
      if (!cs.empty() && !is_utf8_name(cs) && convert_with_iconv(cs, body, &out)) {
        body = std::move(out);
        doc.charset = cs;
      } else if (valid == body.size()) {
        doc.charset = "utf-8";  // declared something iconv does not know, but the bytes are UTF-8
      } else {
        cs = guess_charset(body);
        if (!cs.empty() && !is_utf8_name(cs) && cs != "ascii" && convert_with_iconv(cs, body, &out)) {
          doc.repairs.push_back(fmt::format("invalid UTF-8 at byte {}; decoded as {} (guessed)", valid, cs));
          doc.warnings.push_back(doc.repairs.back());
          body = std::move(out);
          doc.charset = cs;
        } else {
          doc.repairs.push_back(fmt::format("invalid UTF-8 at byte {}; invalid bytes replaced by U+FFFD", valid));
          doc.warnings.push_back(doc.repairs.back());
          body = replace_invalid(body);
          doc.charset = "utf-8";
        }
      }
    }
  }
  doc.format = sniff_format(body);
  return true;
}

}  // namespace winnow
