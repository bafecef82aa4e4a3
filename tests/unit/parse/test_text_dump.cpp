#include <doctest/doctest.h>

#include "winnow/text_dump.hpp"

using namespace winnow;

TEST_CASE("text dump lines become blocks by their list marks") {
  Document doc;
  doc.body = "-\nOur work\n- Arms control\n\n  Body  text\there \r\n- \n";
  parse_text_dump(doc);
  REQUIRE(doc.blocks.size() == 5);
  CHECK(doc.blocks[0].kind == BlockKind::ListMarker);
  CHECK(doc.blocks[1].kind == BlockKind::Paragraph);
  CHECK(doc.blocks[1].text == "Our work");
  CHECK(doc.blocks[2].kind == BlockKind::ListItem);
  CHECK(doc.blocks[2].text == "Arms control");
  CHECK(doc.blocks[3].text == "Body text here");
  CHECK(doc.blocks[3].source_line == 5);
  CHECK(doc.blocks[4].kind == BlockKind::ListMarker);  // "- " normalises to "-"
}

TEST_CASE("whitespace normalisation folds Unicode spaces") {
  CHECK(normalise_whitespace("  a\xC2\xA0\xC2\xA0 b\xE2\x80\x89" "c  ") == "a b c");
  CHECK(normalise_whitespace("\t\t") == "");
}
