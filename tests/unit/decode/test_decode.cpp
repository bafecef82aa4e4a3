#include <doctest/doctest.h>

#include "winnow/decode.hpp"

using namespace winnow;

namespace {
bool decode(Document& doc) {
  std::string problem;
  bool ok = decode_document(doc, &problem);
  if (!ok) doc.warnings.push_back(problem);
  return ok;
}
}  // namespace

TEST_CASE("empty, blank and binary inputs are refused with a reason") {
  Document empty;
  std::string problem;
  CHECK_FALSE(decode_document(empty, &problem));
  CHECK(problem == "empty input");
  Document blank;
  blank.body = " \n\t\n";
  CHECK_FALSE(decode_document(blank, &problem));
  Document bin;
  bin.body = std::string("PK\x03\x04\0\0\0", 7) + "zipdata";
  CHECK_FALSE(decode_document(bin, &problem));
  CHECK(problem == "binary data, not text or HTML");
}

TEST_CASE("UTF-8 with BOM, UTF-16 with BOM") {
  Document a;
  a.body = "\xEF\xBB\xBFHello";
  REQUIRE(decode(a));
  CHECK(a.body == "Hello");
  CHECK(a.charset == "utf-8");
  Document b;
  b.body = std::string("\xFF\xFEH\0i\0 \0\xE9\0", 10);
  REQUIRE(decode(b));
  CHECK(b.body == "Hi \xC3\xA9");
  CHECK(b.charset == "utf-16le");
}

TEST_CASE("invalid UTF-8 is decoded, never dropped, and reported as a repair") {
  Document doc;
  doc.body = "Caf\xE9 cr\xE8me br\xFBl\xE9" "e, une sp\xE9" "cialit\xE9 fran\xE7" "aise tr\xE8s appr\xE9" "ci\xE9" "e.";
  REQUIRE(decode(doc));
  CHECK(doc.body.starts_with("Caf\xC3\xA9 cr\xC3\xA8me"));
  REQUIRE(doc.repairs.size() == 1);
  CHECK(doc.repairs[0].starts_with("invalid UTF-8 at byte 3"));
}

TEST_CASE("a declared charset is honoured for HTML") {
  Document doc;
  doc.body = "<html><head><meta charset=\"windows-1252\"></head><body><p>\x93quoted\x94</p></body></html>";
  REQUIRE(decode(doc));
  CHECK(doc.format == InputFormat::Html);
  CHECK(doc.charset == "windows-1252");
  CHECK(doc.body.find("\xE2\x80\x9Cquoted\xE2\x80\x9D") != std::string::npos);
}

TEST_CASE("format is sniffed from content") {
  CHECK(sniff_format("<!DOCTYPE html><html>") == InputFormat::Html);
  CHECK(sniff_format("  \n<html lang=en>") == InputFormat::Html);
  CHECK(sniff_format("- Home\n- About\nPress release\n") == InputFormat::Text);
  CHECK(sniff_format("a < b and c > d") == InputFormat::Text);
}
