#include <doctest/doctest.h>

#include "winnow/decode.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <random>
#include <string>

#include "winnow/output.hpp"

using namespace winnow;

namespace {

// What RapidJSON's own Writer makes of `s`: the reference the hand-written
// escaper must match byte for byte.
std::string writer_string(const std::string& s) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return std::string(buf.GetString(), buf.GetSize());
}

std::string escaped(const std::string& s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

}  // namespace

TEST_CASE("JSON strings: quotes, backslashes and control bytes escaped as RapidJSON does") {
  CHECK(escaped("") == "\"\"");
  CHECK(escaped("plain text, longer than one block of eight") == "\"plain text, longer than one block of eight\"");
  CHECK(escaped("a \"b\"\n") == R"("a \"b\"\n")");
  CHECK(escaped(std::string("\x01\x1f\b\f\r\t\\/", 8)) == R"("\u0001\u001F\b\f\r\t\\/")");
  CHECK(escaped("Vuković – “quoted”") == "\"Vuković – “quoted”\"");
  CHECK(escaped(std::string("nul\0byte", 8)) == R"("nul\u0000byte")");
}

TEST_CASE("JSON strings: random bytes at every offset and length match RapidJSON's Writer") {
  // Bytes drawn mostly from the ones that need care (control bytes, quote,
  // backslash, bytes just above them, UTF-8 lead and continuation bytes), so
  // every position of an escape inside and across 8-byte blocks is tried.
  const unsigned char alphabet[] = {0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, 0x21,
                                    '"',  0x23, '\\', 0x5B, 0x5D, 'a',  'Z',  0x7F, 0x80, 0xA0,
                                    0xBF, 0xC3, 0xE2, 0xFF};
  std::mt19937 rng(20261124);
  std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 1), len(0, 40);
  int mismatches = 0;
  std::string first_mismatch;
  for (int round = 0; round < 5000; ++round) {
    std::string s(len(rng), 'x');
    for (auto& c : s)
      c = static_cast<char>(rng() % 3 == 0 ? alphabet[pick(rng)] : static_cast<unsigned char>('a' + rng() % 26));
    // Invalid UTF-8 is repaired first (U+FFFD per bad byte), as for every
    // string a record carries; the escaping must then be RapidJSON's.
    if (escaped(s) != writer_string(winnow::repaired_utf8(s)) && mismatches++ == 0) first_mismatch = s;
  }
  CAPTURE(first_mismatch);
  CHECK(mismatches == 0);
}

TEST_CASE("JSON strings: invalid UTF-8 from outside the text is repaired, valid text left alone") {
  CHECK(escaped("caf\xe9") == "\"caf\xef\xbf\xbd\"");
  CHECK(escaped("\xff\xfe") == "\"\xef\xbf\xbd\xef\xbf\xbd\"");
  CHECK(escaped("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
}
