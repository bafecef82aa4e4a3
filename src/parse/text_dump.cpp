// Parsing text dumps.
//
// The dump format is whatever an HTML-to-text flattener wrote, so the parser
// is deliberately literal: it does not guess which lines belong together. A
// paragraph in the dump is one line (the flattener joined the <p>'s text), and
// joining lines is the classifier's job, where site knowledge lives (e.g. the
// abbreviation tooltip that splits a sentence over two lines).
#include "winnow/text_dump.hpp"

#include "deadline.hpp"

namespace winnow {

std::size_t layout_space_length(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
    if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF)) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;
  return 0;
}

std::size_t word_count(std::string_view line) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::string normalise_whitespace(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < line.size();) {
    if (std::size_t w = layout_space_length(line, i)) {
      pending_space = !out.empty();
      i += w;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(line[i++]);
  }
  return out;
}

void parse_text_dump(Document& doc) {
  doc.blocks.clear();
  std::string_view body = doc.body;
  std::size_t line_number = 0;
  while (!body.empty()) {
    poll_deadline();
    std::size_t eol = body.find('\n');
    std::string_view raw = body.substr(0, eol);
    body.remove_prefix(eol == std::string_view::npos ? body.size() : eol + 1);
    ++line_number;
    std::string line = normalise_whitespace(raw);
    if (line.empty()) continue;
    Block block;
    block.source_line = line_number;
    if (line == "-") {
      block.kind = BlockKind::ListMarker;
    } else if (line.size() > 2 && line[0] == '-' && line[1] == ' ') {
      block.kind = BlockKind::ListItem;
      block.text = line.substr(2);
    } else {
      block.text = std::move(line);
    }
    doc.blocks.push_back(std::move(block));
  }
}

}  // namespace winnow
