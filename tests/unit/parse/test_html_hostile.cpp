// Hostile HTML: inputs built to crash, hang or exhaust a parser. Each must
// come back quickly with sane blocks. The inputs are generated here, not
// stored.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "winnow/decode.hpp"
#include "winnow/html.hpp"

namespace {

struct Outcome {
  winnow::Document doc;
  double seconds = 0;
};

Outcome run(std::string html) {
  Outcome out;
  out.doc.body = std::move(html);
  auto start = std::chrono::steady_clock::now();
  std::string problem;
  if (winnow::decode_document(out.doc, &problem)) {
    winnow::parse_html(out.doc);
    winnow::classify_html_generic(out.doc);
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

std::string repeat(std::string_view piece, std::size_t n) {
  std::string s;
  s.reserve(piece.size() * n);
  for (std::size_t i = 0; i < n; ++i) s += piece;
  return s;
}

}  // namespace

TEST_CASE("hostile: 100,000 nested <div>s") {
  auto r = run("<html><body>" + repeat("<div>", 100000) + "deep text" + repeat("</div>", 100000) + "</body></html>");
  REQUIRE(r.doc.blocks.size() == 1);
  CHECK(r.doc.blocks[0].text == "deep text");
  CHECK(r.seconds < 5);
}

TEST_CASE("hostile: 100,000 nested unclosed formatting elements with text") {
  auto r = run("<html><body>" + repeat("<b><i>x", 50000) + "</body></html>");
  REQUIRE_FALSE(r.doc.blocks.empty());
  CHECK(r.doc.blocks[0].text.size() == 50000);  // the text survives; the nesting does not
  CHECK(r.seconds < 5);
}

TEST_CASE("hostile: unclosed tags everywhere") {
  auto r = run("<html><body><div><p>one<p>two<ul><li>three<li>four<table><tr><td>five<div><span><a href=x>six");
  std::string all;
  for (const auto& b : r.doc.blocks) all += b.text + "|";
  CHECK(all == "one|two|three|four|five|six|");
}

TEST_CASE("hostile: a 50 MB page") {
  std::string paragraph = "<p>" + repeat("Words of a very long article, with commas, go on. ", 20) + "</p>\n";
  std::string page = "<html><body><article>";
  while (page.size() < 50u * 1000 * 1000) page += paragraph;
  page += "</article></body></html>";
  auto r = run(std::move(page));
  CHECK(r.doc.blocks.size() > 40000);
  CHECK(r.doc.blocks[0].role == winnow::Role::Body);
  CHECK(r.seconds < 60);
}

TEST_CASE("hostile: a page of only scripts") {
  auto r = run("<html><head>" + repeat("<script>document.write('<p>' + x + '</p>');</script>", 10000) +
               "</head><body>" + repeat("<script src=a.js></script>", 1000) + "</body></html>");
  CHECK(r.doc.blocks.empty());
}

TEST_CASE("hostile: unterminated script and comment swallow the rest, no hang") {
  auto a = run("<html><body><p>before</p><script>var s = '</scr' + 'ipt>'; <p>never");
  REQUIRE(a.doc.blocks.size() == 1);
  CHECK(a.doc.blocks[0].text == "before");
  auto b = run("<html><body><p>before</p><!-- <p>never</p>");
  REQUIRE(b.doc.blocks.size() == 1);
}

TEST_CASE("hostile: NUL bytes") {
  // decode refuses NULs near the start as binary; parse_html itself must cope.
  winnow::Document doc;
  doc.body = std::string("<html><body><p>a\0b</p><p>\0\0\0</p><div\0>c</div></body></html>", 52);
  winnow::parse_html(doc);
  winnow::classify_html_generic(doc);
  REQUIRE_FALSE(doc.blocks.empty());
  CHECK(doc.blocks[0].text.starts_with("a"));

  // Past the sniffing window a NUL is data, not a verdict.
  auto r = run("<html><body><p>" + repeat("text ", 4000) + std::string(1, '\0') + " more</p></body></html>");
  REQUIRE_FALSE(r.doc.blocks.empty());
}

TEST_CASE("hostile: empty and near-empty documents") {
  for (const char* html : {"", "<", "<html>", "<!--", "<script>", "</div></div>", "&", "&#0;&#xFFFFFF;"}) {
    winnow::Document doc;
    doc.body = html;
    winnow::parse_html(doc);
    winnow::classify_html_generic(doc);
    CHECK(doc.blocks.size() <= 1);
  }
}

TEST_CASE("hostile: 100,000 attributes and a 10 MB attribute value") {
  auto r = run("<html><body><div " + repeat("a=b ", 100000) + "class=\"" + std::string(10000000, 'x') +
               "\"><p>text</p></div></body></html>");
  REQUIRE(r.doc.blocks.size() == 1);
  CHECK(r.doc.blocks[0].text == "text");
}
