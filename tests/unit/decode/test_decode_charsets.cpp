// Decoding: every way a page can arrive not in UTF-8 ends as UTF-8 text, and
// bytes that cannot be read become U+FFFD with a warning, never a crash and
// never silently dropped text.
#include <doctest/doctest.h>

#include <string>

#include "winnow/decode.hpp"

namespace {

winnow::Document decoded(std::string bytes, std::string hint = {}) {
  winnow::Document doc;
  doc.body = std::move(bytes);
  doc.charset_hint = std::move(hint);
  std::string problem;
  REQUIRE_MESSAGE(winnow::decode_document(doc, &problem), problem);
  return doc;
}

bool has_warning(const winnow::Document& doc, std::string_view word) {
  for (const auto& w : doc.warnings)
    if (w.find(word) != std::string::npos) return true;
  return false;
}

const std::string kFFFD = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("decode: windows-1252 declared by <meta charset>") {
  auto doc = decoded("<html><head><meta charset=\"windows-1252\"></head><body><p>\x93" "Caf\xE9\x94 \x96 na\xEFve</p></body></html>");
  CHECK(doc.charset == "windows-1252");
  CHECK(doc.body.find("\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x93 na\xC3\xAFve") != std::string::npos);
  CHECK(doc.format == winnow::InputFormat::Html);
}

TEST_CASE("decode: iso-8859-1 label is read as windows-1252, as browsers do") {
  auto doc = decoded("<html><head><meta charset=iso-8859-1></head><body>\x93quoted\x94</body></html>");
  CHECK(doc.charset == "windows-1252");
  CHECK(doc.body.find("\xE2\x80\x9Cquoted\xE2\x80\x9D") != std::string::npos);
}

TEST_CASE("decode: ISO-8859-2 declared by <meta http-equiv>") {
  auto doc = decoded(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\"></head>"
      "<body>Pozna\xF1, \xA3\xF3\x64\xBC</body></html>");
  CHECK(doc.charset == "iso-8859-2");
  CHECK(doc.body.find("Pozna\xC5\x84, \xC5\x81\xC3\xB3\x64\xC5\xBA") != std::string::npos);  // Poznań, Łódź
}

TEST_CASE("decode: KOI8-R from the HTTP header hint") {
  // "Привет" in KOI8-R
  auto doc = decoded("<html><body><p>\xF0\xD2\xC9\xD7\xC5\xD4</p></body></html>", "KOI8-R");
  CHECK(doc.charset == "koi8-r");
  CHECK(doc.body.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82") != std::string::npos);
}

TEST_CASE("decode: UTF-16 with a byte order mark, both byte orders") {
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : std::string("<html><body>Hi \xE9</body></html>")) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  auto a = decoded(le);
  auto b = decoded(be);
  CHECK(a.charset == "utf-16le");
  CHECK(b.charset == "utf-16be");
  CHECK(a.body == "<html><body>Hi \xC3\xA9</body></html>");
  CHECK(b.body == a.body);
}

TEST_CASE("decode: UTF-16LE without a byte order mark is recognised by its NULs") {
  std::string le;
  for (char c : std::string("<html><body>plain text here</body></html>")) le += c, le += '\0';
  auto doc = decoded(le);
  CHECK(doc.charset == "utf-16le");
  CHECK(doc.body == "<html><body>plain text here</body></html>");
}

TEST_CASE("decode: a stale legacy declaration on valid UTF-8 keeps UTF-8") {
  auto doc = decoded("<html><head><meta charset=windows-1252></head><body>Caf\xC3\xA9 \xE2\x80\x93 ok</body></html>");
  CHECK(doc.charset == "utf-8");
  CHECK(doc.body.find("Caf\xC3\xA9 \xE2\x80\x93 ok") != std::string::npos);
  CHECK(has_warning(doc, "valid UTF-8"));
}

TEST_CASE("decode: a few invalid bytes in UTF-8 become U+FFFD with a warning, the rest survives") {
  auto doc = decoded("<html><body><p>Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65 \xFF end \xC3</p></body></html>");
  CHECK(doc.charset == "utf-8");
  CHECK(doc.body.find("Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65 " + kFFFD + " end " + kFFFD) != std::string::npos);
  CHECK(has_warning(doc, "U+FFFD"));
}

TEST_CASE("decode: bytes a declared charset does not define become U+FFFD, not a failed page") {
  // 0x81 is undefined in windows-1252 (glibc's iconv refuses it).
  auto doc = decoded("<html><head><meta charset=windows-1252></head><body>a\x81" "b \xE9t\xE9</body></html>");
  CHECK(doc.charset == "windows-1252");
  CHECK(doc.body.find("a" + kFFFD + "b \xC3\xA9t\xC3\xA9") != std::string::npos);
  CHECK(has_warning(doc, "U+FFFD"));
}

TEST_CASE("decode: undeclared legacy text is guessed, with a warning") {
  std::string cyrillic;  // a Russian sentence in windows-1251, long enough for uchardet
  for (int i = 0; i < 20; ++i)
    cyrillic += "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0! \xDD\xF2\xEE \xF2\xE5\xF1\xF2\xEE\xE2\xFB\xE9 \xF2\xE5\xEA\xF1\xF2. ";
  auto doc = decoded("<html><body><p>" + cyrillic + "</p></body></html>");
  CHECK(doc.charset != "utf-8");
  CHECK(has_warning(doc, "guessed"));
  CHECK(doc.body.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82") != std::string::npos);  // Привет
}

TEST_CASE("decode: empty and binary inputs are refused with a reason") {
  winnow::Document empty, binary;
  empty.body = "  \n";
  binary.body = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  std::string problem;
  CHECK_FALSE(winnow::decode_document(empty, &problem));
  CHECK(problem == "empty input");
  CHECK_FALSE(winnow::decode_document(binary, &problem));
  CHECK(problem.find("binary") != std::string::npos);
}

TEST_CASE("decode: 'charset' in script text is not a declaration") {
  auto doc = decoded("<html><head><script>var charset = 'koi8-r';</script></head><body>\xC3\xA9t\xC3\xA9</body></html>");
  CHECK(doc.charset == "utf-8");
}

TEST_CASE("sniff: HTML by content") {
  CHECK(winnow::sniff_format("<!DOCTYPE html><p>x") == winnow::InputFormat::Html);
  CHECK(winnow::sniff_format("\n  <html lang=en>") == winnow::InputFormat::Html);
  CHECK(winnow::sniff_format("Press release\nTitle\n- Date:\n") == winnow::InputFormat::Text);
  CHECK(winnow::sniff_format("junk <div>a</div><div>b</div><p>c</p><span>d</span><a href=x>e</a>") ==
        winnow::InputFormat::Html);
}

TEST_CASE("decode: a stale legacy declaration on UTF-8 with a broken byte keeps UTF-8") {
  auto doc = decoded("<html><head><meta charset=windows-1251></head><body>Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65 "
                     "d\xC3\xA9j\xC3\xA0 \xFF</body></html>");
  CHECK(doc.charset == "utf-8");
  CHECK(doc.body.find("Caf\xC3\xA9 cr\xC3\xA8me") != std::string::npos);
  CHECK(has_warning(doc, "U+FFFD"));
}
