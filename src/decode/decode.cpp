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
#include "text_bytes.hpp"
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

// Converts `in` from charset `from`; false only when iconv does not know the
// charset. A byte sequence the charset does not define (0x81 in
// windows-1252, a truncated Shift_JIS pair) becomes U+FFFD and is counted in
// *replaced: a page with one bad byte keeps all its other text.
bool convert_with_iconv(const std::string& from, std::string_view in, std::string* out,
                        std::size_t* replaced = nullptr) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string result;
  result.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::size_t written = 0, bad = 0;
  while (src_left > 0) {
    char* dst = result.data() + written;
    std::size_t dst_left = result.size() - written;
    std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    written = result.size() - dst_left;
    if (rc != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG || result.size() - written < 8) {
      result.resize(result.size() * 2);
      continue;
    }
    // EILSEQ or EINVAL (truncated at the end): replace one byte and go on.
    result.replace(written, 3, "\xEF\xBF\xBD");
    written += 3;
    ++src;
    --src_left;
    ++bad;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  }
  iconv_close(cd);
  result.resize(written);
  if (replaced) *replaced = bad;
  *out = std::move(result);
  return true;
}

// Byte pairs with a NUL on one side, mostly: UTF-16 text saved without a BOM.
// Returns "UTF-16LE", "UTF-16BE" or "".
std::string utf16_without_bom(std::string_view s) {
  std::string_view head = s.substr(0, 4096 & ~std::size_t{1});
  if (head.size() < 8) return {};
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
    even_nul += head[i] == 0;
    odd_nul += head[i + 1] == 0;
  }
  std::size_t pairs = head.size() / 2;
  if (odd_nul * 10 >= pairs * 7 && even_nul * 10 < pairs) return "UTF-16LE";
  if (even_nul * 10 >= pairs * 7 && odd_nul * 10 < pairs) return "UTF-16BE";
  return {};
}

// WHATWG Encoding: labels pages use, mapped to what browsers decode them as
// (a page saying iso-8859-1 is read as windows-1252, whose 0x80-0x9F are
// curly quotes and dashes), in names glibc's iconv knows.
std::string decoder_for_label(std::string label) {
  static const std::pair<const char*, const char*> kAliases[] = {
      {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"latin1", "windows-1252"},
      {"latin-1", "windows-1252"}, {"l1", "windows-1252"}, {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"}, {"cp1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
      {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"}, {"tis-620", "windows-874"},
      {"iso-8859-11", "windows-874"}, {"gb2312", "gb18030"}, {"gbk", "gb18030"}, {"x-gbk", "gb18030"},
      {"euc-kr", "cp949"}, {"ks_c_5601-1987", "cp949"}, {"shift_jis", "cp932"}, {"shift-jis", "cp932"},
      {"sjis", "cp932"}, {"x-sjis", "cp932"}, {"windows-31j", "cp932"}, {"big5", "big5-hkscs"},
      {"x-mac-roman", "macintosh"}, {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
      // A page read as bytes cannot be UTF-16 if its <meta> was readable as ASCII.
      {"utf-16", "utf-8"}, {"utf-16le", "utf-8"}, {"utf-16be", "utf-8"}};
  for (auto [from, to] : kAliases)
    if (label == from) return to;
  return label;
}

// Valid UTF-8 with at least one multi-byte sequence is UTF-8 whatever a
// header says: legacy text is almost never valid UTF-8 by accident, while
// crawlers often re-encode pages and leave the old <meta charset> behind.
bool has_multibyte(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

// Mostly UTF-8 with a few broken bytes (a truncated record, one bad copy):
// replacing the bad bytes loses less than reading the page as a legacy
// charset, which would garble every non-ASCII character.
bool mostly_utf8(std::string_view s) {
  std::size_t good_multibyte = 0, bad = 0;
  while (!s.empty()) {
    std::size_t ok = valid_utf8_prefix(s);
    for (std::size_t i = 0; i < ok; ++i) good_multibyte += (static_cast<unsigned char>(s[i]) & 0xC0) == 0xC0;
    if (ok == s.size()) break;
    ++bad;
    s.remove_prefix(ok + 1);
  }
  return good_multibyte >= 4 && bad * 4 <= good_multibyte;
}

// ASCII letters only, by hand: std::tolower is a library call per byte
// (and locale-dependent), and the charset sniff lowers the first 6 KB of
// every record, about 6% of extracting a short page.
std::string lower_ascii(std::string_view s) { return text::ascii_lowered(s); }

// <meta charset="x"> or <meta http-equiv content="...; charset=x"> in the
// first 4 KiB, as the HTML prescan algorithm looks for it: inside a <meta>
// tag only, so "charset" in a script or in the text does not count.
std::string declared_html_charset(std::string_view bytes) {
  std::string head = lower_ascii(bytes.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    std::size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::size_t at = head.find("charset", pos);
    pos += 5;
    if (at == std::string::npos || at > end) continue;
    std::size_t i = at + 7;
    while (i < end && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t j = i;
    while (j < end && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_' ||
                       head[j] == ':' || head[j] == '.'))
      ++j;
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
  if (mostly_utf8(bytes)) return "utf-8";  // its bad bytes are replaced, not the page re-read
  uchardet_t ud = uchardet_new();
  uchardet_handle_data(ud, bytes.data(), std::min<std::size_t>(bytes.size(), 1 << 16));
  uchardet_data_end(ud);
  std::string cs = uchardet_get_charset(ud);
  uchardet_delete(ud);
  return lower_ascii(cs);
}

bool is_utf8_name(const std::string& cs) { return cs == "utf-8" || cs == "utf8"; }

// The text was changed or guessed: the record says so, and so does stderr.
void report_repair(Document& doc, std::string message) {
  doc.warnings.push_back(message);
  doc.repairs.push_back(std::move(message));
}

}  // namespace

bool is_valid_utf8(std::string_view s) { return valid_utf8_prefix(s) == s.size(); }
std::string repaired_utf8(std::string_view s) { return replace_invalid(s); }

bool looks_binary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  // UTF-16 text has NULs too; a BOM says it is text.
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
    return false;
  if (!utf16_without_bom(head).empty()) return false;
  // Formats a crawler saves by mistake, known by their magic bytes.
  for (std::string_view magic : {std::string_view("\x7F" "ELF"), std::string_view("\x89PNG"), std::string_view("GIF8"),
                                 std::string_view("\xFF\xD8\xFF"), std::string_view("PK\x03\x04"),
                                 std::string_view("%PDF-"), std::string_view("\x1F\x8B"),
                                 std::string_view("\x28\xB5\x2F\xFD")})
    if (head.starts_with(magic)) return true;
  // A stray NUL in a page is damage to repair, not a sign of binary data;
  // many of them are.
  std::size_t control = 0, nul = 0;
  for (unsigned char c : head) {
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B) ++control;
  }
  return head.size() > 0 && (nul * 64 > head.size() || (control + nul) * 10 > head.size());
}

InputFormat sniff_format(std::string_view bytes) {
  std::string head = lower_ascii(bytes.substr(0, 2048));
  std::size_t start = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (start == std::string::npos) return InputFormat::Text;
  std::string_view h(head);
  h.remove_prefix(start);
  // A document, or a fragment saved from one, opens with markup.
  for (std::string_view opener : {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<title",
                                  "<div", "<article", "<section", "<main", "<header", "<table", "<p>", "<p ",
                                  "<h1", "<h2", "<h3", "<ul", "<ol", "<link", "<style", "<script"})
    if (h.starts_with(opener)) return InputFormat::Html;
  // A page whose first tags come after some junk: count tag-like openings and
  // closings; a text dump quoting one tag, or "a < b", does not reach five.
  std::size_t tags = 0;
  for (std::string_view t : {"<div", "<p>", "<p ", "<a ", "<span", "<table", "<li", "<br", "<script", "</p>", "</div>",
                             "</a>", "</li>", "</span>"}) {
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
  } else if (std::string cs = utf16_without_bom(body); !cs.empty()) {
    std::string out;
    convert_with_iconv(cs, body, &out);
    body = std::move(out);
    doc.charset = lower_ascii(cs);
    report_repair(doc, fmt::format("no byte order mark; decoded as {} from the NUL pattern", cs));
  }
  // The few NULs that looks_binary lets through are damage: Gumbo and RE2
  // would carry them into the text, so they go, and the record says so.
  if (std::size_t nuls = static_cast<std::size_t>(std::count(body.begin(), body.end(), '\0')); nuls > 0) {
    body.erase(std::remove(body.begin(), body.end(), '\0'), body.end());
    report_repair(doc, fmt::format("{} NUL byte{} removed", nuls, nuls == 1 ? "" : "s"));
  }
  if (doc.charset.empty()) {
    std::string declared = lower_ascii(doc.charset_hint);
    if (declared.empty() && sniff_format(body) == InputFormat::Html) declared = declared_html_charset(body);
    declared = decoder_for_label(declared);
    std::size_t valid = valid_utf8_prefix(body);
    // Pure ASCII reads the same in every charset pages declare, except the
    // stateful ones whose escape sequences are ASCII bytes.
    bool stateful = declared.starts_with("iso-2022") || declared == "utf-7" || declared == "hz-gb-2312";
    if (valid == body.size() && (has_multibyte(body) || !stateful)) {
      if (!declared.empty() && !is_utf8_name(declared) && has_multibyte(body))
        doc.warnings.push_back(fmt::format("declared {} but the bytes are valid UTF-8; read as UTF-8", declared));
      doc.charset = "utf-8";
    } else {
      std::string out;
      std::string cs = declared;
      std::size_t replaced = 0;
      // A legacy declaration on a page that is UTF-8 but for a few broken
      // bytes is stale: trusting it would garble every non-ASCII letter.
      if (!cs.empty() && !is_utf8_name(cs) && !mostly_utf8(body) && convert_with_iconv(cs, body, &out, &replaced)) {
        if (replaced)
          report_repair(doc, fmt::format("{} bytes undefined in {} replaced by U+FFFD", replaced, cs));
        body = std::move(out);
        doc.charset = cs;
      } else if (valid == body.size()) {
        doc.charset = "utf-8";  // declared something iconv does not know, but the bytes are UTF-8
      } else {
        cs = guess_charset(body);
        if (!cs.empty() && !is_utf8_name(cs) && cs != "ascii" && convert_with_iconv(cs, body, &out)) {
          report_repair(doc, fmt::format("invalid UTF-8 at byte {}; decoded as {} (guessed)", valid, cs));
          body = std::move(out);
          doc.charset = cs;
        } else {
          report_repair(doc, fmt::format("invalid UTF-8 at byte {}; invalid bytes replaced by U+FFFD", valid));
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
